/* Tap for a definition: on a touch screen, a tap on a glossary term shows its definition in place.

   Every link to a glossary entry carries the title "Name: definition" (hooks/begrippen_tooltips.py). Material
   (content.tooltips) shows that title on hover and on keyboard focus, which a phone has neither of: there a
   tap left the page for the glossary. This script catches a tap (a click that a touch or pen pointer made) on
   such a link and shows the definition in a popover under it instead (begrippen-uitleg.js: the name, the
   definition, a link to the entry in the glossary and a close button; a tap outside it, the button or Esc
   closes it). A mouse click or Enter on the keyboard still follows the link, and hover and focus still show
   Material's tooltip.

   Loaded only on pages with glossary links (hooks/begrippen_tooltips.py asks for it) and small: the popover
   and its stylesheet are fetched from the site (file:// too) at the first tap, as projectie.js fetches its
   slides. If that fails, the tap follows the link. The decision "is this a tap?" is a plain function,
   exported for Node (tests/js/begrippen.test.js). */
(function () {
  "use strict";

  var SELECTOR = 'a[href*="begrippen.html#"]';

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

  if (typeof module === "object" && module.exports) { module.exports = { isTik: isTik, SELECTOR: SELECTOR }; }
  if (typeof document === "undefined") { return; }

  var self = document.currentScript && document.currentScript.src;
  var titels = new WeakMap();   /* link -> its title, read before Material's tooltip takes it away */
  var laatste = "";             /* pointerType of the last pointerdown */
  var wacht = null;             /* the taps waiting for begrippen-uitleg.js, while it loads */

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

  /** Show the definition: at once when begrippen-uitleg.js is there, else when it has loaded. */
  function uitleg(link, titel) {
    if (window.begripUitleg) { window.begripUitleg.tik(link, titel); return; }
    if (wacht) { wacht = [link, titel]; return; }
    wacht = [link, titel];
    var script = document.createElement("script");
    script.src = self.replace(/begrippen(\.min)?\.js([?#].*)?$/, "begrippen-uitleg$1.js");
    script.onload = function () { var tik = wacht; wacht = null; window.begripUitleg.tik(tik[0], tik[1]); };
    script.onerror = function () { var tik = wacht; wacht = null; script.remove(); location.href = tik[0].href; };
    document.head.appendChild(script);
  }

  function klik(e) {
    var link = e.target.closest && e.target.closest(SELECTOR);
    if (!link || link.closest(".begrip-uitleg") || !self) { return; }
    var titel = titelVan(link);
    var grof = window.matchMedia ? window.matchMedia("(pointer: coarse)").matches : false;
    if (!titel || !isTik(e, laatste, grof)) { return; }
    e.preventDefault();
    uitleg(link, titel);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), titelVan);
    document.addEventListener("pointerdown", function (e) { laatste = e.pointerType || ""; }, true);
    document.addEventListener("click", klik);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
