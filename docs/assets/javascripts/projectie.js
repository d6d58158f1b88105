/* Projectiemodus (projection mode) for team meetings: large type, high contrast, no site chrome, one H2
   section per slide, in steps that fit the screen. REDACTIE.md.

   This file is on every page and small: the header button, the key "b" (beamer; Material uses f, s, /, n, p,
   ",", "."), ?projectie=1 / ?projectie=0 and the memory of the mode (sessionStorage, so it survives
   following a link in the same tab; projectie-dia.js says when it turns the mode on or off). The slides
   themselves are in projectie-dia.js, fetched from the site (file:// too) the first time the mode is turned
   on; keys pressed while it loads are handed on to it. */
(function () {
  "use strict";

  var STORE = "projectie";
  var root = document.documentElement;
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path fill-rule="evenodd" d="M2 3h20v2h-1v10H3V5H2zm3 2v8h14V5zm6 11h2v2.2l3.6 2.6-1.2 1.6L12 20.1l-3.4 2.3' +
    '-1.2-1.6 3.6-2.6z"/></svg>';
  var self = document.currentScript && document.currentScript.src;
  var laden = false;    /* projectie-dia.js has been asked for */
  var gewild = false;   /* ... and the mode is to be on when it arrives */
  var wachtrij = [];    /* the keys pressed meanwhile that move through the slides (Material keeps n, p) */
  var STAPPEN = /^(Arrow(Left|Right|Up|Down)|Page(Up|Down)|Home|End| )$/;

  function onthoud(aan) {
    try { if (aan) { sessionStorage.setItem(STORE, "1"); } else { sessionStorage.removeItem(STORE); } }
    catch (e) { /* storage blocked: the mode then lasts for this page only */ }
  }

  function opgeslagen() {
    try { return sessionStorage.getItem(STORE) === "1"; } catch (e) { return false; }
  }

  function typt(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function zetAan() {  /* the look at once, the slides as soon as projectie-dia.js is there */
    if (window.projectieDia) { window.projectieDia.aan(); return; }
    gewild = true;
    root.classList.add("projectie");
    if (laden) { return; }
    laden = true;
    var script = document.createElement("script");
    script.src = self.replace(/projectie(\.min)?\.js([?#].*)?$/, "projectie-dia$1.js");
    script.onload = function () {
      var keys = wachtrij;
      wachtrij = [];
      if (!gewild) { return; }
      window.projectieDia.aan();
      keys.forEach(window.projectieDia.toets);
    };
    script.onerror = function () { laden = false; zetUit(); };
    document.head.appendChild(script);
  }

  function zetUit() {  /* turned off again before the slides arrived */
    gewild = false;
    wachtrij = [];
    root.classList.remove("projectie");
    onthoud(false);
  }

  function toets(e) {  /* only until the slides are there; then projectie-dia.js has the keys */
    if (window.projectieDia || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typt(e.target)) { return; }
    var b = e.key === "b" || e.key === "B";
    if (gewild && (b || e.key === "Escape")) { zetUit(); }
    else if (b) { zetAan(); }
    else if (gewild && STAPPEN.test(e.key)) {
      wachtrij.push({ key: e.key, target: e.target, preventDefault: function () {}, stopPropagation: function () {} });
    }
    else { return; }
    e.preventDefault();
    e.stopPropagation();
  }

  /** A word of the page (hooks/teksten.yml, written as JSON into #leidraad-teksten by overrides/main.html). */
  function woord(key) {
    var bron = document.getElementById("leidraad-teksten");
    try { return JSON.parse(bron.textContent)[key] || key; } catch (error) { return key; }
  }

  function start() {
    var knop = document.createElement("button");
    knop.type = "button";
    knop.className = "md-header__button md-icon projectie-knop";
    knop.setAttribute("aria-label", woord("projectie_knop"));
    knop.setAttribute("aria-pressed", "false");
    knop.title = woord("projectie_knop_titel");
    knop.innerHTML = ICON;
    knop.addEventListener("click", function () {
      if (window.projectieDia) { window.projectieDia.wissel(); } else if (gewild) { zetUit(); } else { zetAan(); }
    });
    var kop = document.querySelector(".md-header__inner");
    if (kop) {
      var zoek = kop.querySelector('label.md-header__button[for="__search"]') || kop.querySelector(".md-search");
      kop.insertBefore(knop, zoek || null);
    }
    document.addEventListener("keydown", toets, true);
    document.addEventListener("projectie", function (e) { onthoud(e.detail); });   /* from projectie-dia.js */
    var vraag = new URLSearchParams(location.search).get("projectie");
    if (vraag === "1" || (vraag !== "0" && opgeslagen())) { zetAan(); }
    else if (vraag === "0") { onthoud(false); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
