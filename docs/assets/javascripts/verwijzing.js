/* The citation block and the edition stamp (hooks/verwijzing.py): put in the address the reader is using
   when the site has no fixed address (extra.verwijzing_basis_url), and copy the reference with one click.
   Printing: the field or button that has the focus loses it while the page prints (no focus ring or text
   cursor on paper) and gets it back afterwards; a part's print button (data-afdrukken-doel) prints that part. */
(function () {
  "use strict";

  function adres(span) {
    if (span.hasAttribute("data-vast") || !/^https?:$/.test(location.protocol)) { return; }
    var hier = location.origin + location.pathname;
    var vanaf = span.getAttribute("data-vanaf");  /* another page of the site (the stamp's versions page) */
    if (vanaf) {
      if (hier.slice(-vanaf.length) === vanaf) {
        span.textContent = hier.slice(0, hier.length - vanaf.length) + span.getAttribute("data-pad");
      }
      return;
    }
    span.textContent = hier;
    var blok = span.closest(".verwijzing");
    var noot = blok && blok.querySelector(".verwijzing__noot");
    if (noot) { noot.hidden = true; }
  }

  function kopieer(knop) {
    var tekst = document.getElementById(knop.getAttribute("data-kopieer")).textContent.replace(/\s+/g, " ").trim();
    var status = knop.parentNode.querySelector(".verwijzing__status");
    var klaar = function () { status.textContent = knop.getAttribute("data-gekopieerd"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(tekst).then(klaar, function () { oud(tekst) && klaar(); });
    } else if (oud(tekst)) {
      klaar();
    }
  }

  function oud(tekst) {  /* file:// and plain http: no Clipboard API */
    var veld = document.createElement("textarea");
    veld.value = tekst;
    veld.setAttribute("readonly", "");
    veld.style.position = "fixed";
    veld.style.opacity = "0";
    document.body.appendChild(veld);
    veld.select();
    var gelukt = false;
    try { gelukt = document.execCommand("copy"); } catch (e) { gelukt = false; }
    veld.remove();
    return gelukt;
  }

  var focus = null;  /* what had the focus when printing began */
  window.addEventListener("beforeprint", function () {
    var el = document.activeElement;
    if (el && el !== document.body && typeof el.blur === "function") { focus = el; el.blur(); }
  });
  window.addEventListener("afterprint", function () {
    var el = focus;
    focus = null;
    /* after the page is back on screen (a field hidden on paper cannot take the focus) */
    if (el) { setTimeout(function () { if (document.contains(el)) { el.focus({ preventScroll: true }); } }, 0); }
  });

  /* A print button of a page part (a team session's hand-out: <button data-afdrukken-doel="hand-out"> in a hidden
     <p>, shown by this script): for this one print the page carries the class druk-<part>, so the page's print rules
     (team.css) put only that part on paper; then the browser's print dialog, as a worksheet's button opens it.
     Not the address's #part: that would stay, and a later Ctrl+P would print the part alone again. */
  document.querySelectorAll("[data-afdrukken-doel]").forEach(function (knop) {
    knop.parentNode.hidden = false;
    knop.onclick = function () {
      var klasse = "druk-" + knop.dataset.afdrukkenDoel, html = document.documentElement;
      html.classList.add(klasse);
      window.addEventListener("afterprint", function weg() {
        html.classList.remove(klasse);
        window.removeEventListener("afterprint", weg);
      });
      window.print();
    };
  });

  document.querySelectorAll(".verwijzing__url").forEach(adres);
  document.querySelectorAll(".verwijzing__kopieer").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { kopieer(knop); });
  });
})();
