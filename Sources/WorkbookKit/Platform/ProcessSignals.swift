#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals sent to processes and process groups, and this process's own signal dispositions:
/// `killpg`, `kill`, `signal`, `getpid` and `_exit`, the same calls on Linux and macOS.
package enum ProcessSignals {
    package static let interrupt = SIGINT
    package static let terminate = SIGTERM
    package static let hangUp = SIGHUP

    /// This process's id.
    package static var currentProcess: pid_t { getpid() }

    /// Kills (SIGKILL) every process of the group led by `leader`; whether the signal was sent.
    @discardableResult
    package static func killGroup(_ leader: pid_t) -> Bool {
        killpg(leader, SIGKILL) == 0
    }

    /// Kills (SIGKILL) the process `pid`; whether the signal was sent.
    @discardableResult
    package static func kill(_ pid: pid_t) -> Bool {
        send(SIGKILL, to: pid)
    }

    /// Sends `signalNumber` to the process `pid`; whether it was sent.
    @discardableResult
    package static func send(_ signalNumber: Int32, to pid: pid_t) -> Bool {
        #if canImport(Glibc)
        Glibc.kill(pid, signalNumber) == 0
        #else
        Darwin.kill(pid, signalNumber) == 0
        #endif
    }

    /// Makes this process ignore `signalNumber` (a dispatch source may still observe it).
    package static func ignore(_ signalNumber: Int32) {
        _ = signal(signalNumber, SIG_IGN)
    }

    /// Gives `signalNumber` its default effect again (for most signals: end the process).
    package static func restoreDefault(_ signalNumber: Int32) {
        _ = signal(signalNumber, SIG_DFL)
    }

    /// Ends this process at once with `status`, running no exit handlers.
    package static func exitNow(_ status: Int32) -> Never {
        _exit(status)
    }
}
