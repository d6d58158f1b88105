/* The team scan and the team view (hooks/teamscan.py) in the browser.
 *
 * The scan: each teacher's answers are one record of bewaren.js, "teamscan:<language>:scan", fields by
 * their question's identity (vaak:1-3 = never/sometimes/often/always, werken:1-3 = wants to work on it,
 * naam). They stay in this browser; "Bewaar als bestand" writes the file a colleague hands in.
 *
 * The team view: the files chosen at once are read here (FileReader), checked with LeidraadBewaren.check,
 * and counted per sub-recommendation; nothing is sent or stored. A file without a team scan, a file of
 * another site or not JSON is named with the reason and left out; a file with the same content as one
 * already read counts once. Both records of a file (nl and en) are merged field by field, newest first.
 * The words come from the page (<script id="teamscan-teksten">, hooks/teamscan.yml).
 */
(function () {
  "use strict";

  var B = window.LeidraadBewaren;
  if (!B) return;
  var LEVELS = ["nooit", "soms", "vaak", "altijd"];
  var SCAN = /^teamscan:[a-z]{2}:scan$/;
  var FIELD = /^(vaak|werken):(\d+-\d+)$/;
  var SVG = "http://www.w3.org/2000/svg";
  var words = {};

  function t(key, values) {
    var template = words[key] || key;
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* --- the scan --------------------------------------------------------------------------------- */

  function questionOf(control) {
    var holder = control.type === "radio" ? control.closest("[data-vraag]") : control;
    return holder ? holder.dataset.vraag : "";
  }

  var fill = B.fill;   /* a form's controls: bewaren.js (valueOf, show, fill, keepAnswer) */

  /** The file name with the teacher's name in it, so a folder of colleagues' files stays readable. */
  function nameFile(form) {
    var save = form.querySelector("[data-bewaar]"), field = form.querySelector('[data-sleutel="naam"]');
    if (!save || !field) return;
    save.dataset.basis = save.dataset.basis || save.dataset.bestandsnaam;
    var slug = field.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 30);
    save.dataset.bestandsnaam = save.dataset.basis.replace("{datum}", slug ? slug + "-{datum}" : "{datum}");
  }

  var stash = null;

  function blankOut(form) {
    stash = [];
    each(form.querySelectorAll("[data-sleutel]"), function (control) {
      stash.push({ control: control, value: control.value, checked: control.checked });
      if (control.type === "text") control.value = ""; else control.checked = false;
    });
  }

  window.addEventListener("afterprint", function () {
    if (!stash) return;
    stash.forEach(function (kept) {
      if (kept.control.type === "text") kept.control.value = kept.value; else kept.control.checked = kept.checked;
    });
    stash = null;
  });

  function setupScan(form) {
    var record = B.open(form.dataset.teamscan);
    var bar = form.querySelector("[data-teamscan-knoppen]");

    function say(message, alarm) {
      var line = bar.querySelector(alarm ? "[data-teamscan-melding]" : "[data-teamscan-status]");
      if (alarm) line.hidden = !message;
      if (line.textContent !== message) line.textContent = message;
    }

    function report() {
      say(record.problem ? B.statusText(record) : "", true);
      say(record.problem ? "" : B.statusText(record), false);
    }

    function keep(event) {
      var control = event.target.closest("[data-sleutel]");
      if (!control) return;
      B.keepAnswer(record, control, form, questionOf(control));
      report();
      if (control.dataset.sleutel === "naam") nameFile(form);
    }

    fill(form, record);
    nameFile(form);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) { if (event.target.type === "text") keep(event); });
    form.addEventListener("change", function (event) { if (event.target.type !== "text" && event.target.type !== "file") keep(event); });
    record.onChange(function (keys) { fill(form, record, keys); nameFile(form); });
    form.addEventListener("focusout", function () {
      setTimeout(function () { record.refresh(); fill(form, record, Object.keys(record.data.velden)); }, 0);
    });

    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-teamscan-actie]");
      if (!button) return;
      var action = button.dataset.teamscanActie;
      if (action === "afdrukken" || action === "leeg-afdrukken") {
        if (action === "leeg-afdrukken") blankOut(form);
        window.print();
      } else if (action === "wissen") {
        var entries = record.entries();
        if (!entries.length) { say(B.text("wissen_niets"), false); return; }
        if (!window.confirm(t("wissen_vraag", { n: entries.length }))) return;
        var change = {};
        entries.forEach(function (entry) { change[entry.key] = [null, entry.q]; });
        record.set(change);
        fill(form, record);
        nameFile(form);
        if (record.problem) report(); else say(B.text("gewist"), false);
      }
    });
    B.fileButtons(bar, {
      names: function () { return [record.name]; },
      say: say,
      restored: function () { fill(form, record); nameFile(form); }
    });
    if (!B.available()) { record.problem = "geblokkeerd"; report(); } else say(B.text("privacy"), false);
    B.privateWindow(function (likely) { if (likely) say(B.text("prive"), true); });
  }

  /* --- the team view ---------------------------------------------------------------------------- */

  /** Every file's text, or the reason it could not be read: [{file, text} | {file, error}]. */
  function readAll(files) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      /* a file over bewaren.js's limit is refused before it is read */
      var tooLarge = B.check("", file.size).error;
      if (tooLarge === B.text("import_te_groot")) return Promise.resolve({ file: file, error: tooLarge });
      return new Promise(function (resolve) {
        var reader = new FileReader();
        reader.onload = function () { resolve({ file: file, text: String(reader.result) }); };
        reader.onerror = function () { resolve({ file: file, error: B.text("import_onleesbaar") }); };
        reader.readAsText(file);
      });
    }));
  }

  /** The team scan in a checked file ({naam, vaak: {1-3: level}, werken: {1-3: true}}), or null. */
  function scanOf(data) {
    var merged = null;
    Object.keys(data.gegevens).forEach(function (name) {
      if (SCAN.test(name)) merged = B.merge(merged, data.gegevens[name]);
    });
    if (!merged) return null;
    var scan = { naam: "", vaak: {}, werken: {} }, answered = false;
    Object.keys(merged.velden).forEach(function (key) {
      var value = merged.velden[key].v, field = FIELD.exec(key);
      if (key === "naam" && typeof value === "string") scan.naam = value.trim().slice(0, 80);
      if (field && field[1] === "vaak" && LEVELS.indexOf(value) >= 0) { scan.vaak[field[2]] = value; answered = true; }
      if (field && field[1] === "werken" && value === true) { scan.werken[field[2]] = true; answered = true; }
    });
    return answered ? scan : null;
  }

  /** Sort the results into scans and refused files (with why), each distinct content once. */
  function sortOut(results) {
    var seen = {}, scans = [], refused = [];
    results.forEach(function (result) {
      var name = result.file.name;
      if (result.error) { refused.push([name, result.error]); return; }
      if (Object.prototype.hasOwnProperty.call(seen, result.text)) {
        refused.push([name, t("dubbel", { ander: seen[result.text] })]);
        return;
      }
      var checked = B.check(result.text, result.file.size);
      var scan = checked.error ? null : scanOf(checked.data);
      if (!scan) { refused.push([name, checked.error || t("geen_teamscan")]); return; }
      seen[result.text] = name;
      scans.push(scan);
    });
    return { scans: scans, refused: refused };
  }

  function list(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " " + t("en") + " " + items[items.length - 1];
  }

  function rect(svg, x, y, width, height, name) {
    var r = document.createElementNS(SVG, "rect");
    [["x", x], ["y", y], ["width", width], ["height", height], ["class", name]].forEach(function (a) {
      r.setAttribute(a[0], typeof a[1] === "number" ? String(Math.round(a[1] * 100) / 100) : a[1]);
    });
    svg.appendChild(r);
  }

  /** One row's bar: the levels side by side (share of the files read), below it who wants to work on it. */
  function drawBar(cell, counts, total) {
    var svg = document.createElementNS(SVG, "svg"), x = 0;
    svg.setAttribute("viewBox", "0 0 100 14");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    LEVELS.forEach(function (level) {
      var width = total ? 100 * counts[level] / total : 0;
      if (width) rect(svg, x, 0, width, 9, "teamoverzicht-" + level);
      x += width;
    });
    rect(svg, 0, 0, 100, 9, "teamoverzicht-rand");
    if (counts.werken) rect(svg, 0, 11, 100 * counts.werken / total, 3, "teamoverzicht-werken");
    cell.textContent = "";
    cell.appendChild(svg);
  }

  function showOverview(root, sorted) {
    var scans = sorted.scans, total = scans.length;
    var named = scans.filter(function (s) { return s.naam; }).map(function (s) { return s.naam; });
    var unnamed = total - named.length;
    if (unnamed) named.push(t(unnamed === 1 ? "zonder_naam_1" : "zonder_naam_n", { n: unnamed }));
    var status = t(total === 1 ? "gelezen_1" : total ? "gelezen_n" : "gelezen_0", { n: total });
    root.querySelector("[data-teamoverzicht-status]").textContent = total ? status + " " + t("namen", { namen: list(named) }) : status;

    var refusedBox = root.querySelector("[data-teamoverzicht-geweigerd]");
    var refusedList = refusedBox.querySelector("ul");
    refusedList.textContent = "";
    sorted.refused.forEach(function (item) {
      var li = document.createElement("li"), strong = document.createElement("strong");
      strong.textContent = item[0];
      li.append(strong, ": " + item[1]);
      refusedList.appendChild(li);
    });
    refusedBox.hidden = !sorted.refused.length;

    var rows = [];
    each(root.querySelectorAll("tr[data-sub]"), function (row, index) {
      var key = row.dataset.sub, counts = { werken: 0 };
      LEVELS.forEach(function (level) { counts[level] = 0; });
      scans.forEach(function (scan) {
        if (scan.vaak[key]) counts[scan.vaak[key]] += 1;
        if (scan.werken[key]) counts.werken += 1;
      });
      each(row.querySelectorAll("[data-n]"), function (cell) { cell.textContent = String(counts[cell.dataset.n]); });
      drawBar(row.querySelector(".teamoverzicht-balk"), counts, total);
      rows.push({ key: key, index: index, counts: counts });
    });

    /* most wanted first; on a tie, the one practised least often (often + always), then guideline order */
    var top = rows.filter(function (r) { return r.counts.werken > 0; }).sort(function (a, b) {
      return (b.counts.werken - a.counts.werken) ||
        ((a.counts.vaak + a.counts.altijd) - (b.counts.vaak + b.counts.altijd)) || (a.index - b.index);
    }).slice(0, 3);
    var topList = root.querySelector("[data-top-lijst]");
    each(topList.children, function (item) { item.hidden = true; });
    top.forEach(function (r) {
      var item = topList.querySelector('li[data-sub="' + r.key + '"]');
      item.querySelector("[data-top-aantal]").textContent =
        t(r.counts.werken === 1 ? "top_aantal_1" : "top_aantal", { n: r.counts.werken, totaal: total });
      item.hidden = false;
      topList.appendChild(item);  /* in order of the ranking */
    });
    var nobody = root.querySelector("[data-top-niemand]");
    nobody.textContent = t("top_niemand");
    nobody.hidden = top.length > 0;
    root.querySelector("[data-teamoverzicht-uitslag]").hidden = total === 0;
  }

  function setupOverview(root) {
    var picker = root.querySelector("[data-teamoverzicht-kies]");
    var input = root.querySelector("[data-teamoverzicht-bestanden]");
    picker.hidden = false;
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) return;
      readAll(files).then(function (results) { showOverview(root, sortOut(results)); });
    });
    root.querySelector("[data-teamoverzicht-afdrukken]").addEventListener("click", function () { window.print(); });
  }

  function init() {
    var source = document.getElementById("teamscan-teksten");
    try { words = source ? JSON.parse(source.textContent) : {}; } catch (error) { words = {}; }
    each(document.querySelectorAll("form[data-teamscan]"), function (form) {
      if (form.dataset.teamscanKlaar) return;
      form.dataset.teamscanKlaar = "1";
      setupScan(form);
    });
    each(document.querySelectorAll("[data-teamoverzicht]"), function (root) {
      if (root.dataset.teamscanKlaar) return;
      root.dataset.teamscanKlaar = "1";
      setupOverview(root);
    });
  }

  window.LeidraadTeamscan = { scanOf: scanOf, sortOut: sortOut };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
