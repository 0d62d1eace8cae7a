#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whether processes are alive, and the process tree: `kill(pid, 0)` on every platform,
/// `/proc/<pid>/stat` on Linux.
package enum ProcessLiveness {
    /// Whether a process with this id exists (a zombie not yet reaped counts): `kill(pid, 0)`
    /// succeeds, or fails only because the process belongs to another user.
    package static func exists(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        return ProcessSignals.send(0, to: pid) || errno == EPERM
    }

    /// Whether the process `pid` has ended: gone, or a zombie waiting to be reaped. Linux reads
    /// the state in `/proc/<pid>/stat`; elsewhere a zombie cannot be told apart and only a
    /// process that is gone counts (`kill(pid, 0)` fails).
    package static func hasEnded(_ pid: pid_t) -> Bool {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state == "Z" || state == "X"
        #else
        return !ProcessSignals.send(0, to: pid)
        #endif
    }

    /// `pid → parent pid` for every process, from `/proc/<pid>/stat`. Linux only: elsewhere
    /// (no `/proc`) the table is empty, so no descendant is ever found.
    package static func parentTable() -> [pid_t: pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [:] }
        var table: [pid_t: pid_t] = [:]
        for name in names {
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let parent = parentID(fromStat: stat) else { continue }
            table[pid] = parent
        }
        return table
    }

    /// The fourth field of a `/proc/<pid>/stat` line; the second (the command, in parentheses)
    /// may itself hold spaces and parentheses, so fields are counted after its last `)`.
    package static func parentID(fromStat line: String) -> pid_t? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        guard fields.count >= 2 else { return nil }
        return pid_t(fields[1])
    }
}
