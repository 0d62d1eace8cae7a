import Foundation

/// A response of `serve`, before it becomes HTTP.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
}

/// The live preview: the site in memory, rebuilt when the inputs change, with the open pages
/// told which of them changed.
public actor PreviewSession {
    private let builder: PreviewBuilder
    private let watcher: InputWatcher
    private let say: @Sendable (String) -> Void
    private let warn: @Sendable (String) -> Void
    private var site = PreviewSite()
    private var hasBuilt = false
    private var inputs: [String]
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    /// `say` prints progress lines, `warn` prints problems (both on the terminal).
    public init(builder: PreviewBuilder, say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        self.watcher = InputWatcher(root: builder.root)
        self.say = say
        self.warn = warn
        self.inputs = PreviewBuilder.defaultInputs
    }

    /// Builds, then rebuilds after every settled change of the inputs, until cancelled.
    public func buildAndWatch() async throws {
        var snapshot = InputSnapshot.take(root: builder.root, inputs: inputs)
        await rebuild()
        while true {
            snapshot = try await watcher.nextChange(after: snapshot) { await self.currentInputs() }
            await rebuild()
        }
    }

    /// Rebuilds the site, prints what happened and tells the open pages.
    func rebuild() async {
        let start = ContinuousClock.now
        let build = await builder.build()
        let changed = site.apply(build)
        if let newInputs = build.inputs { inputs = newInputs }
        let milliseconds = Int(((ContinuousClock.now - start) / .milliseconds(1)).rounded())
        for problem in build.problems { warn(problem.report) }
        let verb = hasBuilt ? "Rebuilt" : "Built"
        hasBuilt = true
        let what = switch changed.count {
        case 0: "no page changed"
        case 1...3: changed.joined(separator: ", ") + " changed"
        default: "\(changed.count) pages changed"
        }
        var line = "\(verb) in \(milliseconds) ms: \(what)"
        if !build.problems.isEmpty { line += " (\(build.problems.count) problem\(build.problems.count == 1 ? "" : "s"); the last good pages stay)" }
        say(line + ".")
        if build.mismatchCount > 0 {
            say(build.mismatchCount == 1
                ? "1 output differs from the recorded one: run `workbook promote`."
                : "\(build.mismatchCount) outputs differ from the recorded ones: run `workbook promote`.")
        }
        if !changed.isEmpty { broadcast(revisionsEvent(changed: changed)) }
    }

    func currentInputs() -> [String] { inputs }

    /// The answer to a request for `target` (anything but the events stream).
    func response(for target: RequestTarget) -> PreviewResponse {
        switch target {
        case .file(let path):
            if let bytes = site.served(path) {
                return PreviewResponse(status: 200, contentType: ContentType.of(path: path), body: bytes)
            }
            if PreviewSite.isPage(path) {
                let body = hasBuilt ? site.missingPage(path) : site.missingPage(path, note: "The workbook is being built; the page will appear once it is.")
                return PreviewResponse(status: 404, contentType: ContentType.of(path: path), body: body)
            }
            return Self.notFound
        case .liveScript:
            return PreviewResponse(status: 200, contentType: ContentType.of(path: "live.js"), body: Array(LiveScript.source.utf8))
        case .events, .invalid:
            return Self.notFound
        }
    }

    static let notFound = PreviewResponse(status: 404, contentType: ContentType.of(path: "x.txt"), body: Array("Not found.\n".utf8))

    /// A new listener of the events stream; its first message holds every page's revision.
    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield("retry: 500\n\n")
        continuation.yield(revisionsEvent(changed: []))
        subscribers[id] = continuation
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// Sends a comment line to every listener, so that closed connections are noticed.
    func heartbeat() {
        broadcast(": ping\n\n")
    }

    private func broadcast(_ message: String) {
        for continuation in subscribers.values { continuation.yield(message) }
    }

    private func revisionsEvent(changed: [String]) -> String {
        struct Payload: Encodable {
            var changed: [String]
            var revisions: [String: Int]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(Payload(changed: changed, revisions: site.revisions))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: revisions\ndata: \(json)\n\n"
    }
}
