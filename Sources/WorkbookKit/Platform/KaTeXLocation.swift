import Foundation

/// Where the system keeps KaTeX. Debian's `libjs-katex` installs it in
/// `/usr/share/javascript/katex` (with `katex.js` and `katex.min.css`), and `fonts-katex` its
/// fonts in `/usr/share/fonts/truetype/katex`, linked from the first as `fonts`. These are
/// Debian's (and Ubuntu's) paths: elsewhere, including macOS, nothing is there, and a build
/// with math reports KaTeX missing. There is no environment variable for another place; code
/// (and tests) pass another folder where a KaTeX folder is taken.
package enum KaTeXLocation {
    /// The folder of `libjs-katex`.
    package static let folder = URL(fileURLWithPath: "/usr/share/javascript/katex")
    /// The fonts of `fonts-katex`, as the KaTeX folder links them.
    package static let fontsFolder = URL(fileURLWithPath: "/usr/share/fonts/truetype/katex")

    /// The script Node.js loads to typeset, in the KaTeX folder `folder`.
    package static func script(in folder: URL = KaTeXLocation.folder) -> URL {
        folder.appendingPathComponent("katex.js")
    }

    /// The fonts folder inside the KaTeX folder `folder`.
    package static func fonts(in folder: URL = KaTeXLocation.folder) -> URL {
        folder.appendingPathComponent("fonts")
    }
}
