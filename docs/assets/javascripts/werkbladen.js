/* Worksheets (hooks/werkbladen.py) in the browser: keep what a teacher fills in, count the tally, print
   every word she wrote (filled in or blank), save to and restore from a file, and show answers whose
   question has gone. Storage is bewaren.js (one record per sheet, fields by their question's identity,
   data-sleutel); nothing is sent anywhere and everything works from file:// too. The carrying over of the
   first format also runs in Node (tests/js). */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var V1 = "werkbladen:v1:";       /* the first format: per page path and language, fields by position */
  var SHOWN = 100;                 /* answers without a question drawn at most; the rest are counted */

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function controls(form) { return form.querySelectorAll("[data-sleutel]"); }

  /** The question a control answers, as the teacher reads it (stored with the answer). */
  function questionOf(control) {
    var text = "";
    if (control.type === "radio") {
      var legend = control.closest("fieldset") && control.closest("fieldset").querySelector("legend");
      text = legend ? legend.textContent : "";
    } else if (control.getAttribute("aria-label")) {
      text = control.getAttribute("aria-label");
    } else if (control.labels && control.labels.length) {
      text = control.labels[0].textContent;
    }
    var part = control.closest("[aria-labelledby]");
    var title = part && part !== control.form && document.getElementById(part.getAttribute("aria-labelledby"));
    text = text.replace(/\s+/g, " ").trim();
    /* the why: its own words first, then its scale ("Waarom dit cijfer? (Welk cijfer …)"), so that a list that
       shortens a long question still tells the why from the number */
    var scale = control.type !== "radio" && control.closest(".werkblad-schaal");
    if (scale) return text + " (" + scale.querySelector("legend").textContent.replace(/\s+/g, " ").trim() + ")";
    return title && control.type !== "radio" ? title.textContent.trim() + ": " + text : text;
  }

  var fill = B.fill;   /* a form's controls: bewaren.js (valueOf, show, fill, keepAnswer) */

  /* --- text boxes grow with the answer ------------------------------------------------------------ */

  var MOST = 30;   /* lines a box grows to; beyond that it scrolls, with its scrollbar in view */

  /** The height (px) a text box gets for its content, and whether it must scroll: at least its own lines
      (least), at most MOST lines (most); content: its scrollHeight with the height at the least. */
  function fitHeight(content, least, most) {
    var height = Math.max(least, Math.min(content, most));
    return { height: Math.ceil(height), scroll: content > most };
  }

  function grow(box) {
    if (box.tagName !== "TEXTAREA" || !box.offsetParent) return;
    var style = getComputedStyle(box), line = parseFloat(style.lineHeight) || 24;
    var edges = box.offsetHeight - box.clientHeight;   /* borders: scrollHeight leaves them out */
    box.style.height = "";                             /* the stylesheet's height: the box's own lines */
    var least = box.offsetHeight, fit = fitHeight(box.scrollHeight + edges, least, Math.max(least, MOST * line));
    box.style.height = fit.height + "px";
    box.style.overflowY = fit.scroll ? "auto" : "hidden";
  }

  function growAll(form) { each(form.querySelectorAll("textarea"), grow); }

  /** A table cell's one-line text field becomes a text box that wraps and grows with its text (a plan's "Wat we
      doen" is longer than its cell, and a text field shows only what fits its width): the same id, label, key
      and value. Without JavaScript the field stays as the hook wrote it; paper prints a copy either way. */
  function wrapCells(form) {
    each(form.querySelectorAll(".werkblad-tabel td > input[type=text]"), function (field) {
      var box = document.createElement("textarea");
      each(field.attributes, function (a) { if (a.name !== "type") box.setAttribute(a.name, a.value); });
      box.rows = 1;
      box.classList.add("werkblad-cel");
      box.value = field.value;
      field.replaceWith(box);
    });
  }

  /* --- status: say plainly whether it was saved ----------------------------------------------- */

  function bars(form) {
    return Array.prototype.filter.call(document.querySelectorAll("[data-werkblad-knoppen]"), function (bar) {
      return bar.dataset.werkbladKnoppen === "pagina" || bar.closest("form.werkblad") === form;
    });
  }

  function say(form, message, alarm) {
    bars(form).forEach(function (bar) {
      var line = bar.querySelector(alarm ? "[data-werkblad-melding]" : "[data-werkblad-status]");
      if (alarm) { line.hidden = !message; }
      if (line.textContent !== message) line.textContent = message;
    });
  }

  function report(form, record) {
    if (record.problem) {
      say(form, B.statusText(record), true);
      say(form, "", false);
    } else {
      say(form, "", true);
      say(form, B.statusText(record), false);
    }
  }

  /* --- answers whose question has gone ("Antwoorden zonder vraag") ------------------------------- */

  function orphans(form, record) {
    var present = {};
    each(controls(form), function (control) { present[control.dataset.sleutel] = true; });
    var lost = record.entries().filter(function (entry) { return !present[entry.key]; });
    var box = form.querySelector(".werkblad-wees");
    if (!lost.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("section");
      box.className = "werkblad-wees";
      form.insertBefore(box, form.querySelector(".werkblad-voet"));
    }
    box.innerHTML = "";
    var heading = document.createElement("h3");
    heading.textContent = B.text("wees_titel");
    var intro = document.createElement("p");
    intro.textContent = B.text("wees_uitleg");
    var list = document.createElement("ul");
    box.append(heading, intro, list);
    if (lost.length > SHOWN) {
      var more = document.createElement("p");
      more.textContent = B.text("wees_meer", { n: lost.length - SHOWN });
      box.append(more);
    }
    lost.slice(0, SHOWN).forEach(function (entry) {
      var item = document.createElement("li");
      var q = document.createElement("p");
      q.innerHTML = "<strong></strong> ";
      q.firstChild.textContent = B.text("wees_vraag");
      q.append(entry.q || B.text("wees_onbekend"));
      var a = document.createElement("p");
      a.className = "werkblad-wees__antwoord";
      a.textContent = entry.v === true ? B.text("ja") : String(entry.v);
      var copy = button(B.text("kopieer"), function () {
        var done = function () { say(form, B.text("gekopieerd"), false); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText((entry.q ? entry.q + "\n" : "") + a.textContent).then(done, function () { select(a); });
        } else { select(a); }
      });
      var remove = button(B.text("verwijder"), function () {
        if (!window.confirm(B.text("verwijder_vraag"))) return;
        var change = {};
        change[entry.key] = [null, entry.q];
        record.set(change);
        report(form, record);
        orphans(form, record);
      });
      item.append(q, a, copy, remove);
      list.appendChild(item);
    });
  }

  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* --- the first format (v1) is carried over once -------------------------------------------------- */

  /** The changes that carry v1 answers over. olds: [[storage key, {field id: value}]], the sheet's own page
      first; field(id): {name, question, radio (a radio button's value)} of a control on this sheet, or null;
      current(name): the record's value. An answer with no field here, or that differs from the one there, is
      kept as an answer without a question. Only texts, numbers and ticks are answers. */
  function v1Changes(olds, field, current) {
    var changes = {};
    olds.forEach(function (pair) {
      var key = pair[0], old = pair[1];
      Object.keys(old).forEach(function (id) {
        var value = old[id], control = field(id);
        if (value !== null && typeof value === "object") return;
        if (!control) {
          if (!B.empty(value)) changes["v1:" + key + ":" + id] = [value, ""];
          return;
        }
        if (control.radio !== undefined) value = value === true ? control.radio : "";
        if (B.empty(value)) return;
        var name = control.name, have = changes[name] ? changes[name][0] : current(name);
        if (have === undefined) changes[name] = [value, control.question];
        else if (have !== value) changes["v1:" + key + ":" + id] = [value, control.question];
      });
    });
    return changes;
  }

  function migrate(form, record) {
    if (record.data.v1) return;
    var language = document.documentElement.lang || "nl", found = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf(V1 + language + ":") === 0 && key.slice(-(form.id.length + 1)) === "#" + form.id) {
          found.push(key);
        }
      }
    } catch (error) { return; }
    /* the sheet's own page first, then the print-all page: on a conflict the own page wins */
    found.sort(function (a, b) { return (a.indexOf("alle-werkbladen") >= 0) - (b.indexOf("alle-werkbladen") >= 0); });
    var olds = [];
    found.forEach(function (key) {   /* one unreadable key does not stop the others */
      var old = null;
      try { old = B.oldValues(localStorage.getItem(key)); } catch (error) { old = null; }
      if (old) olds.push([key, old]);
    });
    var changes = v1Changes(olds, function (id) {
      var control = document.getElementById(id);
      if (!control || !form.contains(control) || !control.dataset.sleutel) return null;
      return { name: control.dataset.sleutel, question: questionOf(control), radio: control.type === "radio" ? control.value : undefined };
    }, function (name) { return record.get(name); });
    if (Object.keys(changes).length) record.set(changes);
    record.mark("v1");  /* the v1 entries stay where they are: nothing is deleted */
  }

  /* --- answers kept under an English field's old key ------------------------------------------------ */

  /** Where an answer kept under an old key belongs now. moved (data-oude-sleutels, hooks/werkblad_sleutels.py, read
      by movedOf):
      {the key an English field had before December 2026, from its text: its key now}; a row's, day's or why's
      suffix (":r2", ":d3", ":waarom") stays; the longest old key that fits wins. undefined: not an old key. */
  function movedKey(key, moved) {
    var best = "";
    Object.keys(moved).forEach(function (old) {
      if ((key === old || key.indexOf(old + ":") === 0) && old.length > best.length) best = old;
    });
    return best ? moved[best] + key.slice(best.length) : undefined;
  }

  /** The changes that move every answer under an old key to its question ({key: [value, question]}). The old
      entry is cleared in the same write as the new one (one record, one write: neither happens without the
      other). When the question already holds another answer, that one stays (what the page showed at the
      question, and what "Maak ons plan" of the team view keeps in a slot) and the old one is kept beside it as an
      answer without a question ("v3:<old key>"): nothing is lost. velden: the record's entries. */
  function moveChanges(velden, moved) {
    var changes = {}, has = function (entry) { return !!entry && B.intern.scalar(entry.v) && !B.empty(entry.v); };
    Object.keys(velden).forEach(function (key) {
      var entry = velden[key], target = movedKey(key, moved);
      if (target === undefined || !has(entry)) return;
      var there = changes[target] ? { v: changes[target][0] } : velden[target];
      changes[key] = [null, entry.q];
      if (!has(there)) changes[target] = [entry.v, entry.q];
      else if (there.v !== entry.v) changes["v3:" + key] = [entry.v, entry.q];
    });
    return changes;
  }

  /** A form's old keys: data-oude-sleutels "old>now old>now …" as {old: now}. */
  function movedOf(form) {
    var moved = {};
    (form.dataset.oudeSleutels || "").split(" ").forEach(function (pair) {
      var parts = pair.split(">");
      if (parts.length === 2 && parts[0] && parts[1]) moved[parts[0]] = parts[1];
    });
    return moved;
  }

  /** Move answers under old keys to their questions (when the page opens and after a file is restored: not when
      another tab writes, which may be a copy of the previous version still using the old keys). */
  function moveOld(form, record) {
    var changes = moveChanges(record.data.velden, movedOf(form));
    if (Object.keys(changes).length) record.set(changes);
  }

  /* --- printing every word ---------------------------------------------------------------------------- */

  var blankNext = false, stash = null;

  /** A print copy of each text field: a block that grows with its text, so paper shows all of it. */
  function mirrors() {
    each(document.querySelectorAll("form.werkblad textarea, form.werkblad input[type=text]"), function (field) {
      var copy = field.nextElementSibling;
      if (!copy || !copy.classList.contains("werkblad-afdruk")) {
        copy = document.createElement("div");
        copy.className = "werkblad-afdruk " + field.className;
        copy.setAttribute("aria-hidden", "true");
        copy.style.setProperty("--regels", field.style.getPropertyValue("--regels") || "1");   /* not its height */
        field.after(copy);
      }
      copy.textContent = field.value;
    });
  }

  function blankOut() {
    if (stash) return;
    stash = [];
    each(document.querySelectorAll("form.werkblad [data-sleutel], form.werkblad [data-turf]"), function (field) {
      stash.push({ field: field, value: field.value, checked: field.checked });
      if (field.type === "checkbox" || field.type === "radio") field.checked = false; else field.value = "";
    });
    each(document.querySelectorAll("form.werkblad"), tally);
    document.documentElement.classList.add("werkblad-leeg");
  }

  function restore() {
    if (!stash) return;
    stash.forEach(function (kept) {
      if (kept.field.type === "checkbox" || kept.field.type === "radio") kept.field.checked = kept.checked;
      else kept.field.value = kept.value;
    });
    stash = null;
    each(document.querySelectorAll("form.werkblad"), tally);
    document.documentElement.classList.remove("werkblad-leeg");
  }

  if (browser) {
    window.addEventListener("beforeprint", function () {
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      if (blankNext) blankOut();
      mirrors();
    });
    window.addEventListener("afterprint", function () {
      blankNext = false; restore(); mirrors();
      each(document.querySelectorAll("form.werkblad"), growAll);
    });
    /* a box that was out of sight (a closed tab, the print-all page) or on a narrower screen fits again */
    window.addEventListener("resize", function () {
      if (window.matchMedia("print").matches) return;   /* paper prints the copies; measuring now would blur */
      each(document.querySelectorAll("form.werkblad"), growAll);
    });
  }

  /* --- the tally ------------------------------------------------------------------------------------ */

  function count(field) {
    var n = parseInt(field.value, 10);
    return isNaN(n) || n < 0 ? 0 : n;
  }

  function ratio(plus, min, lang) {
    if (!plus && !min) return "";
    if (!min) return plus + " : 0";
    return (Math.round((plus / min) * 10) / 10).toLocaleString(lang) + " : 1";
  }

  function tally(form) {
    var lang = document.documentElement.lang || "nl";
    each(form.querySelectorAll("[data-werkblad-turven]"), function (table) {
      var sumPlus = 0, sumMin = 0;
      each(table.querySelectorAll("[data-turf-rij]"), function (row) {
        var plus = count(row.querySelector("[data-turf='plus']")), min = count(row.querySelector("[data-turf='min']"));
        sumPlus += plus;
        sumMin += min;
        row.querySelector("[data-turf-verhouding]").textContent = ratio(plus, min, lang);
      });
      var total = table.querySelector("[data-turf-verhouding-totaal]"), any = sumPlus || sumMin;
      table.querySelector("[data-turf-totaal='plus']").textContent = any ? sumPlus : "";
      table.querySelector("[data-turf-totaal='min']").textContent = any ? sumMin : "";
      if (!any) { total.textContent = ""; return; }
      var reached = sumPlus >= 3 * sumMin;
      total.textContent = ratio(sumPlus, sumMin, lang) + " · " + (reached ? "✓ " + table.dataset.gehaald : table.dataset.nietGehaald);
      total.dataset.gehaald = reached ? "ja" : "nee";
    });
  }

  /* --- the buttons ---------------------------------------------------------------------------------- */

  var sheets = [];   /* {form, record} of every sheet on the page */

  function act(button) {
    var bar = button.closest("[data-werkblad-knoppen]"), all = bar.dataset.werkbladKnoppen === "pagina";
    var mine = all ? sheets : sheets.filter(function (s) { return s.form === button.closest("form.werkblad"); });
    var action = button.dataset.werkbladActie;
    if (action === "afdrukken" || action === "leeg-afdrukken") {
      blankNext = action === "leeg-afdrukken";
      window.print();
    } else if (action === "wissen") {
      var total = 0;
      mine.forEach(function (s) { total += s.record.entries().length; });
      if (!total) { mine.forEach(function (s) { say(s.form, B.text("wissen_niets"), false); }); return; }
      if (!window.confirm(B.text(all ? "wissen_vraag_alle" : "wissen_vraag", { n: total }))) return;
      mine.forEach(function (s) {
        var change = {};
        s.record.entries().forEach(function (entry) { change[entry.key] = [null, entry.q]; });
        s.record.set(change);
        fill(s.form, s.record);
        tally(s.form);
        orphans(s.form, s.record);
        growAll(s.form);
        if (s.record.problem) report(s.form, s.record); else say(s.form, B.text("gewist"), false);
      });
    }
  }

  function setup(form) {
    if (form.dataset.werkbladKlaar) return;
    form.dataset.werkbladKlaar = "1";
    form.classList.add("werkblad--js");
    var record = B.open(form.dataset.werkblad);
    sheets.push({ form: form, record: record });
    wrapCells(form);
    migrate(form, record);
    moveOld(form, record);
    fill(form, record);
    tally(form);
    orphans(form, record);
    growAll(form);
    function keep(event) {
      var control = event.target.closest("[data-sleutel]");
      if (!control) return;
      B.keepAnswer(record, control, form, questionOf(control));
      report(form, record);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) { tally(form); keep(event); grow(event.target); });
    /* a text field fires 'change' when it loses focus, after its 'input' events were saved: saving it again
       would date the same text later and overwrite a newer answer from another tab */
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox" || event.target.type === "radio") { tally(form); keep(event); }
    });
    form.addEventListener("click", function (event) {
      var plus = event.target.closest("[data-turf-erbij]");
      if (!plus) return;
      var field = document.getElementById(plus.dataset.turfErbij);
      field.value = count(field) + 1;
      tally(form);
      keep({ target: field });
    });
    record.onChange(function (keys) { fill(form, record, keys); tally(form); orphans(form, record); growAll(form); });
    /* after the teacher leaves a field (focus has moved on), show what another tab changed meanwhile */
    form.addEventListener("focusout", function () {
      setTimeout(function () { record.refresh(); fill(form, record, Object.keys(record.data.velden)); growAll(form); }, 0);
    });
  }

  function init() {
    each(document.querySelectorAll("form.werkblad"), setup);
    each(document.querySelectorAll("[data-werkblad-knoppen][hidden]"), function (bar) {
      bar.hidden = false;
      bar.addEventListener("click", function (event) {
        var b = event.target.closest("[data-werkblad-actie]");
        if (b) act(b);
      });
      var all = bar.dataset.werkbladKnoppen === "pagina", own = bar.closest("form.werkblad");
      B.fileButtons(bar, {
        names: function () { return all ? null : [B.open(own.dataset.werkblad).name]; },
        say: function (message, alarm) { if (own || sheets[0]) say(own || sheets[0].form, message, alarm); },
        restored: function () {   /* a file of the previous version may hold old keys */
          sheets.forEach(function (s) {
            moveOld(s.form, s.record); fill(s.form, s.record); tally(s.form); orphans(s.form, s.record); growAll(s.form);
          });
        },
        question: function (name, key) {   /* the consent question names our question, not the file's */
          var sheet = sheets.filter(function (s) { return s.record.name === name; })[0];
          var now = sheet && (movedKey(key, movedOf(sheet.form)) || key);
          var control = sheet && sheet.form.querySelector('[data-sleutel="' + CSS.escape(now) + '"]');
          return control ? questionOf(control) : "";
        }
      });
    });
    sheets.forEach(function (s) {
      if (!B.available()) report(s.form, { problem: "geblokkeerd" });
      else if (B.notice(s.record)) say(s.form, B.notice(s.record), true);
      else say(s.form, B.text("privacy"), false);
    });
    B.privateWindow(function (likely) {
      if (likely) sheets.forEach(function (s) { say(s.form, B.text("prive"), true); });
    });
    each(document.querySelectorAll("[data-werkblad-adres]"), function (line) {
      try {
        line.textContent = new URL(line.dataset.werkbladAdres, location.href).href.split("#")[0];
      } catch (error) { /* keep the relative address */ }
    });
  }

  if (browser) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module === "object") module.exports = { v1Changes: v1Changes, ratio: ratio, count: count, fitHeight: fitHeight,
                                                   movedKey: movedKey, moveChanges: moveChanges, movedOf: movedOf };
})();
