/* The popover of a tapped glossary term, fetched by begrippen.js at the first tap (with its stylesheet,
   begrippen.css): the term's name, its definition, a link to the entry in the glossary and a close button.
   It sits under the term (above it near the bottom of the screen), never past the screen's edges, and takes
   the focus. A tap outside it closes it; the close button and Esc close it and give the focus back to the
   term; Tab out of it closes it and the focus goes on. Words from #leidraad-teksten (hooks/teksten.yml,
   group js); all text goes in with textContent. The pure parts are exported for Node
   (tests/js/begrippen.test.js). */
(function () {
  "use strict";

  var MARGIN = 8;      /* px between the popover and the screen's edge, and between it and the term */

  /** "Name: definition" -> {naam, definitie}; a title without ": " is all definition. */
  function splitsTitel(titel) {
    var tekst = String(titel || "").replace(/\s+/g, " ").trim();
    var plek = tekst.indexOf(": ");
    if (plek < 1) { return { naam: "", definitie: tekst }; }
    return { naam: tekst.slice(0, plek).trim(), definitie: tekst.slice(plek + 2).trim() };
  }

  /** Where the popover goes, in page coordinates: under the term (above it when there is no room below and
      there is above), as wide as fits, never past either edge of the screen.
      term: the link's client rect {left, top, bottom}; scherm: {breedte, hoogte, scrollX, scrollY};
      maat: the popover's {breedte, hoogte} as it would be shown. */
  function plaats(term, scherm, maat) {
    var breedte = Math.min(maat.breedte, scherm.breedte - 2 * MARGIN);
    var links = Math.max(MARGIN, Math.min(term.left, scherm.breedte - MARGIN - breedte));
    var onder = term.bottom + MARGIN;
    var boven = term.top - MARGIN - maat.hoogte;
    var erboven = onder + maat.hoogte > scherm.hoogte && boven >= 0;
    return { links: Math.round(links + scherm.scrollX), boven: Math.round((erboven ? boven : onder) + scherm.scrollY),
             breedte: Math.round(breedte), erboven: erboven };
  }

  /** The page's words (hooks/teksten.yml, written as JSON into #leidraad-teksten by overrides/main.html). */
  function woorden(bron) {
    try { return JSON.parse(bron && bron.textContent) || {}; } catch (e) { return {}; }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { splitsTitel: splitsTitel, plaats: plaats, woorden: woorden };
  }
  if (typeof document === "undefined") { return; }

  var self = document.currentScript && document.currentScript.src;
  var stijl = null;             /* begrippen.css: null, "laadt" (with the tap that waits for it) or "klaar" */
  var wacht = null;
  var open = null;              /* {link, kaart} while a popover is shown */
  var volgnummer = 0;
  var root = document.documentElement;

  function sluit(focusTerug) {
    if (!open) { return; }
    var link = open.link;
    open.kaart.remove();
    link.removeAttribute("aria-expanded");
    link.removeAttribute("aria-controls");
    open = null;
    if (!focusTerug) { root.classList.remove("begrip-open"); return; }
    /* The focus goes back to the term; Material would answer that focus with its tooltip, the definition the
       reader just closed: keep that hidden until the term loses the focus. */
    link.addEventListener("blur", function weg() {
      link.removeEventListener("blur", weg);
      if (!open) { root.classList.remove("begrip-open"); }
    });
    link.focus({ preventScroll: true });
  }

  function element(tag, klasse, tekst) {
    var e = document.createElement(tag);
    e.className = klasse;
    if (tekst) { e.textContent = tekst; }
    return e;
  }

  function maakKaart(link, titel, w) {
    var delen = splitsTitel(titel);
    var id = "begrip-uitleg-" + (++volgnummer);
    var kaart = element("div", "begrip-uitleg md-typeset");
    kaart.id = id;
    kaart.setAttribute("role", "dialog");
    kaart.setAttribute("aria-labelledby", id + "-naam");
    kaart.setAttribute("aria-describedby", id + "-tekst");
    kaart.tabIndex = -1;
    var dicht = element("button", "begrip-uitleg__sluit", "×");
    dicht.type = "button";
    dicht.setAttribute("aria-label", w.begrip_sluit || "Sluiten");
    dicht.addEventListener("click", function () { sluit(true); });
    var naam = element("p", "begrip-uitleg__naam", delen.naam || link.textContent.trim());
    naam.id = id + "-naam";
    var tekst = element("p", "begrip-uitleg__tekst", delen.definitie);
    tekst.id = id + "-tekst";
    var verder = element("a", "begrip-uitleg__link", w.begrip_naar_lijst || "Naar de begrippenlijst");
    verder.href = link.href;
    [dicht, naam, tekst, verder].forEach(function (e) { kaart.appendChild(e); });
    kaart.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); sluit(true); }
    });
    kaart.addEventListener("focusout", function (e) {
      if (open && open.kaart === kaart && e.relatedTarget && !kaart.contains(e.relatedTarget)) { sluit(false); }
    });
    return kaart;
  }

  function toon(link, titel) {
    sluit(false);
    var kaart = maakKaart(link, titel, woorden(document.getElementById("leidraad-teksten")));
    kaart.style.visibility = "hidden";
    document.body.appendChild(kaart);
    var p = plaats(link.getBoundingClientRect(),
                   { breedte: root.clientWidth, hoogte: window.innerHeight, scrollX: window.scrollX, scrollY: window.scrollY },
                   { breedte: kaart.offsetWidth, hoogte: kaart.offsetHeight });
    kaart.style.left = p.links + "px";
    kaart.style.top = p.boven + "px";
    kaart.style.maxWidth = p.breedte + "px";
    kaart.style.visibility = "";
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", kaart.id);
    root.classList.add("begrip-open");   /* hides Material's tooltip meanwhile (begrippen.css) */
    open = { link: link, kaart: kaart };
    kaart.focus({ preventScroll: true });
  }

  /** A tap on a term (begrippen.js): the popover, or, on its own term a second time, closed again. */
  function tik(link, titel) {
    if (open && open.link === link) { sluit(true); return; }
    if (stijl === "klaar") { toon(link, titel); return; }
    wacht = [link, titel];
    if (stijl) { return; }
    stijl = "laadt";
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = self.replace(/javascripts\/begrippen-uitleg(\.min)?\.js([?#].*)?$/, "stylesheets/begrippen$1.css");
    css.onload = css.onerror = function () { stijl = "klaar"; toon(wacht[0], wacht[1]); wacht = null; };
    document.head.appendChild(css);
  }

  document.addEventListener("pointerdown", function (e) {
    if (open && !open.kaart.contains(e.target) && !open.link.contains(e.target)) { sluit(false); }
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && open) { sluit(true); }
  });

  window.begripUitleg = { tik: tik };
})();
