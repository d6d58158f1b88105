/* The citation block (hooks/verwijzing.py): put in the address the reader is using when the site has
   no fixed address (extra.verwijzing_basis_url), and copy the reference with one click. */
(function () {
  "use strict";

  function adres(span) {
    if (span.hasAttribute("data-vast") || !/^https?:$/.test(location.protocol)) { return; }
    span.textContent = location.origin + location.pathname;
    var noot = span.closest(".verwijzing").querySelector(".verwijzing__noot");
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

  document.querySelectorAll(".verwijzing__url").forEach(adres);
  document.querySelectorAll(".verwijzing__kopieer").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { kopieer(knop); });
  });
})();
