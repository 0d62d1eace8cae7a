import Dispatch
import Foundation
import Synchronization

/// The process groups of running chapter programs. Each program leads a group of its own, so
/// killing the group also kills every process a snippet started; groups are killed on timeout,
/// after the program exits, and when `workbook` receives SIGINT, SIGTERM or SIGHUP.
public enum ProcessGroups {
    private static let live = Mutex<Set<pid_t>>([])
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let installed = Mutex(false)

    /// Records the group led by `pid` as running.
    package static func register(_ pid: pid_t) { live.withLock { _ = $0.insert(pid) } }

    /// Kills the group led by `pid` (with every process left in it) and forgets it.
    package static func kill(group pid: pid_t) {
        guard pid > 0 else { return }
        ProcessSignals.killGroup(pid)
        live.withLock { _ = $0.remove(pid) }
    }

    /// Kills every running group.
    public static func killAll() {
        for pid in live.withLock({ $0 }) { kill(group: pid) }
    }

    /// Whether the process `pid` has ended (gone, or a zombie waiting to be reaped).
    package static func hasExited(_ pid: pid_t) -> Bool {
        ProcessLiveness.hasEnded(pid)
    }

    /// Makes SIGINT, SIGTERM and SIGHUP kill every chapter program's group, then end
    /// `workbook` as the signal would have. Call once, at start-up.
    public static func installSignalHandlers() {
        let first = installed.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        for signalNumber in [ProcessSignals.interrupt, ProcessSignals.terminate, ProcessSignals.hangUp] {
            ProcessSignals.ignore(signalNumber)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                killAll()
                ProcessSignals.restoreDefault(signalNumber)
                ProcessSignals.send(signalNumber, to: ProcessSignals.currentProcess)
                Thread.sleep(forTimeInterval: 0.2)
                ProcessSignals.exitNow(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
