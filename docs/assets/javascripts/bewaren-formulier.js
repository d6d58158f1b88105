/* The part of bewaren.js that only pages with a worksheet, a self-test, the team scan or Mijn werk load
 * (hooks/pagina_bestanden.py adds it there): reading and filling a form's controls (worksheets, the team scan),
 * and the private-window hint (the reminder of a week is in bewaren.js and bewaren-bestand.js, on every page that
 * keeps work). The logic also runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;

  /* --- a form's controls: the one way worksheets and the team scan read and show an answer ---------- */

  /** A control's answer: text, a tick (true/false) or the chosen value of a group of radio buttons. */
  function valueOf(control, form) {
    if (control.type === "checkbox") return control.checked;
    if (control.type === "radio") {
      var chosen = form.querySelector('input[type=radio][data-sleutel="' + control.dataset.sleutel + '"]:checked');
      return chosen ? chosen.value : "";
    }
    return control.value;
  }

  function show(control, value) {
    if (control.type === "checkbox") control.checked = value === true;
    else if (control.type === "radio") control.checked = value !== undefined && String(value) === control.value;
    else control.value = value === undefined || value === null || value === true ? "" : String(value);
  }

  /** Keep a control's answer in the record, with the question as the reader sees it. */
  function keepAnswer(record, control, form, question) {
    var change = {};
    change[control.dataset.sleutel] = [valueOf(control, form), question];
    record.set(change);
  }

  /** Put the record's answers into the form's [data-sleutel] controls (only the keys given, or all), leaving
      the field being typed in (the focused field of the focused tab: it gets the other tab's text when the
      teacher leaves it). */
  function fill(form, record, keys) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-sleutel]"), function (control) {
      if (keys && keys.indexOf(control.dataset.sleutel) < 0) return;
      if (keys && control === document.activeElement && document.hasFocus()) return;
      show(control, record.get(control.dataset.sleutel));
    });
  }

  /** Whether this looks like a private window, as far as the browser lets a page tell (README). */
  function privateWindow(callback) {
    if (!(navigator.storage && navigator.storage.estimate)) { callback(false); return; }
    navigator.storage.estimate().then(function (estimate) {
      callback(typeof estimate.quota === "number" && estimate.quota < 120 * 1024 * 1024);
    }, function () { callback(false); });
  }

  Object.assign(B, { fill: fill, keepAnswer: keepAnswer, privateWindow: privateWindow });
  if (typeof module === "object") module.exports = B;   /* Node: tests/js */
})();
