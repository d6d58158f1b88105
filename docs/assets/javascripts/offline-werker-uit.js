/* The service worker withdrawn (HOSTING.md, "Taking the worker away"). hooks/hosting.py writes this file as
 * offline-werker.js under `mkdocs serve`, so that an editor always sees the pages as they are now: a worker
 * that a built copy registered earlier on the same address deletes its caches and removes itself at the next
 * check. Publishing it in place of the real worker takes the offline copy away from a hosted site. */
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("leidraad-") === 0; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.registration.unregister(); }));
});
