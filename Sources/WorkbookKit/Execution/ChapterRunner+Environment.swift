extension ChapterRunner {
    /// The environment of a chapter's program: the execution's own (from its inputs, not the
    /// process's), with Swift's backtracer off so a crash prints only the runtime's message.
    var programEnvironment: [String: String] {
        toolchain.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, programSetting in programSetting }
    }
}
