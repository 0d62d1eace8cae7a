import ArgumentParser
import Foundation
import WorkbookDriver
import WorkbookKit
import WorkbookServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the site from memory and rebuilds it when a file changes; open pages reload themselves.")

    @OptionGroup var root: RootOption

    @Option(name: .long, help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; the loopback address keeps the site to this machine.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser once it is served.")
    var open = false

    @Option(name: .long, help: "The day date placeholders show, written YYYY-MM-DD (default: today).",
            transform: CalendarDay.parseArgument)
    var date: CalendarDay?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("'--port' must be between 0 and 65535, not \(port).") }
        if host.isEmpty { throw ValidationError("'--host' must not be empty.") }
    }

    func run() async throws {
        let signals = StopSignals {
            Console.print("Stopped.")
            // Straight out: the server's threads are still running, and nothing is left to flush.
            _exit(0)
        }
        defer { withExtendedLifetime(signals) {} }
        let folder: URL
        do {
            folder = try root.locate()
        } catch {
            throw Console.fail(error.errors, exitCode: Console.usageError)
        }
        let builder = PreviewBuilder(root: folder, date: date, inputs: Console.inputs)
        let open = open
        do {
            try await WorkbookPreview(builder: builder, host: host, port: port).run(
                listening: { url in
                    Console.print("Serving \(url) (Ctrl-C stops).")
                    if open { Self.openBrowser(url) }
                },
                say: { Console.print($0) },
                warn: { Console.printError($0) })
        } catch {
            ProcessGroups.killAll()
            ChildProcesses.endAll()
            Console.printError(error.description)
            throw ExitCode.failure
        }
    }

    /// Opens `url` with the desktop's opener, without waiting for the browser.
    static func openBrowser(_ url: String) {
        let opener = Process()
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
        opener.arguments = ["open", url]
        #else
        opener.arguments = ["xdg-open", url]
        #endif
        opener.standardOutput = FileHandle.nullDevice
        opener.standardError = FileHandle.nullDevice
        if (try? opener.run()) == nil { Console.printError("\(url): error: cannot open a browser; open the address by hand") }
    }
}
