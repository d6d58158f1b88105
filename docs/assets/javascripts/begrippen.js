/* Tap for a definition: on a touch screen, a tap on a glossary term shows its definition in place.

   Every link to a glossary entry carries the title "Name: definition" (hooks/begrippen_tooltips.py). Material
   (content.tooltips) shows that title on hover and on keyboard focus, which a phone has neither of: there a
   tap left the page for the glossary. This script catches a tap (a click that a touch or pen pointer made) on
   such a link and opens a small popover under it instead: the name, the definition, a link to the entry in the
   glossary and a close button. A second tap outside it, the close button or Esc closes it; Esc and the button
   give the focus back to the term. A mouse click or Enter on the keyboard still follows the link, and hover and
   focus still show Material's tooltip.

   Loaded only on pages with glossary links (hooks/begrippen_tooltips.py asks for it). Words from
   #leidraad-teksten (hooks/teksten.yml, group js); all text goes in with textContent. The logic that decides
   (is this a tap? what does the title say? where does the popover go?) is plain functions, exported for
   Node (tests/js/begrippen.test.js). */
(function () {
  "use strict";

  var SELECTOR = 'a[href*="begrippen.html#"]';
  var MARGIN = 8;      /* px between the popover and the screen's edge, and below the term */

  /** "Name: definition" -> {naam, definitie}; a title without ": " is all definition. */
  function splitsTitel(titel) {
    var tekst = String(titel || "").replace(/\s+/g, " ").trim();
    var plek = tekst.indexOf(": ");
    if (plek < 1) { return { naam: "", definitie: tekst }; }
    return { naam: tekst.slice(0, plek).trim(), definitie: tekst.slice(plek + 2).trim() };
  }

  /** Whether a click on a glossary link is a tap that should show the definition rather than follow the link.
      klik: {pointerType, detail, button, ctrlKey, metaKey, shiftKey, altKey} of the click; laatste: the
      pointerType of the last pointerdown ("" if none); grof: matchMedia("(pointer: coarse)").matches. */
  function isTik(klik, laatste, grof) {
    if (klik.button || klik.ctrlKey || klik.metaKey || klik.shiftKey || klik.altKey) { return false; }
    if (!klik.detail) { return false; }                       /* Enter on the keyboard: follow the link */
    var soort = klik.pointerType || laatste || "";
    if (soort) { return soort === "touch" || soort === "pen"; }
    return !!grof;                                            /* no pointer events: trust the media query */
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

  /** A word of the page (hooks/teksten.yml, written as JSON into #leidraad-teksten by overrides/main.html). */
  function woorden(bron) {
    try { return JSON.parse(bron && bron.textContent) || {}; } catch (e) { return {}; }
  }

  var logica = { splitsTitel: splitsTitel, isTik: isTik, plaats: plaats, woorden: woorden, SELECTOR: SELECTOR };
  if (typeof module === "object" && module.exports) { module.exports = logica; }
  if (typeof document === "undefined") { return; }

  var titels = new WeakMap();   /* link -> its title, read before Material's tooltip takes it away */
  var laatste = "";             /* pointerType of the last pointerdown */
  var open = null;              /* {link, kaart} while a popover is shown */
  var volgnummer = 0;

  function titelVan(link) {
    if (titels.has(link)) { return titels.get(link); }
    var titel = link.getAttribute("title");
    if (!titel) {               /* Material shows its tooltip and holds the title meanwhile */
      var tip = document.getElementById(link.getAttribute("aria-describedby") || "");
      titel = tip ? tip.textContent : "";
    }
    if (titel) { titels.set(link, titel); }
    return titel;
  }

  function sluit(focusTerug) {
    if (!open) { return; }
    var link = open.link;
    open.kaart.remove();
    link.removeAttribute("aria-expanded");
    link.removeAttribute("aria-controls");
    open = null;
    if (!focusTerug) { document.documentElement.classList.remove("begrip-open"); return; }
    /* The focus goes back to the term; Material would answer that focus with its tooltip, the definition the
       reader just closed: keep that hidden until the term loses the focus. */
    link.addEventListener("blur", function weg() {
      link.removeEventListener("blur", weg);
      if (!open) { document.documentElement.classList.remove("begrip-open"); }
    });
    link.focus({ preventScroll: true });
  }

  function maakKaart(link, titel, w) {
    var delen = splitsTitel(titel);
    var id = "begrip-uitleg-" + (++volgnummer);
    var kaart = document.createElement("div");
    kaart.className = "begrip-uitleg md-typeset";
    kaart.id = id;
    kaart.setAttribute("role", "dialog");
    kaart.setAttribute("aria-labelledby", id + "-naam");
    kaart.setAttribute("aria-describedby", id + "-tekst");
    kaart.tabIndex = -1;
    var naam = document.createElement("p");
    naam.className = "begrip-uitleg__naam";
    naam.id = id + "-naam";
    naam.textContent = delen.naam || link.textContent.trim();
    var tekst = document.createElement("p");
    tekst.className = "begrip-uitleg__tekst";
    tekst.id = id + "-tekst";
    tekst.textContent = delen.definitie;
    var verder = document.createElement("a");
    verder.className = "begrip-uitleg__link";
    verder.href = link.href;
    verder.textContent = w.begrip_naar_lijst || "Naar de begrippenlijst";
    var dicht = document.createElement("button");
    dicht.type = "button";
    dicht.className = "begrip-uitleg__sluit";
    dicht.setAttribute("aria-label", w.begrip_sluit || "Sluiten");
    dicht.textContent = "×";
    dicht.addEventListener("click", function () { sluit(true); });
    kaart.appendChild(dicht);
    kaart.appendChild(naam);
    kaart.appendChild(tekst);
    kaart.appendChild(verder);
    kaart.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); sluit(true); }
    });
    kaart.addEventListener("focusout", function (e) {   /* Tab out of it: it closes, the focus goes on */
      if (open && open.kaart === kaart && e.relatedTarget && !kaart.contains(e.relatedTarget)) { sluit(false); }
    });
    return kaart;
  }

  function toon(link, titel) {
    sluit(false);
    var kaart = maakKaart(link, titel, woorden(document.getElementById("leidraad-teksten")));
    kaart.style.visibility = "hidden";
    document.body.appendChild(kaart);
    var rechthoek = link.getBoundingClientRect();
    var p = plaats(rechthoek, { breedte: document.documentElement.clientWidth, hoogte: window.innerHeight,
                                scrollX: window.scrollX, scrollY: window.scrollY },
                   { breedte: kaart.offsetWidth, hoogte: kaart.offsetHeight });
    kaart.style.left = p.links + "px";
    kaart.style.top = p.boven + "px";
    kaart.style.maxWidth = p.breedte + "px";
    kaart.classList.toggle("begrip-uitleg--boven", p.erboven);
    kaart.style.visibility = "";
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", kaart.id);
    document.documentElement.classList.add("begrip-open");   /* hides Material's tooltip meanwhile (leidraad.css) */
    open = { link: link, kaart: kaart };
    kaart.focus({ preventScroll: true });
  }

  function klik(e) {
    var link = e.target.closest && e.target.closest(SELECTOR);
    if (!link || (open && open.kaart.contains(link))) { return; }
    var titel = titelVan(link);
    if (!titel) { return; }
    var grof = window.matchMedia ? window.matchMedia("(pointer: coarse)").matches : false;
    if (!isTik(e, laatste, grof)) { return; }
    e.preventDefault();
    if (open && open.link === link) { sluit(true); } else { toon(link, titel); }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), titelVan);
    document.addEventListener("pointerdown", function (e) {
      laatste = e.pointerType || "";
      if (open && !open.kaart.contains(e.target) && !open.link.contains(e.target)) { sluit(false); }
    }, true);
    document.addEventListener("click", klik);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && open) { sluit(true); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
