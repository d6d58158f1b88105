/* The reader's language, where mkdocs-static-i18n and Material leave the two editions mixed.
 *
 * 1. Search: static-i18n gives both languages one search index (static-i18n#271), so a Dutch query could
 *    list English pages and the other way round. Material runs search in a Web Worker; this script wraps
 *    `Worker` (before Material's bundle creates it, after the iframe-worker polyfill for file://) and drops
 *    results of the other language from each result message, so counts and paging stay right.
 * 2. Language switch: both editions have the same section ids, so the switch keeps the section you are
 *    reading (#id) when it takes you to the same page in the other language.
 * Loaded in <head> by overrides/main.html (block libs). Nothing is stored or sent anywhere.
 */
(function () {
  "use strict";
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

  var Original = window.Worker;
  if (typeof Original === "function") {
    window.Worker = function LanguageWorker(url, options) {
      var worker = new Original(url, options);
      var add = worker.addEventListener.bind(worker);
      var remove = worker.removeEventListener.bind(worker);
      var wrapped = new Map();
      function wrap(listener) {
        if (!wrapped.has(listener)) {
          wrapped.set(listener, function (event) {
            var data = onlyThisLanguage(event.data, pageLanguage(), siteRoot());
            var message = data === event.data ? event : new MessageEvent("message", { data: data });
            return typeof listener === "function" ? listener.call(worker, message) : listener.handleEvent(message);
          });
        }
        return wrapped.get(listener);
      }
      worker.addEventListener = function (type, listener, opts) {
        return add(type, type === "message" && listener ? wrap(listener) : listener, opts);
      };
      worker.removeEventListener = function (type, listener, opts) {
        return remove(type, type === "message" && wrapped.has(listener) ? wrapped.get(listener) : listener, opts);
      };
      return worker;
    };
    window.Worker.prototype = Original.prototype;
  }

  /* Keep the section when switching language. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash && link.href.indexOf("#") < 0) {
      link.href = link.href + location.hash;
    }
  }, true);
})();
