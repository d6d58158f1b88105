/* Projectiemodus, the slides (loaded by projectie.js when the mode is turned on, so pages that are only read
   do not carry it). Styles: assets/stylesheets/projectie.css (the page's look in the mode) and STIJL below
   (what this script makes). REDACTIE.md.

   Steps: one H2 section per slide; a section taller than the screen is shown in steps (at its
          sub-headings, then between blocks). Every step after a section's first repeats the section's
          heading, and the sub-heading it continues, marked "(vervolg)", so no screen is a lone fragment.
          The counter counts screens: "12 / 17". ArrowRight / ArrowLeft go to the next / previous step;
          ArrowDown / PageDown / Space and ArrowUp / PageUp first scroll a step that is one long paragraph
          or figure, then step. "g" (or the button "Ga naar…") lists the steps to jump to; Esc closes the
          list. "t" starts or pauses a clock for the meeting (with the current item of the page's agenda
          table, if it has one), Shift+T puts it away. Material's n / p go to the next page. A new window
          size cuts the steps again. Off: Escape, the exit button, "b" again.
   Exposes window.projectieDia = {aan, uit, wissel, toets}; projectie.js hands it the keys it queued and
   remembers the mode (the event "projectie"). The cutting into steps, the counter, the clock and the
   agenda also run in Node (tests/js). */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var root = browser ? document.documentElement : null;
  /* The words, in the page's language (hooks/teksten.yml via #leidraad-teksten, overrides/main.html). */
  var W = {};
  try { W = JSON.parse(document.getElementById("leidraad-teksten").textContent); } catch (error) { W = {}; }
  function vul(key, waarden) { return window.LeidraadTaal.format(W[key] || key, waarden); }
  var t = {
    sluit: W.projectie_sluit, sluitTitel: W.projectie_sluit_titel, vorige: W.projectie_vorige,
    volgende: W.projectie_volgende, bediening: W.projectie_bediening, vervolg: W.projectie_vervolg || "",
    ganaar: W.projectie_ganaar, ganaarTitel: W.projectie_ganaar_titel, tijdTitel: W.projectie_tijd_titel,
    tijdOm: W.projectie_tijd_om,
    stap: function (n, m) { return vul("projectie_stap", { n: n, m: m }); }
  };

  var aan = false;
  var secties = [];   // per H2 section: {elementen, omhulsels, beheerd: all it hides/shows (a Set), kopieen, stappen}
  var buiten = [];    // elements outside the slides' wrapper: hidden while projecting
  var waarden = [];   // li elements that got a value attribute (numbering of a split list)
  var huidig = { s: 0, p: 0 };  // section, step
  var knop, bediening, teller, ganaar, menu, lijst, klokKnop;
  /* What may be opened up into its parts, and what of it shows on each of its steps (a box's title, a
     table's header row). */
  var SPLITSBAAR = "ul, ol, blockquote, .admonition, details[open], div.aanvulling, div.tijdschema, div:not([class]), " +
    ".md-typeset__scrollwrap, .md-typeset__table, table, tbody";
  var VAST = ".admonition-title, summary, .aanvulling__label, thead, caption";
  var KOP = /^H[1-6]$/;
  var VERVOLG = "projectie-vervolgkop";  // the class of a heading's copy on a continued step

  /* The styles of what this script makes, added to the page with it (projectie.css, which every page loads,
     keeps only the page's look in the mode). Full contrast: on a projector anything lighter than black on
     white washes out to grey. Screen only: none of it is printed. */
  var STIJL = [
    "@media print { .projectie-bediening, .projectie-menu, .projectie-vervolgkop { display: none !important; } }",
    ".projectie-bediening[hidden], .projectie-klok[hidden], html:not(.projectie) .projectie-vervolgkop { display: none !important; }",
    /* the copies of headings on a continued step, a little tighter */
    "html.projectie .md-typeset .projectie-vervolgkop { margin-bottom: .4em; margin-top: 0; }",
    "html.projectie .md-typeset .projectie-vervolgkop ~ * .projectie-vervolgkop { margin-top: .2em; }",
    "html.projectie .md-typeset h1.projectie-vervolgkop { font-size: 1.5625em; line-height: 1.4; }",
    "html.projectie .md-typeset .projectie-vervolg { font-size: .7em; font-weight: 400; }",
    /* the controls in the corners: exit and the clock; go to, previous / next and where you are */
    ".projectie-bediening { bottom: 0; display: flex; font-size: 16px; justify-content: space-between; left: 0;" +
    " padding: 10px 14px; pointer-events: none; position: fixed; right: 0; z-index: 10; }",
    ".projectie-bediening button, .projectie-teller { background: #fff; border: 2px solid #000; border-radius: 6px;" +
    " color: #000; cursor: pointer; font: inherit; line-height: 1.2; padding: 6px 12px; pointer-events: auto; }",
    ".projectie-bediening button:hover, .projectie-bediening button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }",
    ".projectie-stappen, .projectie-links { display: flex; gap: 6px; }",
    ".projectie-bediening .projectie-teller { border-color: transparent; cursor: default; }",
    ".projectie-teller, .projectie-klok { font-variant-numeric: tabular-nums; }",
    ".projectie-bediening .projectie-klok--pauze { border-style: dashed; }",
    ".projectie-bediening--zonder-stappen .projectie-stappen { display: none; }",
    /* "Ga naar…": the steps to jump to */
    ".projectie-menu { background: #fff; border: 2px solid #000; border-radius: 6px; color: #000; font-size: 18px;" +
    " max-height: 80vh; max-width: min(90vw, 40em); overflow: auto; padding: 12px 16px; }",
    ".projectie-menu::backdrop { background: rgba(0, 0, 0, .5); }",
    ".projectie-menu__kop { font-weight: 700; margin: 0 0 8px; }",
    ".projectie-menu__lijst { list-style: none; margin: 0; padding: 0; }",
    ".projectie-menu__stap { background: none; border: 2px solid transparent; border-radius: 4px; color: inherit;" +
    " cursor: pointer; display: block; font: inherit; padding: 3px 8px; text-align: left; width: 100%; }",
    ".projectie-menu__stap--vervolg { padding-left: 28px; }",
    ".projectie-menu__stap[aria-current] { font-weight: 700; }",
    ".projectie-menu__stap:hover, .projectie-menu__stap:focus-visible { border-color: #0b57d0; outline: none; }",
    /* the dark scheme */
    "body[data-md-color-scheme=slate] .projectie-bediening button, body[data-md-color-scheme=slate] .projectie-teller," +
    " body[data-md-color-scheme=slate] .projectie-menu { background: #000; border-color: #fff; color: #fff; }"
  ].join("\n");

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

  /* The sections: the intro before the first H2, then every H2 with what follows it. The page's title (H1)
     and the H2s are children of the article, of its .fallback-taal wrapper (static-i18n) or of a page's own
     wrapper (a page that is ours as a whole, the poster). A block that holds an H2 deeper down (a
     worksheet's form, a self-test's key, the chapters of the whole guide) is opened into its children, so
     that its H2s start slides as well; such a block (an "omhulsel") shows while a part of it does. */
  function verdeel() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) { return []; }
    var titel = article.querySelector("h1");
    var eerste = article.querySelector("h2");
    var houder = titel ? titel.parentElement : (eerste ? eerste.parentElement : article);
    if (eerste && !houder.contains(eerste)) { houder = article; }
    var result = [{ elementen: [], omhulsels: [] }];
    (function plat(el, omhulsels) {
      kinderen(el).forEach(function (kind) {
        var getoond = kind.getClientRects().length > 0;  /* what the page hides (a self-test's key) stays whole */
        if (getoond && kind.tagName !== "H2" && kind.querySelector("h2")) { plat(kind, omhulsels.concat([kind])); return; }
        var sectie = result[result.length - 1];
        if (getoond && kind.tagName === "H2" && sectie.elementen.length) {
          sectie = { elementen: [], omhulsels: [] };
          result.push(sectie);
        }
        sectie.elementen.push(kind);
        omhulsels.forEach(function (o) { if (sectie.omhulsels.indexOf(o) < 0) { sectie.omhulsels.push(o); } });
      });
    })(houder, []);
    buiten = [];  /* what sits beside the wrapper (e.g. a tip under the poster) is not on any slide */
    for (var el = houder; el && el !== article; el = el.parentElement) {
      kinderen(el.parentElement).forEach(function (broer) { if (broer !== el) { buiten.push(broer); } });
    }
    return result[0].elementen.length ? result.map(function (sectie) {
      sectie.beheerd = new Set(sectie.elementen.concat(sectie.omhulsels));
      sectie.kopieen = new Map();
      sectie.stappen = [sectie.elementen];
      return sectie;
    }) : [];
  }

  /* ---- Steps: a section that is taller than the screen is cut into steps, each within one screen.
     A list, a box, a table or a wrapper that holds sub-headings or is too tall is opened up into its parts
     (items, rows);
     every sub-heading of the highest level (the sub-recommendations, h3) starts a step; then blocks are
     added while they fit, and a heading never ends a step. A single paragraph, figure or row that is
     taller than the screen on its own gets a step of its own (↓ / Page Down scroll it). Every step but the
     first begins with copies of the headings it continues (measured with it). */

  function ruimte() {  /* the lowest point content may reach: above the controls */
    return window.innerHeight - (bediening.offsetHeight || 0) - 4;
  }

  function zichtbaar(sectie, delen) {  /* show these parts of the section (with their boxes), hide the rest */
    var toon = new Set();
    delen.forEach(function (el) {
      for (var x = el; x && sectie.beheerd.has(x) && !toon.has(x); x = x.parentElement) { toon.add(x); }
    });
    sectie.beheerd.forEach(function (el) {
      var houder = el.parentElement;
      var blijft = el.matches(VAST) && toon.has(houder);
      el.classList.toggle("projectie-verborgen", !(toon.has(el) || blijft));
      if (!el.classList.length) { el.removeAttribute("class"); }  /* Material styles table:not([class]) */
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
      sectie.beheerd.add(kind);
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

  function niveauVan(el) { return KOP.test(el.tagName) ? parseInt(el.tagName.slice(1), 10) : 0; }

  function kopNiveau(delen) {  /* the level of the highest sub-heading among the parts (3 = h3), or 0 */
    var niveau = 0;
    delen.forEach(function (el) {
      var n = niveauVan(el);
      if (n > 2) { niveau = niveau ? Math.min(niveau, n) : n; }
    });
    return niveau;
  }

  /** The headings in force after these parts: the section's (H1 or H2) and the sub-headings above the last
      part, highest first ("4 Hoe doe je dat?", "4.2 …"). */
  function kopContext(delen) {
    var stapel = [];
    delen.forEach(function (el) {
      var n = niveauVan(el);
      if (!n) { return; }
      stapel = stapel.filter(function (kop) { return niveauVan(kop) < n; });
      stapel.push(el);
    });
    return stapel;
  }

  /** The headings a step that begins with these parts continues: the context, without those its own first
      heading replaces (a step that opens with an h3 repeats the section's H2, not the h3 before it). */
  function vervolgKoppen(geplaatst, begin) {
    var eigen = begin.length ? niveauVan(begin[0]) : 0;
    return kopContext(geplaatst).filter(function (kop) { return !eigen || niveauVan(kop) < eigen; });
  }

  /** The parts cut into steps, without measuring anything itself. opties: past(parts) whether they fit on one
      screen, kanOpen(part) and openen(part) whether a part opens up and into which parts, and (optional)
      vervolg(heading): the copy of a heading that a continued step begins with (measured with the step). */
  function verdeelStappen(delen, opties) {
    var niveau = kopNiveau(delen);
    var vervolg = opties.vervolg || function () { return null; };
    var uit = [];
    var nu = [];        // the step being filled: the copies of the headings it continues, then its own parts
    var kopie = 0;      // how many of nu are copies
    var geplaatst = []; // the own parts of the finished steps
    var isKop = function (el) { return KOP.test(el.tagName); };
    var eigenKoppen = function () { return nu.slice(kopie).every(isKop); };
    delen = delen.slice();
    function sluit() { uit.push(nu); geplaatst = geplaatst.concat(nu.slice(kopie)); nu = []; kopie = 0; }
    function begin(eerste) {  /* a new step: the copies of the headings it continues; eerste come through again */
      nu = vervolgKoppen(geplaatst, eerste).map(vervolg).filter(Boolean);
      kopie = nu.length;
      delen = eerste.concat(delen);
    }
    while (delen.length) {
      var deel = delen.shift();
      var eigen = nu.length - kopie;
      var nieuweKop = niveau && deel.tagName === "H" + niveau;
      var inleiding = !uit.length && kopNiveau(nu) === 0;  /* the H2 and its intro may take the first one along */
      if (eigen && nieuweKop && !inleiding) { sluit(); begin([deel]); continue; }
      if ((!nu.length && !uit.length) || opties.past(nu.concat([deel]))) { nu.push(deel); continue; }
      if (nu.every(isKop) && opties.kanOpen(deel)) {  /* headings with a box too tall to join them: open the box */
        delen = opties.openen(deel).concat(delen);
        continue;
      }
      if (eigenKoppen()) { nu.push(deel); continue; }  /* too tall on its own: a step of its own */
      var staart = [];  /* headings go along to the next step, unless the step would keep none */
      while (nu.length > kopie && isKop(nu[nu.length - 1])) { staart.unshift(nu.pop()); }
      if (!nu.some(isKop)) { nu = nu.concat(staart); staart = []; }
      sluit();
      begin(staart.concat([deel]));
    }
    if (nu.length > kopie) { uit.push(nu); }
    return uit;
  }

  /** The heading that names a step (in the list "Ga naar…"): its own first heading, else the deepest heading
      it continues (a copy, marked as continued), else none. */
  function stapKop(stap, isKopie) {
    var kopieen = stap.filter(isKopie);
    var eigen = stap.filter(function (el) { return !isKopie(el) && KOP.test(el.tagName); });
    return eigen[0] || kopieen[kopieen.length - 1] || null;
  }

  /** Where step p of section s is among all screens: {n, m} for the counter "n / m". */
  function telling(aantallen, s, p) {
    var n = p + 1;
    for (var i = 0; i < s; i++) { n += aantallen[i]; }
    return { n: n, m: aantallen.reduce(function (som, a) { return som + a; }, 0) };
  }

  /* ---- The meeting's clock: elapsed time, and the item of the page's agenda table ("0–5 min | Terugblik")
     that it falls in. */

  /** Seconds as "mm:ss" ("1:02:05" from an hour on). */
  function klok(seconden) {
    var s = Math.max(0, Math.floor(seconden));
    var twee = function (n) { return (n < 10 ? "0" : "") + n; };
    var uur = Math.floor(s / 3600);
    var min = Math.floor(s / 60) % 60;
    return (uur ? uur + ":" + twee(min) : twee(min)) + ":" + twee(s % 60);
  }

  var MINUTEN = /^\s*(\d+)\s*[–—-]\s*(\d+)\s*min/i;

  /** An agenda from a table's rows (each a list of cell texts): every row starts with minutes "5–15 min";
      [{van, tot, naam}] in minutes, or null when the rows are no agenda. */
  function leesAgenda(rijen) {
    if (rijen.length < 2) { return null; }
    var agenda = [];
    for (var i = 0; i < rijen.length; i++) {
      var m = MINUTEN.exec(rijen[i][0] || "");
      if (!m || parseInt(m[2], 10) <= parseInt(m[1], 10)) { return null; }
      agenda.push({ van: parseInt(m[1], 10), tot: parseInt(m[2], 10), naam: (rijen[i][1] || "").trim() });
    }
    return agenda;
  }

  /** An agenda written as steps with their length (a team session's "| Stap | Minuten | …"): the column headed
      Minuten/Minutes holds each step's minutes, the first column its name; the times add up. null otherwise. */
  function leesDuurAgenda(koppen, rijen) {
    var kolom = -1;
    for (var k = 0; k < koppen.length; k++) { if (/^\s*(minuten|minutes)\s*$/i.test(koppen[k] || "")) { kolom = k; } }
    if (kolom < 1 || rijen.length < 2) { return null; }
    var agenda = [], van = 0;
    for (var i = 0; i < rijen.length; i++) {
      var m = /^\s*(\d+)\s*$/.exec(rijen[i][kolom] || "");
      if (!m || parseInt(m[1], 10) < 1) { return null; }
      agenda.push({ van: van, tot: van + parseInt(m[1], 10), naam: (rijen[i][0] || "").trim() });
      van += parseInt(m[1], 10);
    }
    return agenda;
  }

  /** The index of the agenda item at this many seconds, -1 before the first, agenda.length after the last. */
  function agendaPunt(agenda, seconden) {
    for (var i = 0; i < agenda.length; i++) {
      if (seconden < agenda[i].van * 60) { return -1; }
      if (seconden < agenda[i].tot * 60) { return i; }
    }
    return agenda.length;
  }

  /** What the clock shows: "12:34", with the agenda item "12:34 · Casus bekijken" or "47:10 · <om>". */
  function klokTekst(seconden, agenda, om) {
    var tijd = klok(seconden);
    if (!agenda) { return tijd; }
    var i = agendaPunt(agenda, seconden);
    if (i < 0) { return tijd; }
    return tijd + " · " + (i < agenda.length ? agenda[i].naam : om);
  }

  /* ---- In the page */

  function kopTekst(kop) {  /* a heading's words, without its permalink */
    var kopie = kop.cloneNode(true);
    kopie.querySelectorAll(".headerlink").forEach(function (el) { el.remove(); });
    return kopie.textContent.replace(/\s+/g, " ").trim();
  }

  function isKopie(el) { return el.classList.contains(VERVOLG); }

  function vervolgKop(sectie, kop) {  /* the copy of a heading for continued steps, just below the heading */
    var kopie = sectie.kopieen.get(kop);
    if (kopie) { return kopie; }
    kopie = kop.cloneNode(true);
    kopie.removeAttribute("id");
    kopie.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    kopie.querySelectorAll(".headerlink").forEach(function (el) { el.remove(); });
    kopie.classList.add(VERVOLG, "projectie-verborgen");
    if (t.vervolg) {
      var woord = maak("span", { "class": "projectie-vervolg" });
      woord.textContent = " " + t.vervolg;
      kopie.appendChild(woord);
    }
    kop.parentNode.insertBefore(kopie, kop.nextSibling);
    sectie.kopieen.set(kop, kopie);
    sectie.beheerd.add(kopie);
    return kopie;
  }

  function ruimOp() {  /* the copies of headings go; they are made again when the steps are cut */
    document.querySelectorAll("article ." + VERVOLG).forEach(function (el) { el.remove(); });
    secties.forEach(function (sectie) { sectie.kopieen = new Map(); });
  }

  function stappen(sectie) {
    sectie.beheerd = new Set(sectie.elementen.concat(sectie.omhulsels));
    if (past(sectie, sectie.elementen)) { return [sectie.elementen]; }
    zichtbaar(sectie, sectie.elementen);
    var delen = [];
    var hoog = ruimte() - sectie.elementen[0].getBoundingClientRect().top;
    sectie.elementen.forEach(function (el) { ontleed(sectie, el, hoog, delen); });
    return verdeelStappen(delen, {
      past: function (lijst) { return past(sectie, lijst); },
      kanOpen: kanOpen,
      openen: function (el) { return openen(sectie, el); },
      vervolg: function (kop) { return vervolgKop(sectie, kop); }
    });
  }

  function verberg(sectie) { sectie.beheerd.forEach(function (el) { el.classList.add("projectie-verborgen"); }); }

  function bereken() {  /* each section measured alone, at the top of the screen */
    window.scrollTo(0, 0);
    ruimOp();
    secties.forEach(verberg);
    secties.forEach(function (sectie) { sectie.stappen = stappen(sectie); verberg(sectie); });
  }

  function aantallen() { return secties.map(function (s) { return s.stappen.length; }); }

  function eigenDeel(stap) { return stap.filter(function (el) { return !isKopie(el); })[0] || stap[0]; }

  function toon(s, p, opBegin) {
    if (!secties.length) { return; }
    s = Math.max(0, Math.min(secties.length - 1, s));
    p = Math.max(0, Math.min(secties[s].stappen.length - 1, p));
    huidig = { s: s, p: p };
    secties.forEach(function (sectie, i) { if (i !== s) { verberg(sectie); } });
    zichtbaar(secties[s], secties[s].stappen[p]);
    buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
    var tel = telling(aantallen(), s, p);
    teller.textContent = tel.n + " / " + tel.m;
    teller.setAttribute("aria-label", t.stap(tel.n, tel.m));
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
        var raak = secties[i].stappen[j].some(function (el) {
          return !isKopie(el) && (el === doel || el.contains(doel) || doel.contains(el));
        });
        if (raak) { return { s: i, p: j }; }
      }
    }
    return { s: 0, p: 0 };
  }

  /** Where projection opens: the first part of the page that asks for it (data-projectie-begin: the team view's
      result once files are chosen) and is shown, else the address's #section, else (null) the first step. The
      page's own start wins over the address, which Material rewrites while the reader scrolls. */
  function beginDoel(vragers, adresDoel) {
    for (var i = 0; i < vragers.length; i++) { if (!vragers[i].closest("[hidden]")) { return vragers[i]; } }
    return adresDoel || null;
  }

  function beginSlide() {
    var adres = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var doel = beginDoel(document.querySelectorAll("[data-projectie-begin]"), adres);
    return doel ? plek(doel) : { s: 0, p: 0 };
  }

  function toonAlles() {
    document.querySelectorAll(".projectie-verborgen").forEach(function (el) {
      el.classList.remove("projectie-verborgen");
      if (!el.classList.length) { el.removeAttribute("class"); }
    });
  }

  /* ---- "Ga naar…": the steps as a list of buttons (↑ ↓ Home End move, Enter goes, Esc closes) */

  function menuOpen() { return !!menu && menu.open; }

  function openMenu() {
    lijst.textContent = "";
    var n = 0;
    secties.forEach(function (sectie, s) {
      sectie.stappen.forEach(function (stapNu, p) {
        n += 1;
        var kop = stapKop(stapNu, isKopie);
        var knopNu = maak("button", { type: "button", "class": "projectie-menu__stap" + (p ? " projectie-menu__stap--vervolg" : "") });
        knopNu.textContent = n + ". " + (kop ? kopTekst(kop) : document.title);
        if (s === huidig.s && p === huidig.p) { knopNu.setAttribute("aria-current", "step"); }
        knopNu.addEventListener("click", function () { sluitMenu(); toon(s, p); });
        var item = maak("li", {});
        item.appendChild(knopNu);
        lijst.appendChild(item);
      });
    });
    menu.showModal();
    var nu = lijst.querySelector("[aria-current]") || lijst.querySelector("button");
    if (nu) { nu.focus(); nu.scrollIntoView({ block: "nearest" }); }
  }

  function sluitMenu() { if (menuOpen()) { menu.close(); } }

  function menuToets(e) {  /* keys while the list is open; Enter and Space are the buttons' own */
    var knoppen = Array.prototype.slice.call(lijst.querySelectorAll("button"));
    var i = knoppen.indexOf(document.activeElement);
    var doel = null;
    switch (e.key) {
      case "Escape": case "g": case "G": sluitMenu(); break;
      case "ArrowDown": doel = knoppen[Math.min(knoppen.length - 1, i + 1)]; break;
      case "ArrowUp": doel = knoppen[Math.max(0, i - 1)]; break;
      case "Home": doel = knoppen[0]; break;
      case "End": doel = knoppen[knoppen.length - 1]; break;
      default: return;
    }
    if (doel) { doel.focus(); doel.scrollIntoView({ block: "nearest" }); }
    e.preventDefault();
    e.stopPropagation();
  }

  /* ---- The clock ("t"): kept for the tab, so it runs on when the meeting follows a link */

  var KLOK = "projectie-klok";
  var tik = null;
  var agenda = null;

  function klokStand() {  /* {verstreken: ms before the last start, sinds: the start (ms) while it runs} or null */
    try { return JSON.parse(sessionStorage.getItem(KLOK)); } catch (e) { return null; }
  }

  function bewaarKlok(stand) {
    try { if (stand) { sessionStorage.setItem(KLOK, JSON.stringify(stand)); } else { sessionStorage.removeItem(KLOK); } }
    catch (e) { /* storage blocked: the clock lasts for this page */ }
    klokNu = stand;
  }

  var klokNu = null;

  function seconden(stand) { return ((stand.verstreken || 0) + (stand.sinds ? Date.now() - stand.sinds : 0)) / 1000; }

  function toonKlok() {
    var stand = klokNu;
    klokKnop.hidden = !stand;
    clearInterval(tik);
    tik = null;
    if (!stand || !aan) { return; }
    var zet = function () { klokKnop.textContent = klokTekst(seconden(stand), agenda, t.tijdOm); };
    zet();
    klokKnop.classList.toggle("projectie-klok--pauze", !stand.sinds);
    if (stand.sinds) { tik = setInterval(zet, 1000); }
  }

  function wisselKlok() {  /* start, pause, go on */
    var stand = klokNu;
    if (!stand) { stand = { verstreken: 0, sinds: Date.now() }; }
    else if (stand.sinds) { stand = { verstreken: stand.verstreken + Date.now() - stand.sinds, sinds: null }; }
    else { stand = { verstreken: stand.verstreken, sinds: Date.now() }; }
    bewaarKlok(stand);
    toonKlok();
  }

  function leesAgendaVanPagina() {  /* the first table of the article that is an agenda */
    var tabellen = document.querySelectorAll("article table");
    for (var i = 0; i < tabellen.length; i++) {
      var rijen = Array.prototype.map.call(tabellen[i].querySelectorAll("tbody tr"), function (tr) {
        return Array.prototype.map.call(tr.children, function (cel) { return cel.textContent; });
      });
      var koppen = Array.prototype.map.call(tabellen[i].querySelectorAll("thead th"), function (cel) { return cel.textContent; });
      var gevonden = leesAgenda(rijen) || leesDuurAgenda(koppen, rijen);
      if (gevonden) { return gevonden; }
    }
    return null;
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
    bediening.classList.toggle("projectie-bediening--zonder-stappen", telling(aantallen(), 0, 0).m < 2);
    agenda = leesAgendaVanPagina();
    klokNu = klokStand();
    toonKlok();
    var begin = beginSlide();
    toon(begin.s, begin.p);
  }

  function zetUit() {
    aan = false;
    sluitMenu();
    var stapNu = secties[huidig.s] && secties[huidig.s].stappen[huidig.p];
    var eerste = stapNu && eigenDeel(stapNu);
    root.classList.remove("projectie");
    knop.setAttribute("aria-pressed", "false");
    opslaan(false);
    toonAlles();
    ruimOp();
    waarden.forEach(function (li) { li.removeAttribute("value"); });
    waarden = [];
    bediening.hidden = true;
    toonKlok();
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
      var eerste = eigenDeel(secties[huidig.s].stappen[huidig.p]);
      toonAlles();
      buiten.forEach(function (el) { el.classList.add("projectie-verborgen"); });
      bereken();
      var terug = plek(eerste);
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
    if (aan && menuOpen()) { menuToets(e); return; }
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
      case "g": case "G": openMenu(); break;
      case "t": wisselKlok(); break;
      case "T": bewaarKlok(null); toonKlok(); break;
      case "s": case "S": case "f": case "F": case "/": break;  /* the search is hidden: do not open it */
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  function bouw() {
    var stijl = document.createElement("style");
    stijl.textContent = STIJL;
    document.head.appendChild(stijl);
    knop = document.querySelector("button.projectie-knop") || document.createElement("button");
    bediening = maak("div", { "class": "projectie-bediening", role: "group", "aria-label": t.bediening });
    bediening.hidden = true;
    var sluit = maak("button", { type: "button", "class": "projectie-sluit", title: t.sluitTitel },
      '<span aria-hidden="true">✕</span> ' + t.sluit);
    var vorige = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.vorige }, "‹");
    var volgende = maak("button", { type: "button", "class": "projectie-stap", "aria-label": t.volgende }, "›");
    teller = maak("span", { "class": "projectie-teller", role: "status" });
    ganaar = maak("button", { type: "button", "class": "projectie-ganaar", title: t.ganaarTitel, "aria-haspopup": "dialog" });
    ganaar.textContent = t.ganaar;
    klokKnop = maak("button", { type: "button", "class": "projectie-klok", title: t.tijdTitel });
    klokKnop.hidden = true;
    sluit.addEventListener("click", function () { zetUit(); knop.focus(); });
    vorige.addEventListener("click", function () { stap(-1); });
    volgende.addEventListener("click", function () { stap(1); });
    ganaar.addEventListener("click", openMenu);
    klokKnop.addEventListener("click", wisselKlok);
    var links = maak("span", { "class": "projectie-links" });
    links.append(sluit, klokKnop);
    var stappenGroep = maak("span", { "class": "projectie-stappen" });
    stappenGroep.append(ganaar, vorige, teller, volgende);
    bediening.append(links, stappenGroep);
    menu = maak("dialog", { "class": "projectie-menu", "aria-labelledby": "projectie-menu-kop" });
    var kop = maak("p", { "class": "projectie-menu__kop", id: "projectie-menu-kop" });
    kop.textContent = t.ganaar;
    lijst = maak("ol", { "class": "projectie-menu__lijst" });
    menu.append(kop, lijst);
    menu.addEventListener("click", function (e) { if (e.target === menu) { sluitMenu(); } });  /* the backdrop */
    menu.addEventListener("cancel", function (e) { e.preventDefault(); sluitMenu(); });
    menu.addEventListener("close", function () { ganaar.focus({ preventScroll: true }); });
    document.body.append(bediening, menu);
  }

  if (browser) {
    bouw();
    document.addEventListener("keydown", toets, true);
    window.addEventListener("resize", herschik);
    window.projectieDia = { aan: zetAan, uit: zetUit, wissel: wissel, toets: toets };
  }
  if (typeof module === "object") {
    module.exports = { verdeelStappen: verdeelStappen, kopNiveau: kopNiveau, kopContext: kopContext, stapKop: stapKop,
                       telling: telling, klok: klok, leesAgenda: leesAgenda, leesDuurAgenda: leesDuurAgenda, agendaPunt: agendaPunt, beginDoel: beginDoel,
                       klokTekst: klokTekst };
  }
})();
