import Foundation
import WorkbookKit

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
            let found = descendants(of: ProcessSignals.currentProcess)
            if found.isEmpty {
                quietRounds += 1
            } else {
                quietRounds = 0
                for pid in found where ProcessSignals.kill(pid) { killed += 1 }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return killed
    }

    /// The process ids below `root` in the process tree (Linux `/proc`; empty elsewhere).
    public static func descendants(of root: pid_t) -> [pid_t] {
        let parents = ProcessLiveness.parentTable()
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

    /// The parent id in a `/proc/PID/stat` line (`ProcessLiveness.parentID(fromStat:)`).
    static func parentID(fromStat line: String) -> pid_t? {
        ProcessLiveness.parentID(fromStat: line)
    }
}
