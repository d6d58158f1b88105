/* Projectiemodus (projection mode) for team meetings: large type, high contrast, no site chrome,
   one H2 section per screen. Styles: assets/stylesheets/projectie.css. README: "Voor teamoverleg en studie".

   On:    the header button, the key "b" (beamer; Material uses f, s, /, n, p, ",", "."), or ?projectie=1.
   Off:   Escape, the exit button, "b" again, or ?projectie=0.
   Steps: ArrowRight / ArrowLeft jump to the next / previous section; ArrowDown / PageDown and
          ArrowUp / PageUp first scroll a long section, then step. Material's n / p go to the next page.
   The mode is kept in sessionStorage, so it survives following a link in the same tab. No requests. */
(function () {
  "use strict";

  var STORE = "projectie";
  var root = document.documentElement;
  var T = {
    nl: {
      knop: "Projectiemodus", knopTitel: "Projectiemodus aan of uit (toets b)",
      sluit: "Projectie sluiten", sluitTitel: "Projectiemodus verlaten (Esc)",
      vorige: "Vorig onderdeel", volgende: "Volgend onderdeel", bediening: "Projectiemodus",
      stap: function (n, m) { return "Onderdeel " + n + " van " + m; }
    },
    en: {
      knop: "Projection mode", knopTitel: "Projection mode on or off (key b)",
      sluit: "Exit projection", sluitTitel: "Leave projection mode (Esc)",
      vorige: "Previous section", volgende: "Next section", bediening: "Projection mode",
      stap: function (n, m) { return "Section " + n + " of " + m; }
    }
  };
  var t = T[(root.lang || "nl").slice(0, 2)] || T.en;

  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path fill-rule="evenodd" d="M2 3h20v2h-1v10H3V5H2zm3 2v8h14V5zm6 11h2v2.2l3.6 2.6-1.2 1.6L12 20.1l-3.4 2.3' +
    '-1.2-1.6 3.6-2.6z"/></svg>';

  var aan = false;
  var groepen = [];   // per slide: the elements that make it up
  var buiten = [];    // elements outside the slides' wrapper: hidden while projecting
  var huidig = 0;
  var knop, bediening, teller;

  function opslaan(waarde) {
    try {
      if (waarde) { sessionStorage.setItem(STORE, "1"); } else { sessionStorage.removeItem(STORE); }
    } catch (e) { /* storage blocked: the mode then lasts for this page only */ }
  }

  function opgeslagen() {
    try { return sessionStorage.getItem(STORE) === "1"; } catch (e) { return false; }
  }

  function maak(tag, attrs, html) {
    var el = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (html) { el.innerHTML = html; }
    return el;
  }

  /* The slides: the intro before the first H2, then every H2 with what follows it. The H2s are
     children of the article, of its .fallback-taal wrapper (static-i18n) or of a page's own wrapper. */
  function verdeel() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) { return []; }
    var eerste = article.querySelector("h2");
    var houder = eerste ? eerste.parentElement : article;
    var result = [[]];
    Array.prototype.forEach.call(houder.children, function (el) {
      if (el.tagName === "H2" && result[result.length - 1].length) { result.push([]); }
      result[result.length - 1].push(el);
    });
    buiten = [];  /* what sits beside the wrapper (e.g. a tip under the poster) is not on any slide */
    for (var el = houder; el && el !== article; el = el.parentElement) {
      Array.prototype.forEach.call(el.parentElement.children, function (broer) {
        if (broer !== el) { buiten.push(broer); }
      });
    }
    return result[0].length ? result : [];
  }

  function toon(index, opBegin) {
    if (!groepen.length) { return; }
    huidig = Math.max(0, Math.min(groepen.length - 1, index));
    groepen.forEach(function (groep, i) {
      groep.forEach(function (el) { el.classList.toggle("projectie-verborgen", i !== huidig); });
    });
    buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
    teller.textContent = (huidig + 1) + " / " + groepen.length;
    teller.setAttribute("aria-label", t.stap(huidig + 1, groepen.length));
    var kop = groepen[huidig][0];
    if (kop && kop.tagName === "H2" && kop.id) {
      history.replaceState(history.state, "", "#" + kop.id);
    }
    if (opBegin !== false) { window.scrollTo(0, 0); }
  }

  function beginSlide() {
    var doel = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!doel) { return 0; }
    for (var i = 0; i < groepen.length; i++) {
      for (var j = 0; j < groepen[i].length; j++) {
        if (groepen[i][j] === doel || groepen[i][j].contains(doel)) { return i; }
      }
    }
    return 0;
  }

  function zetAan() {
    aan = true;
    root.classList.add("projectie");
    knop.setAttribute("aria-pressed", "true");
    opslaan(true);
    groepen = verdeel();
    bediening.hidden = false;
    bediening.classList.toggle("projectie-bediening--zonder-stappen", groepen.length < 2);
    toon(beginSlide());
  }

  function zetUit() {
    aan = false;
    root.classList.remove("projectie");
    knop.setAttribute("aria-pressed", "false");
    opslaan(false);
    document.querySelectorAll(".projectie-verborgen").forEach(function (el) {
      el.classList.remove("projectie-verborgen");
    });
    bediening.hidden = true;
    var kop = groepen[huidig] && groepen[huidig][0];
    if (kop && huidig > 0) {  /* stay where the team was: that section, just below the header */
      var balk = document.querySelector(".md-header");
      var marge = (balk ? balk.offsetHeight : 0) + 8;
      window.scrollTo(0, kop.getBoundingClientRect().top + window.scrollY - marge);
    }
  }

  function wissel() { if (aan) { zetUit(); knop.focus(); } else { zetAan(); } }

  function kanScrollen(richting) {
    var el = document.scrollingElement || root;
    if (richting > 0) { return el.scrollTop + window.innerHeight < el.scrollHeight - 4; }
    return el.scrollTop > 4;
  }

  function typt(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function toets(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    if (aan && e.key === "Escape") { zetUit(); knop.focus(); e.preventDefault(); e.stopPropagation(); return; }
    if (typt(e.target)) { return; }
    if (e.key === "b" || e.key === "B") { wissel(); e.preventDefault(); e.stopPropagation(); return; }
    if (!aan) { return; }
    switch (e.key) {
      case "ArrowRight": toon(huidig + 1); break;
      case "ArrowLeft": toon(huidig - 1); break;
      case "ArrowDown": case "PageDown":
        if (kanScrollen(1) || huidig === groepen.length - 1) { return; }
        toon(huidig + 1); break;
      case "ArrowUp": case "PageUp":
        if (kanScrollen(-1) || huidig === 0) { return; }
        toon(huidig - 1); break;
      case "Home": toon(0); break;
      case "End": toon(groepen.length - 1); break;
      case "s": case "S": case "f": case "F": case "/": break;  /* the search is hidden: do not open it */
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  function bouw() {
    knop = maak("button", {
      type: "button", "class": "md-header__button md-icon projectie-knop",
      "aria-label": t.knop, "aria-pressed": "false", title: t.knopTitel
    }, ICON);
    knop.addEventListener("click", wissel);
    var kop = document.querySelector(".md-header__inner");
    if (kop) {
      var zoek = kop.querySelector('label.md-header__button[for="__search"]') || kop.querySelector(".md-search");
      kop.insertBefore(knop, zoek || null);
    }

    bediening = maak("div", { "class": "projectie-bediening", role: "group", "aria-label": t.bediening });
    bediening.hidden = true;
    var sluit = maak("button", { type: "button", "class": "projectie-sluit", title: t.sluitTitel },
      '<span aria-hidden="true">✕</span> ' + t.sluit);
    var vorige = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.vorige }, "‹");
    var volgende = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.volgende }, "›");
    teller = maak("span", { "class": "projectie-teller", role: "status" });
    sluit.addEventListener("click", function () { zetUit(); knop.focus(); });
    vorige.addEventListener("click", function () { toon(huidig - 1); });
    volgende.addEventListener("click", function () { toon(huidig + 1); });
    var stappen = maak("span", { "class": "projectie-stappen" });
    stappen.append(vorige, teller, volgende);
    bediening.append(sluit, stappen);
    document.body.appendChild(bediening);
  }

  function start() {
    bouw();
    document.addEventListener("keydown", toets, true);
    var vraag = new URLSearchParams(location.search).get("projectie");
    if (vraag === "1" || (vraag !== "0" && opgeslagen())) { zetAan(); }
    else if (vraag === "0") { opslaan(false); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
