#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    static func register(_ pid: pid_t) { live.withLock { _ = $0.insert(pid) } }

    /// Kills the group led by `pid` (with every process left in it) and forgets it.
    static func kill(group pid: pid_t) {
        guard pid > 0 else { return }
        _ = killpg(pid, SIGKILL)
        live.withLock { _ = $0.remove(pid) }
    }

    /// Kills every running group.
    public static func killAll() {
        for pid in live.withLock({ $0 }) { kill(group: pid) }
    }

    /// Whether the process `pid` has ended (gone, or a zombie waiting to be reaped).
    static func hasExited(_ pid: pid_t) -> Bool {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state == "Z" || state == "X"
        #else
        return Darwin.kill(pid, 0) != 0
        #endif
    }

    private static func processKill(_ pid: pid_t, _ signalNumber: Int32) {
        #if canImport(Glibc)
        _ = Glibc.kill(pid, signalNumber)
        #else
        _ = Darwin.kill(pid, signalNumber)
        #endif
    }

    /// Makes SIGINT, SIGTERM and SIGHUP kill every chapter program's group, then end
    /// `workbook` as the signal would have. Call once, at start-up.
    public static func installSignalHandlers() {
        let first = installed.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                killAll()
                signal(signalNumber, SIG_DFL)
                processKill(getpid(), signalNumber)
                usleep(200_000)
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
