/* The service worker of the hosted edition (HOSTING.md, "The service worker"): the site readable without a
 * connection after one visit. hooks/hosting.py writes it to the site root as offline-werker.js (so that its
 * scope is the whole site), after one line `var BOUW = {versie, schil, paginas, talen}`: this build's version,
 * the files every page may need (both languages), the pages fetched ahead per language, and each language's
 * folder ("" for Dutch, "en/"). Material has no service worker of its own; this one is small on purpose.
 *
 * - install: fetches ahead, from the network, the shell, the pages a student needs most in the language(s)
 *   of the open pages (theories, recommendations, worksheets, self-tests) and every other page the previous
 *   version kept because the reader opened it, into this version's cache;
 * - activate: deletes the caches of other versions, and takes charge of the pages already open (first visit);
 * - fetch: a GET on the site is answered from this version's cache, else from the network (and kept); a page
 *   that neither has is answered with the offline page of its language.
 * Answering from the cache first keeps a version whole (its pages with its scripts) until the reader chooses
 * the new one: offline.js announces it ("Nieuwe versie: vernieuwen") and sends "vernieuwen", which lets the
 * waiting version take over. Typed answers live in localStorage (bewaren.js), which no version touches. */
/* global BOUW */
(function () {
  "use strict";
  var PREFIX = "leidraad-";
  var CACHE = PREFIX + BOUW.versie;
  var OFFLINE = "offline.htm";
  var ROOT = new URL("./", self.location.href).href;

  function address(path) { return new URL(path, ROOT).href; }

  /** The language of an address on the site: the one whose folder it is in (Dutch lives at the root). */
  function languageOf(url) {
    var rest = url.slice(ROOT.length), found = null, home = null;
    Object.keys(BOUW.talen).forEach(function (language) {
      var folder = BOUW.talen[language];
      if (!folder) home = language;
      else if (rest.indexOf(folder) === 0) found = language;
    });
    return found || home;
  }

  /** The cache key of a request: a page without its query, a folder as its index.html. */
  function keyOf(request) {
    if (request.mode !== "navigate") return request;
    var url = new URL(request.url);
    url.search = "";
    url.hash = "";
    if (/\/$/.test(url.pathname)) url.pathname += "index.html";
    return url.href;
  }

  function fresh(url) { return new Request(url, { cache: "no-cache" }); }   // past the browser's HTTP cache

  /** Pages the previous versions kept (the reader opened them): fetched again for this version. */
  function keptBefore() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
        .map(function (name) {
          return caches.open(name).then(function (cache) { return cache.keys(); }).then(function (requests) {
            return requests.map(function (request) { return request.url; })
              .filter(function (url) { return url.indexOf(ROOT) === 0 && /\.html$/.test(url); });
          });
        }));
    }).then(function (lists) { return [].concat.apply([], lists); });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (open) {
      var languages = {};
      open.forEach(function (client) { if (client.url.indexOf(ROOT) === 0) languages[languageOf(client.url)] = true; });
      if (!Object.keys(languages).length) languages[languageOf(ROOT)] = true;
      var ahead = BOUW.schil.slice();
      Object.keys(languages).forEach(function (language) { ahead = ahead.concat(BOUW.paginas[language] || []); });
      var urls = ahead.map(address).filter(function (url, i, all) { return all.indexOf(url) === i; });  // addAll refuses twins
      return caches.open(CACHE).then(function (cache) {
        return cache.addAll(urls.map(fresh)).then(keptBefore).then(function (kept) {
          return Promise.all(kept.filter(function (url) { return urls.indexOf(url) < 0; }).map(function (url) {
            return fetch(fresh(url)).then(function (response) {
              return response.ok ? cache.put(url, response) : null;
            }, function () { return null; });   // gone or unreachable: it is fetched again when opened
          }));
        });
      });
    }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  self.addEventListener("message", function (event) {
    if (event.data === "vernieuwen") self.skipWaiting();
  });

  function answer(request) {
    var page = request.mode === "navigate";
    var key = keyOf(request);
    return caches.open(CACHE).then(function (cache) {
      return cache.match(key).then(function (kept) {
        if (kept) return kept;
        return fetch(request).then(function (response) {
          if (response.ok && response.type === "basic") cache.put(key, response.clone());
          return response;
        }, function () {
          if (!page) return Response.error();
          return cache.match(address(BOUW.talen[languageOf(request.url)] + OFFLINE)).then(function (offline) {
            return offline || Response.error();
          });
        });
      });
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(ROOT) !== 0) return;   // not ours: as without a worker
    event.respondWith(answer(request));
  });
}());
