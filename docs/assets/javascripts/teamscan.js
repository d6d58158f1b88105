/* The team scan and the team view (hooks/teamscan.py) in the browser.
 *
 * The scan: each teacher's answers are one record of bewaren.js, "teamscan:<language>:scan", fields by
 * their question's identity (vaak:1-3 = never/sometimes/often/always, werken:1-3 = wants to work on it,
 * naam). They stay in this browser; "Bewaar als bestand" writes the file a colleague hands in.
 *
 * The team view: the chosen files are read (FileReader), checked with LeidraadBewaren.check
 * (bewaren-bestand.js) and counted per sub-recommendation; nothing is sent or stored. A file without a team
 * scan of this page's questions, a damaged file, a file of another site or not JSON is named with the reason
 * and left out, and the others are counted. Files fall into rounds by the date they were made ("gemaakt"):
 * a file within GAP days of the round's latest file joins that round (a chain, so a late file stays with its
 * round). Within a round a copy (the same content) counts once and one name counts once, its newest file; the
 * same content or name in two rounds counts once in each; files without a name are merged only when their
 * content is the same (two colleagues may share a computer). Both records of a file
 * (nl and en) are merged field by field, newest first. That logic is here and runs in Node (tests/js); what is
 * made of the rounds (their names, the comparison, what stands out, the CSV) and putting it on the page is
 * teamscan-overzicht.js, loaded with the first chosen file. The words come from the page (<script id="teamscan-teksten">, hooks/teamscan.yml).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var LEVELS = ["nooit", "soms", "vaak", "altijd"];
  var SCAN = /^teamscan:(?:[a-z]{2}:)?scan$/;   /* v3 files name it without a language (bewaren-bestand.js) */
  var FIELD = /^(vaak|werken):(\d+-\d+)$/;
  var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;   /* direction controls: never in a name */
  var words = {};

  /** A word of the page, filled in; a count of one takes the singular ("<key>_1", LeidraadBewaren.text). */
  function t(key, values) { return B.text(key, values, words); }

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

  /** Whether a team scan's answer is one the scan cannot give (refused on import, bewaren-bestand.js): the
      scan writes the name as text, a level as the chosen radio button's value (LEVELS) and "werken" as the
      checkbox's tick (true, or false when unticked); any other field or value would be counted but not shown. */
  function unknownAnswer(key, value) {
    var field = FIELD.exec(key);
    if (key === "naam") return typeof value !== "string";
    if (!field) return true;
    return field[1] === "vaak" ? LEVELS.indexOf(value) < 0 : typeof value !== "boolean";
  }

  /** A teacher's name as the view shows and compares it: without direction controls (a right-to-left
      override would turn the names after it round), trimmed, at most 80 characters. */
  function cleanName(value) { return value.replace(BIDI, "").trim().slice(0, 80); }

  /* --- the team view ---------------------------------------------------------------------------- */

  var DAY = 24 * 60 * 60 * 1000;
  var GAP = 14;   /* a file made within this many days of a round's latest file belongs to that round */

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
      if (key === "naam" && typeof value === "string") scan.naam = cleanName(value);
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

  /** A name as it is compared: letter case and spaces aside ("" for no name). */
  function nameKey(name) { return name.toLowerCase().replace(/\s+/g, " ").trim(); }

  /** Whether two scans count as one in a round: the same content (a copy), or the same name that is not empty
      (a scan redone, in another browser too). Nameless scans with other content are two colleagues. */
  function sameScan(a, b) { return nameKey(a.naam) === nameKey(b.naam) && (a.naam !== "" || a.inhoud === b.inhoud); }

  /** When a file was made: its "gemaakt", else the time of its newest answer (0 when it has neither). */
  function dateOf(data, scan) {
    var made = typeof data.gemaakt === "string" ? Date.parse(data.gemaakt) : NaN;
    return isFinite(made) ? made : scan.nieuwst || 0;
  }

  /** One read file: {place, name, id, scan, datum} or {place, name, id, error}. */
  function readOne(result, place, subs) {
    var out = { place: place, name: result.file.name, id: result.id === undefined ? place : result.id };
    if (result.error) { out.error = result.error; return out; }
    var checked, scan = null;
    try {
      checked = B.check(result.text, result.file.size);
      scan = checked.error ? null : scanOf(checked.data, subs);
    } catch (error) {
      checked = { error: B.text("import_onleesbaar") };
    }
    if (!scan) { out.error = checked.error || t("geen_teamscan"); return out; }
    out.scan = scan;
    out.datum = dateOf(checked.data, scan);
    return out;
  }

  /** Which of two files of one teacher is newer: made later, then answered later, then chosen later. */
  function newer(a, b) { return (a.datum - b.datum) || (a.scan.nieuwst - b.scan.nieuwst) || (a.place - b.place); }

  /** One scan per teacher in a round's items: of one name's files the newest counts, a copy once; each file left
      out names the one that counts (a copy: "the same content as", or "already chosen" for the same file name).
      Returns {kept, refused: [{place, name, id, error}]}. */
  function settle(items) {
    var groups = [], refused = [];
    items.forEach(function (item) {
      var group = groups.filter(function (g) { return sameScan(g.kept.scan, item.scan); })[0];
      if (!group) groups.push({ kept: item, out: [] });
      else if (newer(item, group.kept) > 0 && item.scan.inhoud !== group.kept.scan.inhoud) {
        group.out.push(group.kept);
        group.kept = item;
      } else group.out.push(item);
    });
    groups.forEach(function (group) {
      var kept = group.kept;
      group.out.forEach(function (item) {
        var why = item.scan.inhoud !== kept.scan.inhoud ? t("zelfde_naam", { naam: item.scan.naam, ander: kept.name })
          : item.name === kept.name ? t("al_gekozen") : t("dubbel", { ander: kept.name });
        refused.push(refusal(item, why));
      });
    });
    return { kept: groups.map(function (g) { return g.kept; }), refused: refused };
  }

  function refusal(item, why) { return { place: item.place, name: item.name, id: item.id, error: why }; }

  function byPlace(a, b) { return a.place - b.place; }

  /** Files in rounds by date: sorted by when they were made, a file more than gap days after the latest file
      of the current round starts the next (so files a few days apart stay one round, however long the chain). items: [{datum}] -> [{van, tot, items}], oldest round first. */
  function groupRounds(items, gap) {
    var rounds = [], limit = (gap === undefined ? GAP : gap) * DAY;
    items.slice().sort(function (a, b) { return (a.datum - b.datum) || (a.place - b.place); }).forEach(function (item) {
      var round = rounds[rounds.length - 1];
      if (!round || item.datum - round.tot > limit) rounds.push(round = { van: item.datum, tot: item.datum, items: [] });
      round.items.push(item);
      round.tot = item.datum;
    });
    return rounds;
  }

  /** The files of a team in rounds: {rounds: [{nummer, van, tot, items, scans}], refused: [{name, id, error}]}.
      Within a round a copy counts once and a name once (its newest file); each round counts its own. */
  function sortRounds(results, subs, gap) {
    var read = results.map(function (result, place) { return readOne(result, place, subs); });
    var refused = read.filter(function (r) { return r.error; });
    var rounds = groupRounds(read.filter(function (r) { return !r.error; }), gap);
    rounds.forEach(function (round, index) {
      var settled = settle(round.items);
      refused = refused.concat(settled.refused);
      round.nummer = index + 1;
      round.items = settled.kept.sort(byPlace);
      round.scans = round.items.map(function (item) { return item.scan; });
    });
    return { rounds: rounds, refused: refused.sort(byPlace) };
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

  var self = browser && document.currentScript ? document.currentScript.src : "";
  var viewPart = null;

  /** callback(View) once the view's part (teamscan-overzicht.js, beside this script) is there: loaded with the
      first chosen file, like the file part of bewaren.js, so the scan and an empty view do not carry it. */
  function withView(callback) {
    if (window.LeidraadTeamoverzicht) return callback(window.LeidraadTeamoverzicht);
    if (!viewPart) {
      viewPart = [];
      var script = document.createElement("script");
      script.src = self.replace(/teamscan(\.min)?\.js([?#].*)?$/, "teamscan-overzicht$1.js");
      script.onload = function () { viewPart.forEach(function (waiting) { waiting(window.LeidraadTeamoverzicht); }); };
      document.head.appendChild(script);
    }
    viewPart.push(callback);
  }

  function setupOverview(root) {
    var picker = root.querySelector("[data-teamoverzicht-kies]");
    var input = root.querySelector("[data-teamoverzicht-bestanden]");
    var view = null;
    picker.hidden = false;
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = "";     /* the same file can be chosen again (and is then named as a copy) */
      if (!files.length) return;
      B.withFiles(function () {   /* reading and checking files: bewaren-bestand.js */
        withView(function (V) {
          view = view || new V.View(root);
          V.readAll(files).then(function (results) { view.add(results); });
        });
      });
    });
    root.addEventListener("click", function (event) {
      var remove = event.target.closest("[data-verwijder]"), plan = event.target.closest("[data-teamoverzicht-plan]");
      if (!view) return;
      if (remove) {
        view.remove(Number(remove.dataset.verwijder));
        input.focus();
      } else if (event.target.closest("[data-teamoverzicht-afdrukken]")) window.print();
      else if (event.target.closest("[data-teamoverzicht-csv]")) view.download();
      else if (plan) view.makePlan(plan);
    });
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
    B.rule("teamscan", unknownAnswer);
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  var logic = { scanOf: scanOf, sortRounds: sortRounds, countAll: countAll, topThree: topThree, t: t, each: each,
                LEVELS: LEVELS };
  if (browser) window.LeidraadTeamscan = logic;
  if (typeof module === "object") {
    module.exports = { scanOf: scanOf, sameScan: sameScan, unknownAnswer: unknownAnswer, countAll: countAll, topThree: topThree,
                       groupRounds: groupRounds, sortRounds: sortRounds, t: t, each: each, LEVELS: LEVELS,
                       GAP: GAP, useWords: function (table) { words = table || {}; } };
  }
})();
