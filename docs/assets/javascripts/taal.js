/* The reader's language, where mkdocs-static-i18n and Material leave the two editions mixed, and the
 * place between the page and Material's search worker.
 *
 * 1. Search: static-i18n gives both languages one search index (static-i18n#271), so a Dutch query could
 *    list English pages and the other way round. Material runs search in a Web Worker; this script wraps
 *    `Worker` (before Material's bundle creates it, after the iframe-worker polyfill for file://) and drops
 *    results of the other language from each result message, so counts and paging stay right. It also
 *    starts the worker only when the reader turns to search (see below), and then hands the index (SETUP)
 *    and every query (QUERY) to zoeken.js, which understands what the reader typed (see its header), and
 *    shows links to the glossary, the recommendations and the exercises when nothing is found.
 * 2. Language switch: both editions have the same section ids, so the switch keeps the section you are
 *    reading (#id) when it takes you to the same page in the other language.
 * 3. The page's words: `LeidraadTaal.format` fills the {name} places of an interface text (hooks/*.yml); the
 *    other scripts use it, as taal.js loads first on every page.
 * Loaded at the end of the body by overrides/main.html (block scripts). Nothing is stored or sent anywhere.
 */
(function () {
  "use strict";

  /** An interface text with its {name} places filled in from values (a place without a value stays). */
  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && values.hasOwnProperty(name) && values[name] !== undefined ? values[name] : all;
    });
  }

  if (typeof module === "object") module.exports = { format: format };
  if (typeof document !== "object") return;   /* in Node (tests/js): only the words */
  window.LeidraadTaal = { format: format };
  var SECOND = "en";                     // the language that lives under /en/; Dutch is at the root
  var RESULT = 3;                        // Material's search worker message type for results

  function pageLanguage() {
    return (document.documentElement.getAttribute("lang") || "nl").slice(0, 2);
  }

  /* The site root, from Material's config (`base` is relative to this page). */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  function languageOf(address, root) {
    var path = new URL(address, root).href;
    if (path.indexOf(root) !== 0) return null;
    return path.slice(root.length).split("/")[0] === SECOND ? SECOND : "nl";
  }

  function onlyThisLanguage(data, language, root) {
    if (!data || data.type !== RESULT || !data.data || !Array.isArray(data.data.items)) return data;
    var items = data.data.items.filter(function (item) {
      var first = Array.isArray(item) ? item[0] : item;
      var found = first && first.location ? languageOf(first.location, root) : null;
      return found === null || found === language;
    });
    var copy = {};
    Object.keys(data.data).forEach(function (key) { copy[key] = data.data[key]; });
    copy.items = items;
    return { type: data.type, data: copy };
  }

  /* Material's search worker, started only when the reader turns to search (focus on the search box,
     or a page opened from a search result with ?h=): a first visit to a page does not download and
     start the worker and its language files (about 12 KB gzip and a lunr index build). Then, and only
     then, the query understanding (zoeken.js) and the editors' words (zoekwoorden.js, written by
     hooks/zoeken.py) load as scripts, which works from file:// too (nothing is fetched); the worker
     starts when both have loaded or failed. Messages Material sends before that wait in order; results
     come back filtered to the page's language. */
  var Original = window.Worker;
  var SETUP = 0;                          // Material's message type that hands the index to the worker
  var QUERY = 2;                          // ... a query (its data is the text in the search box)
  var HELPERS = ["assets/javascripts/zoekwoorden.js", "assets/javascripts/zoeken.min.js"];

  function loadScripts(paths, done) {
    var left = paths.length;
    paths.forEach(function (path) {
      var script = document.createElement("script");
      script.src = siteRoot() + path;
      script.async = false;                // in order: the words before the code that reads them
      script.onload = script.onerror = function () { if (--left === 0) done(); };
      document.head.appendChild(script);
    });
  }

  /* The links to offer when nothing is found (overrides/partials/search.html), for a non-empty query. */
  function showEmpty(show) {
    var panel = document.querySelector("[data-zoek-leeg]");
    if (panel) panel.hidden = !show;
  }
  document.addEventListener("input", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input") &&
        !event.target.value.trim()) showEmpty(false);
  }, true);

  if (typeof Original === "function") {
    window.Worker = function LanguageWorker(url, options) {
      var proxy = new EventTarget();
      var real = null;
      var loading = false;
      var waiting = [];
      var asked = [];                     // per query sent: what was typed and how it was understood
      function send(message) {
        var understanding = window.LeidraadZoeken;
        if (message && message.type === SETUP && understanding) message = understanding.prepare(message);
        if (message && message.type === QUERY) {
          var understood = understanding ? understanding.rewrite(message.data, pageLanguage()) : null;
          asked.push({ typed: String(message.data || ""), understood: understood });
          if (understood) message = { type: QUERY, data: understood.text };
        }
        real.postMessage(message);
      }
      function start() {
        if (real || loading) return;
        loading = true;
        loadScripts(HELPERS, function () {
          real = new Original(url, options);
          real.addEventListener("message", function (event) {
            var data = event.data;
            if (data && data.type === RESULT && data.data) {
              var query = asked.shift() || { typed: "", understood: null };  // the worker answers in order
              if (window.LeidraadZoeken) data.data = window.LeidraadZoeken.tidy(data.data, query.understood);
              data = onlyThisLanguage(data, pageLanguage(), siteRoot());
              showEmpty(!!query.typed.trim() && Array.isArray(data.data.items) && data.data.items.length === 0);
            }
            proxy.dispatchEvent(new MessageEvent("message", { data: data }));
          });
          real.addEventListener("error", function (event) {
            proxy.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
          });
          waiting.forEach(send);
          waiting = [];
        });
      }
      proxy.postMessage = function (message) {
        if (real) {
          send(message);
          return;
        }
        waiting.push(message);
        if (!message || message.type !== SETUP) start();  // a query: the reader is searching
      };
      proxy.terminate = function () { if (real) real.terminate(); };
      function wanted(event) {
        if (event.target && event.target.matches && event.target.matches(".md-search__input")) start();
      }
      document.addEventListener("focusin", wanted, true);
      if (/[?&]h=/.test(location.search)) start();
      return proxy;
    };
  }

  /* Keep the section when switching language. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash && link.href.indexOf("#") < 0) {
      link.href = link.href + location.hash;
    }
  }, true);
})();
