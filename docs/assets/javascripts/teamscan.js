/* The team scan and the team view (hooks/teamscan.py) in the browser.
 *
 * The scan: each teacher's answers are one record of bewaren.js, "teamscan:<language>:scan", fields by
 * their question's identity (vaak:1-3 = never/sometimes/often/always, werken:1-3 = wants to work on it,
 * naam). They stay in this browser; "Bewaar als bestand" writes the file a colleague hands in.
 *
 * The team view: the files chosen at once are read here (FileReader), checked with LeidraadBewaren.check
 * (bewaren-bestand.js) and counted per sub-recommendation; nothing is sent or stored. A file without a team scan of this page's
 * questions, a damaged file, a file of another site or not JSON is named with the reason and left out, and
 * the others are counted. One teacher's scan saved twice counts once, recognised by its content (the same
 * answers, or answers with the same times: the same record saved again), not by the file's bytes; of two
 * versions the newest counts. Both records of a file (nl and en) are merged field by field, newest first.
 * The words come from the page (<script id="teamscan-teksten">, hooks/teamscan.yml); the counting also
 * runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var LEVELS = ["nooit", "soms", "vaak", "altijd"];
  var SCAN = /^teamscan:(?:[a-z]{2}:)?scan$/;   /* v3 files name it without a language (bewaren-bestand.js) */
  var FIELD = /^(vaak|werken):(\d+-\d+)$/;
  var SVG = "http://www.w3.org/2000/svg";
  var words = {};

  function t(key, values) { return B.format(words[key] || key, values); }

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

  if (browser) window.addEventListener("afterprint", function () {
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
    if (!B.available()) { record.problem = "geblokkeerd"; report(); }
    else if (B.notice(record)) say(B.notice(record), true);
    else say(B.text("privacy"), false);
    B.privateWindow(function (likely) { if (likely) say(B.text("prive"), true); });
  }

  /* --- the team view ---------------------------------------------------------------------------- */

  /** Every file's text, or the reason it could not be read: [{file, text} | {file, error}]. */
  function readAll(files) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return new Promise(function (resolve) {
        B.readFile(file, function (result) { result.file = file; resolve(result); });
      });
    }));
  }

  /** The team scan in a checked file ({naam, vaak: {1-3: level}, werken: {1-3: true}, stamps, inhoud,
      nieuwst}), or null when it answers none of the sub-recommendations in subs (all when subs is null). */
  function scanOf(data, subs) {
    var merged = null;
    Object.keys(data.gegevens).forEach(function (name) {
      if (SCAN.test(name)) merged = B.merge(merged, data.gegevens[name]);
    });
    if (!merged) return null;
    var scan = { naam: "", vaak: {}, werken: {}, stamps: [], inhoud: "", nieuwst: 0 }, answered = false, content = [];
    Object.keys(merged.velden).sort().forEach(function (key) {
      var entry = merged.velden[key], value = entry.v, field = FIELD.exec(key);
      var known = field && (!subs || subs.indexOf(field[2]) >= 0);
      if (key === "naam" && typeof value === "string") scan.naam = value.trim().slice(0, 80);
      else if (known && field[1] === "vaak" && LEVELS.indexOf(value) >= 0) { scan.vaak[field[2]] = value; answered = true; }
      else if (known && field[1] === "werken" && value === true) { scan.werken[field[2]] = true; answered = true; }
      else return;
      var stamp = typeof entry.t === "number" ? entry.t : 0;
      if (stamp) scan.stamps.push(key + "@" + stamp);
      scan.nieuwst = Math.max(scan.nieuwst, stamp);
      content.push([key, value, stamp]);
    });
    scan.inhoud = JSON.stringify(content);
    return answered ? scan : null;
  }

  /** Whether two scans are one teacher's: the same content, or an answer saved at the same moment (the same
      record, saved again later). */
  function sameScan(a, b) {
    return a.inhoud === b.inhoud || a.stamps.some(function (stamp) { return b.stamps.indexOf(stamp) >= 0; });
  }

  /** Sort the results into scans and refused files (with why): one scan per teacher, the newest version.
      One file that cannot be used never stops the others. */
  function sortOut(results, subs) {
    var kept = [], refused = [];
    results.forEach(function (result) {
      var name = result.file.name, scan = null, checked = {};
      if (result.error) { refused.push([name, result.error]); return; }
      try {
        checked = B.check(result.text, result.file.size);
        scan = checked.error ? null : scanOf(checked.data, subs);
      } catch (error) {
        checked = { error: B.text("import_onleesbaar") };
      }
      if (!scan) { refused.push([name, checked.error || t("geen_teamscan")]); return; }
      var same = kept.filter(function (k) { return sameScan(k.scan, scan); })[0];
      if (!same) { kept.push({ scan: scan, name: name }); return; }
      if (scan.inhoud === same.scan.inhoud) refused.push([name, t("dubbel", { ander: same.name })]);
      else if (scan.nieuwst > same.scan.nieuwst) {
        refused.push([same.name, t("ouder", { ander: name })]);
        same.scan = scan;
        same.name = name;
      } else refused.push([name, t("ouder", { ander: same.name })]);
    });
    return { scans: kept.map(function (k) { return k.scan; }), refused: refused };
  }

  /** Per sub-recommendation: how many scans chose each level, and how many want to work on it. */
  function countAll(scans, subs) {
    return subs.map(function (key, index) {
      var counts = { werken: 0 };
      LEVELS.forEach(function (level) { counts[level] = 0; });
      scans.forEach(function (scan) {
        if (scan.vaak[key]) counts[scan.vaak[key]] += 1;
        if (scan.werken[key]) counts.werken += 1;
      });
      return { key: key, index: index, counts: counts };
    });
  }

  /** The three most wanted: on a tie, the one practised least often (often + always), then guideline order. */
  function topThree(rows) {
    return rows.filter(function (r) { return r.counts.werken > 0; }).sort(function (a, b) {
      return (b.counts.werken - a.counts.werken) ||
        ((a.counts.vaak + a.counts.altijd) - (b.counts.vaak + b.counts.altijd)) || (a.index - b.index);
    }).slice(0, 3);
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

    var rowElements = root.querySelectorAll("tr[data-sub]"), rows = countAll(scans, subsOf(root));
    rows.forEach(function (r) {
      var row = rowElements[r.index];
      each(row.querySelectorAll("[data-n]"), function (cell) { cell.textContent = String(r.counts[cell.dataset.n]); });
      drawBar(row.querySelector(".teamoverzicht-balk"), r.counts, total);
    });
    var top = topThree(rows);
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

  function subsOf(root) {
    return Array.prototype.map.call(root.querySelectorAll("tr[data-sub]"), function (row) { return row.dataset.sub; });
  }

  function setupOverview(root) {
    var picker = root.querySelector("[data-teamoverzicht-kies]");
    var input = root.querySelector("[data-teamoverzicht-bestanden]");
    picker.hidden = false;
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) return;
      B.withFiles(function () {   /* reading and checking files: bewaren-bestand.js */
        readAll(files).then(function (results) { showOverview(root, sortOut(results, subsOf(root))); });
      });
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

  if (browser) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module === "object") {
    module.exports = { scanOf: scanOf, sameScan: sameScan, sortOut: sortOut, countAll: countAll, topThree: topThree,
                       useWords: function (table) { words = table || {}; } };
  }
})();
