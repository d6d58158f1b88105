/* The part of bewaren.js that only pages with a worksheet, a self-test, the team scan or Mijn werk load
 * (hooks/pagina_bestanden.py adds it there): reading and filling a form's controls (worksheets, the team scan),
 * the private-window hint, and the quiet reminder when answers have waited a week for a file.
 *
 * The reminder's rule (due): a record whose newest answer is newer than its last save to a file (bewaren-bestand.js
 * notes that time per record in localStorage "leidraad:bestand"), and that save, or when it was never saved its
 * first answer, is seven days old or more. Only then is bewaren-bestand.js loaded to put the reminder on the page.
 * The circle explorer does without it (its first-load budget is spent); Mijn werk names its self-reflection.
 * The logic also runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var I = B.intern, time = I.time;
  var WEEK = 7 * 864e5;

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

  /** Whether a record's answers wait for a file: changed after it was last saved to one (at), and that save
      (or, never saved, its first answer) is a week old or more. */
  function due(velden, at, now) {
    var times = Object.keys(velden).map(function (key) { return time(velden[key]); });
    return Math.max.apply(0, times.concat(0)) > (at || 0) && now - (at || Math.min.apply(0, times)) >= WEEK;
  }

  /** When saved to a file, per record ({name: ms}). */
  function savedAt() {
    try { return JSON.parse(I.storage().getItem(I.SAVED)) || {}; } catch (error) { return {}; }
  }

  Object.assign(B, { fill: fill, keepAnswer: keepAnswer, privateWindow: privateWindow, due: due });
  I.savedAt = savedAt;
  I.WEEK = WEEK;

  if (browser) {
    /* a quiet reminder when this page's answers have waited a week for a file (bewaren-bestand.js shows it;
       pages whose words have no reminder show none: hooks/bewaren.yml) */
    window.addEventListener("load", function () {
      var at = savedAt(), names = Object.keys(I.records);
      if (I.words.herinnering && names.some(function (name) { return due(I.records[name].data.velden, at[name], Date.now()); })) {
        B.withFiles(function (F) { F.remind(names); });
      }
    });
  }
  if (typeof module === "object") module.exports = B;   /* Node: tests/js */
})();
