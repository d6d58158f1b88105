/* The hosted edition (HOSTING.md), loaded over http(s) by offline.js once a page has loaded; never from file://
 * (the USB stick), which behaves exactly as before.
 * - Links the web app manifest of the page's language (hooks/hosting.py writes one per language), so that a
 *   phone can install the site; an installed site also keeps its own storage longer on an iPad.
 * - Registers the service worker (offline-werker.js at the site root), which keeps the site readable offline.
 * - When a new version has been fetched, says so: "Nieuwe versie: vernieuwen". It reloads only when the
 *   reader presses the button, never while she types; answers are already in localStorage (bewaren.js).
 * - Looks for a new version when the reader comes back to the tab (at most every half hour).
 */
/* global WOORDEN */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  var source = document.currentScript && document.currentScript.src;
  if (!source) return;
  var root = source.replace(/assets\/javascripts\/offline-melding(\.min)?\.js([?#].*)?$/, "");
  var folder = location.href.indexOf(root + "en/") === 0 ? "en/" : "";
  var HALF_HOUR = 30 * 60 * 1000;
  var asked = false;            /* the reader pressed "vernieuwen" in this tab */

  function link(rel, href) {
    var element = document.createElement("link");
    element.rel = rel;
    element.href = href;
    document.head.appendChild(element);
  }
  link("manifest", root + folder + "manifest.webmanifest");
  link("apple-touch-icon", root + "assets/icons/icoon-apple-180.png");

  /** A word in the page's language: hooks/hosting.py puts `var WOORDEN = {nl: {…}, en: {…}}` before this file
   *  (hooks/teksten.yml, hosting.melding), so that no page carries words it rarely shows. */
  function word(key) {
    var all = typeof WOORDEN === "object" ? WOORDEN : {};
    var language = (document.documentElement.getAttribute("lang") || "").slice(0, 2);
    return (all[language] || all.nl || {})[key] || "";
  }

  function refresh(registration) {
    asked = true;
    if (registration.waiting) registration.waiting.postMessage("vernieuwen");
    else location.reload();     /* another tab let the new version in already */
  }

  function announce(registration) {
    if (document.getElementById("leidraad-nieuwe-versie")) return;
    var bar = document.createElement("div");
    bar.id = "leidraad-nieuwe-versie";
    bar.className = "md-typeset";
    bar.setAttribute("role", "status");
    var s = bar.style;
    s.position = "fixed"; s.left = s.right = s.bottom = "0"; s.zIndex = "5"; s.padding = ".6rem 1rem";
    s.background = "var(--md-primary-fg-color)"; s.color = "var(--md-primary-bg-color)"; s.fontSize = ".8rem";
    var button = document.createElement("button");
    button.type = "button";
    var b = button.style;
    b.margin = "0 .5rem"; b.padding = ".2em 1em"; b.border = "0"; b.borderRadius = ".2rem"; b.font = "inherit";
    b.fontWeight = "700"; b.cursor = "pointer"; b.background = "var(--md-primary-bg-color)"; b.color = "var(--md-primary-fg-color)";
    button.textContent = word("vernieuwen");
    button.addEventListener("click", function () { refresh(registration); });
    bar.appendChild(document.createTextNode(word("nieuwe_versie") + " "));
    bar.appendChild(button);
    bar.appendChild(document.createTextNode(word("vernieuwen_uitleg")));
    document.body.appendChild(bar);
  }

  function watch(registration) {
    if (!registration) return;  /* a browser that stubs the worker out (Playwright's service_workers: "block") */
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration);
    registration.addEventListener("updatefound", function () {
      var coming = registration.installing;
      if (!coming) return;
      coming.addEventListener("statechange", function () {
        if (coming.state === "installed" && navigator.serviceWorker.controller) announce(registration);
      });
    });
    var checked = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState !== "visible" || Date.now() - checked < HALF_HOUR) return;
      checked = Date.now();
      registration.update().catch(function () { /* offline: next time */ });
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (asked) location.reload();
  });

  navigator.serviceWorker.register(root + "offline-werker.js", { scope: root })
    .then(watch, function () { /* no worker (private mode, policy): the site works online as before */ });
}());
