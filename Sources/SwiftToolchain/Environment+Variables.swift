import Subprocess
import WorkbookKit

extension Environment {
    /// Exactly `variables`, nothing inherited from the running process.
    package static func exactly(_ variables: [String: String]) -> Environment {
        var keyed: [Environment.Key: String] = [:]
        for (name, value) in variables {
            if let key = Environment.Key(rawValue: name) { keyed[key] = value }
        }
        return .custom(keyed)
    }
}
