import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends every process this one started, and theirs, before `serve` exits.
///
/// Chapter programs and the compiler run in the tool's own process group, so a Ctrl-C in a
/// terminal reaches them too; a signal sent to the tool alone (`kill -INT`) does not. The
/// descendants are found in `/proc` by parent id and killed until none is left, so that a
/// process started while others were being killed is caught as well.
public enum ChildProcesses {
    /// Kills every descendant of this process; returns how many were killed.
    @discardableResult
    public static func endAll() -> Int {
        var killed = 0
        var quietRounds = 0
        for _ in 0..<200 where quietRounds < 3 {
            let found = descendants(of: getpid())
            if found.isEmpty {
                quietRounds += 1
            } else {
                quietRounds = 0
                for pid in found where kill(pid, SIGKILL) == 0 { killed += 1 }
            }
            usleep(10_000)
        }
        return killed
    }

    /// The process ids below `root` in the process tree (Linux `/proc`; empty elsewhere).
    public static func descendants(of root: pid_t) -> [pid_t] {
        let parents = parentTable()
        var children: [pid_t: [pid_t]] = [:]
        for (pid, parent) in parents { children[parent, default: []].append(pid) }
        var result: [pid_t] = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] {
                result.append(child)
                queue.append(child)
            }
        }
        return result
    }

    /// `pid → parent pid` for every process, from `/proc/PID/stat`.
    static func parentTable() -> [pid_t: pid_t] {
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

    /// The fourth field of a `/proc/PID/stat` line; the second (the command, in parentheses)
    /// may itself hold spaces and parentheses, so fields are counted after its last `)`.
    static func parentID(fromStat line: String) -> pid_t? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        guard fields.count >= 2 else { return nil }
        return pid_t(fields[1])
    }
}
