/// The script that reloads an open page when its revision changes, keeping the scroll position.
///
/// The page learns its own name and revision from a small inline script; the events stream
/// (`/__workbook/events`) sends every page's revision on connect and after each rebuild, so
/// a change made while the page was loading is not missed.
enum LiveScript {
    /// The folder of `serve`'s own URLs; no site file can live there.
    static let prefix = "/__workbook/"
    static let eventsPath = prefix + "events"
    static let scriptPath = prefix + "live.js"
    /// The revision of a page that does not exist (yet).
    static let missingRevision = -1

    static func insert(into page: [UInt8], page path: String, revision: Int) -> [UInt8] {
        let name = path.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" && $0 != "<" } ? path : ""
        let tag = "<script>window.workbookLive = {page: \"\(name)\", revision: \(revision)};</script>\n"
            + "<script src=\"\(scriptPath)\"></script>\n"
        return HTMLText.insert(tag, beforeBodyEndOf: page)
    }

    static let source = """
        (function () {
          "use strict";
          var live = window.workbookLive;
          if (!live || !window.EventSource) return;
          var key = "workbook-scroll:" + live.page;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            var y = parseFloat(saved) || 0;
            var restore = function () { window.scrollTo(0, y); };
            restore();
            document.addEventListener("DOMContentLoaded", restore);
            window.addEventListener("load", function () { restore(); setTimeout(restore, 50); });
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("revisions", function (event) {
            var revisions = JSON.parse(event.data).revisions || {};
            var current = revisions.hasOwnProperty(live.page) ? revisions[live.page] : \(missingRevision);
            if (current === live.revision) return;
            source.close();
            sessionStorage.setItem(key, String(window.scrollY));
            window.location.reload();
          });
        })();

        """
}
