// Typesets the page's math (elements with class "math", TeX between \( \) or \[ \]) with KaTeX.
(function () {
  "use strict";
  function typeset() {
    if (typeof katex === "undefined") { return; }
    var elements = document.querySelectorAll(".math");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var display = element.classList.contains("display");
      var tex = element.textContent;
      if (/^\\[\[(]/.test(tex) && /\\[\])]$/.test(tex)) { tex = tex.slice(2, -2); }
      try {
        katex.render(tex, element, { displayMode: display, throwOnError: false });
      } catch (error) {
        element.classList.add("math-error");
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", typeset);
  } else {
    typeset();
  }
})();
