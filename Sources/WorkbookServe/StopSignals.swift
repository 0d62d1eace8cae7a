import Dispatch
import WorkbookKit

/// Catches SIGINT (Ctrl-C) and SIGTERM for `serve`: ends every child process, then calls
/// `stopped` (which exits).
public final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    public init(stopped: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "workbook.serve.signals")
        sources = [ProcessSignals.interrupt, ProcessSignals.terminate].map { number in
            ProcessSignals.ignore(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                ProcessGroups.killAll()
                ChildProcesses.endAll()
                stopped()
            }
            source.resume()
            return source
        }
    }

    deinit { for source in sources { source.cancel() } }
}
