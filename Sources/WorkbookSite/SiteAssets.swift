import Foundation
import WorkbookKit

/// The scripts, styles and fonts pages load, copied from Debian's packages into the site so a
/// page needs no network: KaTeX's style sheet (`libjs-katex`) and fonts (`fonts-katex`). Math is
/// typeset when the site is built, so no script is copied.
struct SiteAssets {
    var katexFolder = KaTeXLocation.folder

    func files() throws(WorkbookErrors) -> [SiteFile] {
        let manager = FileManager.default
        var files: [SiteFile] = []
        var errors: [WorkbookError] = []
        for name in ["katex.min.css"] {
            let url = katexFolder.appendingPathComponent(name)
            if let data = manager.contents(atPath: url.path) {
                files.append(SiteFile(path: "katex/\(name)", contents: data))
            } else {
                errors.append(WorkbookError(path: url.path, message: "KaTeX is missing; install the Debian package 'libjs-katex' (apt-get install libjs-katex fonts-katex)", stage: "render"))
            }
        }
        let fonts = KaTeXLocation.fonts(in: katexFolder)
        // Browsers take the first format they support: woff2 everywhere that matters, woff as a fallback.
        let fontFiles = ((try? manager.contentsOfDirectory(atPath: fonts.path)) ?? [])
            .filter { $0.hasSuffix(".woff2") || $0.hasSuffix(".woff") }.sorted()
        if fontFiles.isEmpty && errors.isEmpty {
            errors.append(WorkbookError(path: fonts.path, message: "KaTeX's fonts are missing; install the Debian package 'fonts-katex' (apt-get install fonts-katex)", stage: "render"))
        }
        for name in fontFiles {
            if let data = manager.contents(atPath: fonts.appendingPathComponent(name).path) {
                files.append(SiteFile(path: "katex/fonts/\(name)", contents: data))
            }
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return files
    }
}
