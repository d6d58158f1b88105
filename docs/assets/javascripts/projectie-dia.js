/* Projectiemodus, the slides (loaded by projectie.js when the mode is turned on, so pages that are only read
   do not carry it). Styles: assets/stylesheets/projectie.css. REDACTIE.md.

   Steps: one H2 section per slide; a section taller than the screen is shown in steps (at its
          sub-headings, then between blocks), counted "4.2 / 10". ArrowRight / ArrowLeft go to the next /
          previous step; ArrowDown / PageDown / Space and ArrowUp / PageUp first scroll a step that is one
          long paragraph or figure, then step. Material's n / p go to the next page. A new window size
          cuts the steps again. Off: Escape, the exit button, "b" again.
   Exposes window.projectieDia = {aan, uit, wissel, toets}; projectie.js hands it the keys it queued and
   remembers the mode (the event "projectie"). The cutting into steps also runs in Node (tests/js). */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var root = browser ? document.documentElement : null;
  /* The words, in the page's language (hooks/teksten.yml via #leidraad-teksten, overrides/main.html). */
  var W = {};
  try { W = JSON.parse(document.getElementById("leidraad-teksten").textContent); } catch (error) { W = {}; }
  function vul(key, n, m) { return window.LeidraadTaal.format(W[key] || key, { n: n, m: m }); }
  var t = {
    sluit: W.projectie_sluit, sluitTitel: W.projectie_sluit_titel, vorige: W.projectie_vorige,
    volgende: W.projectie_volgende, bediening: W.projectie_bediening,
    stap: function (n, m) { return vul("projectie_stap", n, m); },
    deel: function (n, m) { return vul("projectie_deel", n, m); }
  };

  var aan = false;
  var secties = [];   // per H2 section: {elementen: its top-level elements, beheerd: all it hides/shows, stappen}
  var buiten = [];    // elements outside the slides' wrapper: hidden while projecting
  var waarden = [];   // li elements that got a value attribute (numbering of a split list)
  var huidig = { s: 0, p: 0 };  // section, step
  var knop, bediening, teller;
  /* What may be opened up into its parts, and what of it shows on each of its steps (a box's title, a
     table's header row). */
  var SPLITSBAAR = "ul, ol, blockquote, .admonition, details[open], div.aanvulling, div.tijdschema, div:not([class]), " +
    ".md-typeset__scrollwrap, .md-typeset__table, table, tbody";
  var VAST = ".admonition-title, summary, .aanvulling__label, thead, caption";
  var KOP = /^H[2-6]$/;

  function opslaan(waarde) {  /* projectie.js keeps the mode for the tab */
    document.dispatchEvent(new CustomEvent("projectie", { detail: !!waarde }));
  }

  function maak(tag, attrs, html) {
    var el = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (html) { el.innerHTML = html; }
    return el;
  }

  function kinderen(el) { return Array.prototype.slice.call(el.children); }

  /* The sections: the intro before the first H2, then every H2 with what follows it. The H2s are
     children of the article, of its .fallback-taal wrapper (static-i18n) or of a page's own wrapper. */
  function verdeel() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) { return []; }
    var eerste = article.querySelector("h2");
    var houder = eerste ? eerste.parentElement : article;
    var result = [[]];
    kinderen(houder).forEach(function (el) {
      if (el.tagName === "H2" && result[result.length - 1].length) { result.push([]); }
      result[result.length - 1].push(el);
    });
    buiten = [];  /* what sits beside the wrapper (e.g. a tip under the poster) is not on any slide */
    for (var el = houder; el && el !== article; el = el.parentElement) {
      kinderen(el.parentElement).forEach(function (broer) { if (broer !== el) { buiten.push(broer); } });
    }
    return result[0].length ? result.map(function (els) {
      return { elementen: els, beheerd: els.slice(), stappen: [els] };
    }) : [];
  }

  /* ---- Steps: a section that is taller than the screen is cut into steps, each within one screen.
     A list, a box, a table or a wrapper that holds sub-headings or is too tall is opened up into its parts
     (items, rows);
     every sub-heading of the highest level (the sub-recommendations, h3) starts a step; then blocks are
     added while they fit, and a heading never ends a step. A single paragraph, figure or row that is
     taller than the screen on its own gets a step of its own (↓ / Page Down scroll it). */

  function ruimte() {  /* the lowest point content may reach: above the controls */
    return window.innerHeight - (bediening.offsetHeight || 0) - 4;
  }

  function zichtbaar(sectie, delen) {  /* show these parts of the section (with their boxes), hide the rest */
    var toon = new Set();
    delen.forEach(function (el) {
      for (var x = el; x && sectie.beheerd.indexOf(x) >= 0; x = x.parentElement) { toon.add(x); }
    });
    sectie.beheerd.forEach(function (el) {
      var houder = el.parentElement;
      var blijft = el.matches(VAST) && toon.has(houder);
      el.classList.toggle("projectie-verborgen", !(toon.has(el) || blijft));
    });
  }

  function onderkant(sectie) {
    var laagst = 0;
    sectie.elementen.forEach(function (el) {
      if (!el.classList.contains("projectie-verborgen")) { laagst = Math.max(laagst, el.getBoundingClientRect().bottom); }
    });
    return laagst + window.scrollY;
  }

  function past(sectie, delen) { zichtbaar(sectie, delen); return onderkant(sectie) <= ruimte(); }

  function nummer(lijst) {  /* a split numbered list keeps its numbers */
    var start = lijst.hasAttribute("start") ? parseInt(lijst.getAttribute("start"), 10) : 1;
    kinderen(lijst).forEach(function (li, i) {
      if (li.tagName === "LI" && !li.hasAttribute("value")) { li.setAttribute("value", String(start + i)); waarden.push(li); }
    });
  }

  function openen(sectie, el) {  /* el's children become parts of their own (its title stays with it) */
    if (el.tagName === "OL") { nummer(el); }
    var delen = [];
    kinderen(el).forEach(function (kind) {
      sectie.beheerd.push(kind);
      if (!kind.matches(VAST)) { delen.push(kind); }
    });
    return delen;
  }

  function kanOpen(el) { return el.matches(SPLITSBAAR) && el.children.length > 0; }

  function ontleed(sectie, el, hoog, uit) {  /* el as parts: itself, or its children when it is split */
    if (!kanOpen(el) || !(el.querySelector("h3, h4, h5, h6") || el.getBoundingClientRect().height > hoog)) {
      uit.push(el);
      return;
    }
    openen(sectie, el).forEach(function (kind) { ontleed(sectie, kind, hoog, uit); });
  }

  function kopNiveau(delen) {  /* the level of the highest sub-heading among the parts (3 = h3), or 0 */
    var niveau = 0;
    delen.forEach(function (el) {
      if (KOP.test(el.tagName) && el.tagName !== "H2") {
        var n = parseInt(el.tagName.slice(1), 10);
        niveau = niveau ? Math.min(niveau, n) : n;
      }
    });
    return niveau;
  }

  /** The parts cut into steps, without measuring anything itself. opties: past(parts) whether they fit on one
      screen, kanOpen(part) and openen(part) whether a part opens up and into which parts. */
  function verdeelStappen(delen, opties) {
    var niveau = kopNiveau(delen);
    var uit = [];
    var nu = [];
    var alleenKoppen = function () { return nu.every(function (el) { return KOP.test(el.tagName); }); };
    delen = delen.slice();
    while (delen.length) {
      var deel = delen.shift();
      var nieuweKop = niveau && deel.tagName === "H" + niveau;
      var inleiding = !uit.length && kopNiveau(nu) === 0;  /* the H2 and its intro may take the first one along */
      if (nu.length && nieuweKop && !inleiding) { uit.push(nu); nu = [deel]; continue; }
      if (!nu.length || opties.past(nu.concat([deel]))) { nu.push(deel); continue; }
      if (alleenKoppen() && opties.kanOpen(deel)) {  /* a heading with a box too tall to join it: open the box */
        delen = opties.openen(deel).concat(delen);
        continue;
      }
      var staart = [];  /* headings go along to the next step */
      while (nu.length && KOP.test(nu[nu.length - 1].tagName)) { staart.unshift(nu.pop()); }
      if (nu.length) { uit.push(nu); }
      nu = staart.concat([deel]);
    }
    if (nu.length) { uit.push(nu); }
    return uit;
  }

  function stappen(sectie) {
    sectie.beheerd = sectie.elementen.slice();
    if (past(sectie, sectie.elementen)) { return [sectie.elementen]; }
    zichtbaar(sectie, sectie.elementen);
    var delen = [];
    var hoog = ruimte() - sectie.elementen[0].getBoundingClientRect().top;
    sectie.elementen.forEach(function (el) { ontleed(sectie, el, hoog, delen); });
    return verdeelStappen(delen, {
      past: function (lijst) { return past(sectie, lijst); },
      kanOpen: kanOpen,
      openen: function (el) { return openen(sectie, el); }
    });
  }

  function verberg(sectie) { sectie.beheerd.forEach(function (el) { el.classList.add("projectie-verborgen"); }); }

  function bereken() {  /* each section measured alone, at the top of the screen */
    window.scrollTo(0, 0);
    secties.forEach(verberg);
    secties.forEach(function (sectie) { sectie.stappen = stappen(sectie); verberg(sectie); });
  }

  function aantalStappen() {
    return secties.reduce(function (n, s) { return n + s.stappen.length; }, 0);
  }

  function toon(s, p, opBegin) {
    if (!secties.length) { return; }
    s = Math.max(0, Math.min(secties.length - 1, s));
    p = Math.max(0, Math.min(secties[s].stappen.length - 1, p));
    huidig = { s: s, p: p };
    secties.forEach(function (sectie, i) {
      if (i === s) { zichtbaar(sectie, sectie.stappen[p]); } else { verberg(sectie); }
    });
    buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
    var meer = secties[s].stappen.length > 1;
    teller.textContent = (s + 1) + (meer ? "." + (p + 1) : "") + " / " + secties.length;
    teller.setAttribute("aria-label", t.stap(s + 1, secties.length) + (meer ? ", " + t.deel(p + 1, secties[s].stappen.length) : ""));
    var kop = secties[s].stappen[p].filter(function (el) { return KOP.test(el.tagName) && el.id; })[0] ||
      (secties[s].elementen[0].tagName === "H2" && secties[s].elementen[0]);
    if (kop && kop.id) { history.replaceState(history.state, "", "#" + kop.id); }
    if (opBegin !== false) { window.scrollTo(0, 0); }
  }

  function stap(richting) {  /* the next or previous step, across sections */
    var s = huidig.s;
    var p = huidig.p + richting;
    if (p < 0) { if (s === 0) { return; } s -= 1; p = secties[s].stappen.length - 1; }
    if (p >= secties[s].stappen.length) { if (s === secties.length - 1) { return; } s += 1; p = 0; }
    toon(s, p);
  }

  function laatste() { return huidig.s === secties.length - 1 && huidig.p === secties[huidig.s].stappen.length - 1; }

  function plek(doel) {  /* the section and step that show an element */
    for (var i = 0; i < secties.length; i++) {
      for (var j = 0; j < secties[i].stappen.length; j++) {
        var raak = secties[i].stappen[j].some(function (el) { return el === doel || el.contains(doel) || doel.contains(el); });
        if (raak) { return { s: i, p: j }; }
      }
    }
    return { s: 0, p: 0 };
  }

  function beginSlide() {
    var doel = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return doel ? plek(doel) : { s: 0, p: 0 };
  }

  function toonAlles() {
    document.querySelectorAll(".projectie-verborgen").forEach(function (el) {
      el.classList.remove("projectie-verborgen");
    });
  }

  function zetAan() {
    aan = true;
    root.classList.add("projectie");
    knop.setAttribute("aria-pressed", "true");
    opslaan(true);
    secties = verdeel();
    bediening.hidden = false;
    buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
    bereken();
    bediening.classList.toggle("projectie-bediening--zonder-stappen", aantalStappen() < 2);
    var begin = beginSlide();
    toon(begin.s, begin.p);
  }

  function zetUit() {
    aan = false;
    var stapNu = secties[huidig.s] && secties[huidig.s].stappen[huidig.p];
    var eerste = stapNu && stapNu[0];
    root.classList.remove("projectie");
    knop.setAttribute("aria-pressed", "false");
    opslaan(false);
    toonAlles();
    waarden.forEach(function (li) { li.removeAttribute("value"); });
    waarden = [];
    bediening.hidden = true;
    if (eerste && (huidig.s > 0 || huidig.p > 0)) {  /* stay where the team was, just below the header */
      var balk = document.querySelector(".md-header");
      var marge = (balk ? balk.offsetHeight : 0) + 8;
      window.scrollTo(0, eerste.getBoundingClientRect().top + window.scrollY - marge);
    }
  }

  var wachten = null;
  function herschik() {  /* another window size: cut the steps again, stay on what was shown */
    if (!aan) { return; }
    clearTimeout(wachten);
    wachten = setTimeout(function () {
      var stapNu = secties[huidig.s].stappen[huidig.p];
      toonAlles();
      buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
      bereken();
      var terug = plek(stapNu[0]);
      toon(terug.s, terug.p);
    }, 150);
  }

  function wissel() { if (aan) { zetUit(); knop.focus(); } else { zetAan(); } }

  function kanScrollen(richting) {  /* is there more of this step below (above) the screen? */
    if (richting < 0) { return window.scrollY > 4; }
    var sectie = secties[huidig.s];
    return !!sectie && onderkant(sectie) > window.scrollY + ruimte() + 4;
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
      case "ArrowRight": stap(1); break;
      case "ArrowLeft": stap(-1); break;
      case "ArrowDown": case "PageDown": case " ":
        if (kanScrollen(1) || laatste()) { return; }
        stap(1); break;
      case "ArrowUp": case "PageUp":
        if (kanScrollen(-1) || (huidig.s === 0 && huidig.p === 0)) { return; }
        stap(-1); break;
      case "Home": toon(0, 0); break;
      case "End": toon(secties.length - 1, secties[secties.length - 1].stappen.length - 1); break;
      case "s": case "S": case "f": case "F": case "/": break;  /* the search is hidden: do not open it */
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  function bouw() {
    knop = document.querySelector("button.projectie-knop") || document.createElement("button");
    bediening = maak("div", { "class": "projectie-bediening", role: "group", "aria-label": t.bediening });
    bediening.hidden = true;
    var sluit = maak("button", { type: "button", "class": "projectie-sluit", title: t.sluitTitel },
      '<span aria-hidden="true">✕</span> ' + t.sluit);
    var vorige = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.vorige }, "‹");
    var volgende = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.volgende }, "›");
    teller = maak("span", { "class": "projectie-teller", role: "status" });
    sluit.addEventListener("click", function () { zetUit(); knop.focus(); });
    vorige.addEventListener("click", function () { stap(-1); });
    volgende.addEventListener("click", function () { stap(1); });
    var stappen = maak("span", { "class": "projectie-stappen" });
    stappen.append(vorige, teller, volgende);
    bediening.append(sluit, stappen);
    document.body.appendChild(bediening);
  }

  if (browser) {
    bouw();
    document.addEventListener("keydown", toets, true);
    window.addEventListener("resize", herschik);
    window.projectieDia = { aan: zetAan, uit: zetUit, wissel: wissel, toets: toets };
  }
  if (typeof module === "object") module.exports = { verdeelStappen: verdeelStappen, kopNiveau: kopNiveau };
})();
