import Foundation
import SwiftToolchain
import WorkbookKit

/// What SwiftPM's own records say about a finished build of the wrapper: `description.json`
/// (the compile commands, from which a client's import flags are read) and
/// `workspace-state.json` (the packages, local ones with their folders).
struct SwiftPMBuildDescription: Equatable {
    /// The folder of the wrapper's Swift modules (`…/release/Modules`).
    var modulesFolder: String
    /// Module names of every Swift target in the build except the wrapper's.
    var swiftModules: [String]
    /// `-Xcc …` arguments SwiftPM gives the wrapper's compile so it can import C modules.
    var clangArguments: [String]

    /// Reads `description.json`; `nil` when the wrapper's compile command is missing.
    init?(descriptionJSON data: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let commands = root["swiftCommands"] as? [String: [String: Any]]
        else { return nil }
        var wrapper: [String: Any]?
        var modules: [String] = []
        for command in commands.values {
            guard let name = command["moduleName"] as? String else { continue }
            if name == PackageWrapper.productName { wrapper = command } else { modules.append(name) }
        }
        guard let wrapper, let importPath = wrapper["importPath"] as? String,
              let arguments = wrapper["otherArguments"] as? [String]
        else { return nil }
        modulesFolder = importPath
        swiftModules = Array(Set(modules)).sorted()
        clangArguments = Self.clangImportArguments(in: arguments)
    }

    /// The `-Xcc -fmodule-map-file=…` and `-Xcc -I -Xcc DIR` pairs of `arguments`, in order.
    static func clangImportArguments(in arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index + 1 < arguments.count {
            guard arguments[index] == "-Xcc" else { index += 1; continue }
            let value = arguments[index + 1]
            if value.hasPrefix("-fmodule-map-file=") {
                kept += ["-Xcc", value]
                index += 2
            } else if value == "-I", index + 3 < arguments.count, arguments[index + 2] == "-Xcc" {
                kept += ["-Xcc", "-I", "-Xcc", arguments[index + 3]]
                index += 4
            } else {
                index += 2
            }
        }
        return kept
    }

    /// The module map files among `clangArguments`.
    var moduleMapFiles: [String] {
        clangArguments.compactMap { $0.hasPrefix("-fmodule-map-file=") ? String($0.dropFirst(18)) : nil }
    }

    /// The module names a module map declares (`module CGeometry {`, `framework module …`).
    static func moduleNames(inModuleMap text: String) -> [String] {
        var names: [String] = []
        for line in text.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, ["explicit", "framework", "extern"].contains(first) { words.removeFirst() }
            guard words.count >= 2, words[0] == "module" else { continue }
            let name = words[1].hasSuffix("{") ? String(words[1].dropLast()) : words[1]
            if !name.isEmpty && !name.contains(".") && !name.contains("*") { names.append(name) }
        }
        return names
    }

    /// The folders of the local (`fileSystem`) packages in `workspace-state.json`.
    static func localPackageFolders(inWorkspaceState data: Data) -> [String] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let object = root["object"] as? [String: Any],
              let dependencies = object["dependencies"] as? [[String: Any]]
        else { return [] }
        return dependencies.compactMap { dependency in
            guard let reference = dependency["packageRef"] as? [String: Any],
                  reference["kind"] as? String == "fileSystem"
            else { return nil }
            return reference["location"] as? String
        }.sorted()
    }
}
