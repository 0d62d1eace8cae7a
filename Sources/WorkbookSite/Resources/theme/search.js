// Searches the workbook offline: the index (search-index.js) is loaded as a script, so pages
// work from file://. Every word of the query must occur in a section's heading or text;
// heading matches rank first. Results link to the section's heading.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var index = window.workbookSearchIndex || [];
  if (!input || !list) { return; }
  var prepared = index.map(function (entry) {
    return { entry: entry, heading: entry.heading.toLowerCase(), text: entry.text.toLowerCase() };
  });

  function excerpt(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 40);
    var part = text.slice(start, start + 140);
    return (start > 0 ? "… " : "") + part + (start + 140 < text.length ? " …" : "");
  }

  function show(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 0; });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (words.length === 0) { list.hidden = true; return; }
    var hits = [];
    prepared.forEach(function (item) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inHeading = item.heading.indexOf(words[i]) >= 0;
        if (!inHeading && item.text.indexOf(words[i]) < 0) { return; }
        score += inHeading ? 10 : 1;
      }
      hits.push({ item: item, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    hits.slice(0, 12).forEach(function (hit) {
      var entry = hit.item.entry;
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.url;
      var title = document.createElement("strong");
      title.textContent = entry.heading ? entry.chapter + " › " + entry.heading : entry.chapter;
      link.appendChild(title);
      var text = document.createElement("span");
      text.textContent = excerpt(entry.text, words[0]);
      link.appendChild(text);
      li.appendChild(link);
      list.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No section matches.";
      list.appendChild(none);
    }
    list.hidden = false;
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 80);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; show(""); }
  });
})();
