// Search in the reader's language, downloaded only when the reader opens it.
// Material's search worker (lunr, the language's stemmer) does the searching;
// this file builds Material's search panel in the empty box the page has
// (partials/search.html), starts the worker when the reader opens search,
// sends it the language's own index and shows the results. Until then the
// page downloads nothing for search. Without JavaScript (or Web Workers) the
// search button stays hidden: Material's CSS hides it while <html> has the
// class "no-js".
//
// The search button is a keyboard button (Enter or Space opens search, Escape
// closes it and returns to the button), every result is reached with the Tab
// key, and the count is said in pages. Languages written in Arabic script
// find words with or without the article and in any common spelling: the
// index carries their rules (rights_guide/build/search.py, `rg_normalise`),
// applied here to the query the same way. Languages written without spaces
// between words (Thai, Chinese) have the query cut into words by the
// browser's own word breaker, and Thai the index's texts too. On Exit ("rg-exit", from exit.js)
// and whenever the page is left (pagehide, also into the back/forward cache)
// the query, the results and the open panel are cleared and the worker stopped.
(function () {
  "use strict";

  var box = document.querySelector("[data-rg-search]");
  if (!box || typeof Worker === "undefined" || typeof fetch === "undefined") return;
  box.innerHTML = panel();
  var html = document.documentElement;
  html.classList.remove("no-js");
  html.classList.add("js");

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's worker messages
  var MAX_SECTIONS = 3;
  var toggle = document.getElementById("__search");
  var form = box.querySelector(".md-search__form");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var base = new URL(box.getAttribute("data-rg-base"), document.baseURI);
  var button = document.querySelector("label[for='__search'][data-rg-toggle]");
  var worker = null;
  var ready = false;
  var normalise = null;  // the index's rules for the query, once it has arrived
  var pending = 0;  // queries sent and not answered: only the last answer is shown

  function text(name) {
    return box.getAttribute("data-rg-" + name);
  }

  function attribute(name) {
    return text(name).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  // Material's markup (partials/search.html), so Material's CSS styles it.
  function panel() {
    return '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="search">' +
      '<input type="text" class="md-search__input" name="query" aria-label="' + attribute("label") +
      '" placeholder="' + attribute("label") + '" autocapitalize="off" autocorrect="off" autocomplete="off"' +
      ' spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' +
      '<span class="rg-icon rg-icon--magnify"></span><span class="rg-icon rg-icon--arrow-left"></span></label>' +
      '<nav class="md-search__options" aria-label="' + attribute("options") + '">' +
      '<button type="reset" class="md-search__icon md-icon" title="' + attribute("reset") +
      '" aria-label="' + attribute("reset") + '" tabindex="-1"><span class="rg-icon rg-icon--close"></span></button>' +
      '</nav></form>' +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta" aria-live="polite">' +
      attribute("placeholder") + '</div><ol class="md-search-result__list" role="presentation"></ol>' +
      '</div></div></div></div>';
  }

  function start() {
    if (worker) return;
    worker = new Worker(text("worker"));
    worker.onmessage = function (event) {
      if (event.data.type === READY) {
        ready = true;
        run();
      } else if (event.data.type === RESULT) {
        pending -= 1;
        if (pending === 0 && input.value.trim()) show(event.data.data.items || []);
      }
    };
    fetch(text("index"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (index) {
        if (!worker) return;  // stopped meanwhile (the reader left)
        var spec = index.config.rg_normalise;
        normalise = rules(spec);
        var docs = spec && spec.segment && spec.index ? cutDocs(index.docs, spec.segment) : index.docs;
        worker.postMessage({ type: SETUP, data: { config: index.config, docs: docs, options: {} } });
      });
  }

  // The same letters and article as rights_guide/build/search.py normalise() removes or maps.
  function rules(spec) {
    if (!spec) return null;
    if (spec.endings) return endings(spec.endings);
    if (spec.segment) return cutQuery(spec.segment);
    var strip = new RegExp(spec.strip, "g");
    var letters = new RegExp("[" + Object.keys(spec.map).join("") + "]", "g");
    var article = new RegExp("^" + spec.article + "(?=.{" + spec.article_min_rest + ",})");
    return function (query) {
      return query.replace(strip, "").replace(letters, function (letter) { return spec.map[letter]; })
        .split(/\s+/).map(function (word) { return word.replace(article, ""); }).join(" ");
    };
  }

  // Each word of min_length letters or more loses its last `trim` letters: the query
  // matches words by their beginning, so a case ending typed by the reader no longer
  // stops it (rights_guide/build/search.py, ENDINGS).
  function endings(spec) {
    return function (query) {
      return query.split(/\s+/).map(function (word) {
        var letters = Array.from(word);
        return letters.length >= spec.min_length ? letters.slice(0, letters.length - spec.trim).join("") : word;
      }).join(" ");
    };
  }

  // Intl.Segmenter breaks words as the browser does (ICU's dictionaries). The query
  // becomes its words joined by spaces; with `index`, each title and text becomes
  // its pieces joined by zero-width spaces, which the index's separator splits on,
  // so index and query are cut alike. Without Intl.Segmenter nothing is cut.
  function segmenter(code) {
    return typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
      ? new Intl.Segmenter(code, { granularity: "word" }) : null;
  }

  function cutQuery(code) {
    var words = segmenter(code);
    return function (query) {
      if (!words) return query;
      return Array.from(words.segment(query)).filter(function (part) { return part.isWordLike; })
        .map(function (part) { return part.segment; }).join(" ");
    };
  }

  function cutDocs(docs, code) {
    var words = segmenter(code);
    if (!words) return docs;
    function cut(html) {  // the text between tags only
      return (html || "").split(/(<[^>]*>)/).map(function (piece) {
        return piece.charAt(0) === "<" ? piece
          : Array.from(words.segment(piece), function (part) { return part.segment; }).join("\u200b");
      }).join("");
    }
    return docs.map(function (doc) {
      return Object.assign({}, doc, { title: cut(doc.title), text: cut(doc.text) });
    });
  }

  function run() {
    var query = input.value.trim();
    if (normalise) query = normalise(query).trim();
    if (!query) {
      list.textContent = "";
      meta.textContent = text("placeholder");
    } else if (ready) {
      pending += 1;
      worker.postMessage({ type: QUERY, data: query });
    }
  }

  // Titles and texts come from this site's own index, with the worker's
  // <mark> highlights: trusted HTML.
  function entry(doc, heading) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(doc.location, base).href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement(heading);
    title.innerHTML = doc.title;
    article.appendChild(title);
    if (doc.text) {
      var teaser = document.createElement("div");  // the text is paragraphs itself
      teaser.innerHTML = doc.text;
      article.appendChild(teaser);
    }
    link.appendChild(article);
    return link;
  }

  function show(groups) {
    list.textContent = "";
    var count = groups.length;
    meta.textContent = count === 0 ? text("none")
      : count === 1 ? text("one") : text("other").replace("{count}", String(count));
    groups.forEach(function (docs) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      docs.slice(0, MAX_SECTIONS + 1).forEach(function (doc, position) {
        item.appendChild(entry(doc, position === 0 ? "h1" : "h2"));
      });
      list.appendChild(item);
    });
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    start();
    // The panel may still be sliding in: scrolling to it would shift the page sideways (right to left).
    input.focus({ preventScroll: true });
  }

  function close() {
    toggle.checked = false;
    input.blur();
    sync();
  }

  function sync() {
    if (button) button.setAttribute("aria-expanded", String(toggle.checked));
  }

  // Nothing of the reader's search stays in the page.
  function clear() {
    input.value = "";
    list.textContent = "";
    meta.textContent = text("placeholder");
    close();
    if (worker) worker.terminate();
    worker = null;
    ready = false;
    pending = 0;
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) open();
    sync();
  });
  if (button) {
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    sync();
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open();
        sync();
      }
    });
  }
  input.addEventListener("focus", function () {
    open();
    sync();
  });
  input.addEventListener("input", run);
  form.addEventListener("reset", function () {
    window.setTimeout(run, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) window.location.assign(first.href);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      close();
      if (button && button.offsetParent !== null) button.focus();
    } else if (event.key === "/" && !toggle.checked && !/^(input|textarea|select)$/i.test(event.target.tagName)) {
      event.preventDefault();
      open();
      sync();
    }
  });
  document.addEventListener("rg-exit", clear);
  window.addEventListener("pagehide", clear);
})();
