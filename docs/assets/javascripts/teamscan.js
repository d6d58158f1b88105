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
  var SCAN = /^teamscan:[a-z]{2}:scan$/;
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

  var DAY = 24 * 60 * 60 * 1000;
  var GAP = 14;   /* files made within this many days of a round's first file belong to that round */

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

  function sameContent(a, b) { return a.inhoud === b.inhoud; }

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

  /** One scan per teacher among items (same(a, b) says which are one teacher's): an identical file is named as
      a copy, of two versions the newest counts. Returns {kept, refused: [{place, name, id, error}]}. */
  function settle(items, same) {
    var kept = [], refused = [];
    items.forEach(function (item) {
      var twin = kept.filter(function (k) { return same(k.scan, item.scan); })[0];
      if (!twin) { kept.push(item); return; }
      if (item.scan.inhoud === twin.scan.inhoud) { refused.push(refusal(item, t("dubbel", { ander: twin.name }))); return; }
      if (item.scan.nieuwst > twin.scan.nieuwst) {
        refused.push(refusal(twin, t("ouder", { ander: item.name })));
        kept[kept.indexOf(twin)] = item;
      } else refused.push(refusal(item, t("ouder", { ander: twin.name })));
    });
    return { kept: kept, refused: refused };
  }

  function refusal(item, why) { return { place: item.place, name: item.name, id: item.id, error: why }; }

  function byPlace(a, b) { return a.place - b.place; }

  /** Sort the results into scans and refused files (with why): one scan per teacher, the newest version.
      One file that cannot be used never stops the others. */
  function sortOut(results, subs) {
    var read = results.map(function (result, place) { return readOne(result, place, subs); });
    var settled = settle(read.filter(function (r) { return !r.error; }), sameScan);
    return {
      scans: settled.kept.map(function (k) { return k.scan; }),
      refused: read.filter(function (r) { return r.error; }).concat(settled.refused).sort(byPlace)
        .map(function (r) { return [r.name, r.error]; })
    };
  }

  /** Files in rounds by date: sorted by when they were made, a file more than gap days after the first file of
      the current round starts the next. items: [{datum}] -> [{van, tot, items}], oldest round first. */
  function groupRounds(items, gap) {
    var rounds = [], limit = (gap === undefined ? GAP : gap) * DAY;
    items.slice().sort(function (a, b) { return (a.datum - b.datum) || (a.place - b.place); }).forEach(function (item) {
      var round = rounds[rounds.length - 1];
      if (!round || item.datum - round.van > limit) rounds.push(round = { van: item.datum, tot: item.datum, items: [] });
      round.items.push(item);
      round.tot = item.datum;
    });
    return rounds;
  }

  /** The files of a team in rounds: {rounds: [{nummer, van, tot, items, scans}], refused: [{name, id, error}]}.
      A copy of a file (the same content, whatever its date) counts once; within a round one teacher counts
      once (the newest version); the same teacher in two rounds counts once in each. */
  function sortRounds(results, subs, gap) {
    var read = results.map(function (result, place) { return readOne(result, place, subs); });
    var copies = settle(read.filter(function (r) { return !r.error; }), sameContent);
    var refused = read.filter(function (r) { return r.error; }).concat(copies.refused);
    var rounds = groupRounds(copies.kept, gap);
    rounds.forEach(function (round, index) {
      var settled = settle(round.items, sameScan);
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

  /** Two rounds side by side per sub-recommendation: {key, index, voor, na, verschil} (counts, after - before). */
  function compare(before, after) {
    return after.map(function (row, i) {
      var change = {};
      LEVELS.concat("werken").forEach(function (k) { change[k] = row.counts[k] - before[i].counts[k]; });
      return { key: row.key, index: row.index, voor: before[i].counts, na: row.counts, verschil: change };
    });
  }

  /** What stands out in a row of total scans: at least a third answered "nooit" or "soms" (weinig), at least a
      third want to work on it (werken). */
  function flags(counts, total) {
    var low = counts.nooit + counts.soms;
    return { weinig: total > 0 && low > 0 && 3 * low >= total,
             werken: total > 0 && counts.werken > 0 && 3 * counts.werken >= total };
  }

  /** The three most wanted: on a tie, the one practised least often (often + always), then guideline order. */
  function topThree(rows) {
    return rows.filter(function (r) { return r.counts.werken > 0; }).sort(function (a, b) {
      return (b.counts.werken - a.counts.werken) ||
        ((a.counts.vaak + a.counts.altijd) - (b.counts.vaak + b.counts.altijd)) || (a.index - b.index);
    }).slice(0, 3);
  }

  /** A date as YYYY-MM-DD (UTC): in the CSV and the file's name. */
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;   /* never a formula in a spreadsheet */
    return /[;"\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** The team view as CSV for Dutch Excel: a byte-order mark (UTF-8), ";" between cells, CRLF between lines.
      One row per sub-recommendation (subs: [{nummer, titel}]): its number, title, and per round the counts per
      answer and who want to work on it. rounds: [{label, rows}] (rows of countAll); labels: column words. */
  function csv(subs, rounds, labels) {
    var head = [labels.nummer, labels.titel];
    rounds.forEach(function (round) {
      LEVELS.forEach(function (level) { head.push(round.label + ": " + labels[level]); });
      head.push(round.label + ": " + labels.werken);
    });
    var lines = [head];
    subs.forEach(function (sub, i) {
      var line = [sub.nummer, sub.titel];
      rounds.forEach(function (round) {
        LEVELS.forEach(function (level) { line.push(round.rows[i].counts[level]); });
        line.push(round.rows[i].counts.werken);
      });
      lines.push(line);
    });
    return "\uFEFF" + lines.map(function (line) { return line.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
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

  /** One row's bar: the levels side by side (share of the files read), each with its own pattern or shade
      (told apart without colour), below it who wants to work on it. */
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

  /** A date in the page's language, e.g. "3 september 2026". */
  function longDate(ms, lang) {
    try { return new Date(ms).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" }); }
    catch (error) { return isoDay(ms); }
  }

  function roundDates(round, lang) {
    var from = longDate(round.van, lang), to = longDate(round.tot, lang);
    return from === to ? from : from + " – " + to;
  }

  function roundLabel(round) { return t("ronde", { n: round.nummer }); }

  /** A table row's number and title: {nummer: "1.3", titel: "Maak tijd …"}. */
  function subText(row) {
    var text = row.querySelector("th").textContent.trim(), space = text.indexOf(" ");
    return { nummer: text.slice(0, space), titel: text.slice(space + 1) };
  }

  function subsOf(root) {
    return Array.prototype.map.call(root.querySelectorAll("tr[data-sub]"), function (row) { return row.dataset.sub; });
  }

  function element(tag, text, name) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (name) node.className = name;
    return node;
  }

  /** The files chosen so far, and what was made of them: [{id, file, text | error}] -> the view. */
  function View(root) {
    this.root = root;
    this.lang = root.getAttribute("lang") || "nl";
    this.results = [];
    this.next = 1;
    this.state = null;
  }

  View.prototype.add = function (results) {
    var self = this;
    results.forEach(function (result) { result.id = self.next++; self.results.push(result); });
    this.show();
  };

  View.prototype.remove = function (id) {
    this.results = this.results.filter(function (result) { return result.id !== id; });
    this.show();
  };

  View.prototype.show = function () {
    var root = this.root, lang = this.lang, subs = subsOf(root);
    var state = this.state = sortRounds(this.results, subs);
    var rounds = state.rounds, last = rounds[rounds.length - 1], before = rounds[rounds.length - 2];
    var scans = last ? last.scans : [], total = scans.length;
    state.rows = rounds.map(function (round) { return countAll(round.scans, subs); });

    var files = 0, named = [], unnamed = 0;
    rounds.forEach(function (round) {
      round.scans.forEach(function (scan) {
        files += 1;
        if (!scan.naam) unnamed += 1; else if (named.indexOf(scan.naam) < 0) named.push(scan.naam);
      });
    });
    if (unnamed) named.push(t(unnamed === 1 ? "zonder_naam_1" : "zonder_naam_n", { n: unnamed }));
    var status = t(files === 1 ? "gelezen_1" : files ? "gelezen_n" : "gelezen_0", { n: files });
    root.querySelector("[data-teamoverzicht-status]").textContent = files ? status + " " + t("namen", { namen: list(named) }) : status;

    this.showFiles(rounds, state.refused);
    var roundsLine = root.querySelector("[data-teamoverzicht-rondes]");
    roundsLine.textContent = rounds.map(function (round) {
      return t(round.scans.length === 1 ? "ronde_regel_1" : "ronde_regel",
               { ronde: roundLabel(round), datum: roundDates(round, lang), n: round.scans.length });
    }).join(" ");

    var shown = root.querySelector("[data-teamoverzicht-getoond]");
    shown.textContent = last ? t("tabel_ronde", { ronde: roundLabel(last), datum: roundDates(last, lang), n: total }) : "";
    var rowElements = root.querySelectorAll("tr[data-sub]"), rows = last ? state.rows[rounds.length - 1] : countAll([], subs);
    rows.forEach(function (r) {
      var row = rowElements[r.index], flag = flags(r.counts, total), cell = row.querySelector("[data-signaal]");
      each(row.querySelectorAll("[data-n]"), function (c) { c.textContent = String(r.counts[c.dataset.n]); });
      drawBar(row.querySelector(".teamoverzicht-balk"), r.counts, total);
      cell.textContent = "";
      if (flag.weinig) cell.appendChild(element("span", t("signaal_weinig"), "teamoverzicht-signaal teamoverzicht-signaal--weinig"));
      if (flag.weinig && flag.werken) cell.appendChild(element("span", "; ", "visueel-verborgen"));
      if (flag.werken) cell.appendChild(element("span", t("signaal_werken"), "teamoverzicht-signaal teamoverzicht-signaal--werken"));
    });
    this.showTop(topThree(rows), total);
    this.showComparison(before, last);
    root.querySelector("[data-teamoverzicht-uitslag]").hidden = total === 0;
  };

  View.prototype.showFiles = function (rounds, refused) {
    var root = this.root, lang = this.lang, box = root.querySelector("[data-teamoverzicht-lijst]");
    var list = box.querySelector("ul");
    list.textContent = "";
    rounds.forEach(function (round) {
      round.items.forEach(function (item) {
        var li = element("li");
        li.append(element("strong", item.name), " " + t("bestand_regel", {
          naam: item.scan.naam || t("zonder_naam"), datum: longDate(item.datum, lang), ronde: roundLabel(round) }) + " ");
        li.appendChild(removeButton(item));
        list.appendChild(li);
      });
    });
    box.hidden = !list.children.length;
    var refusedBox = root.querySelector("[data-teamoverzicht-geweigerd]");
    var refusedList = refusedBox.querySelector("ul");
    refusedList.textContent = "";
    refused.forEach(function (item) {
      var li = element("li");
      li.append(element("strong", item.name), ": " + item.error + " ");
      li.appendChild(removeButton(item));
      refusedList.appendChild(li);
    });
    refusedBox.hidden = !refused.length;
  };

  function removeButton(item) {
    var button = element("button", t("verwijder"), "teamoverzicht-verwijder");
    button.type = "button";
    button.dataset.verwijder = String(item.id);
    button.setAttribute("aria-label", t("verwijder_bestand", { bestand: item.name }));
    return button;
  }

  View.prototype.showTop = function (top, total) {
    var root = this.root, topList = root.querySelector("[data-top-lijst]");
    each(topList.children, function (item) { item.hidden = true; });
    top.forEach(function (r) {
      var item = topList.querySelector('li[data-sub="' + r.key + '"]');
      item.querySelector("[data-top-aantal]").textContent =
        t(r.counts.werken === 1 ? "top_aantal_1" : "top_aantal", { n: r.counts.werken, totaal: total });
      item.hidden = false;
      topList.appendChild(item);  /* in order of the ranking */
    });
    this.top = top;
    var nobody = root.querySelector("[data-top-niemand]");
    nobody.textContent = t("top_niemand");
    nobody.hidden = top.length > 0;
    root.querySelector("[data-teamoverzicht-plan]").hidden = !top.length;
  };

  function signed(n) { return n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "0"; }

  View.prototype.showComparison = function (before, after) {
    var root = this.root, box = root.querySelector("[data-teamoverzicht-vergelijking]"), lang = this.lang;
    box.hidden = !before;
    if (!before) return;
    box.querySelector("[data-vergelijking-kop]").textContent = t("vergelijking_kop", {
      voor: roundLabel(before) + " (" + roundDates(before, lang) + ")", na: roundLabel(after) + " (" + roundDates(after, lang) + ")" });
    var rows = compare(countAll(before.scans, subsOf(root)), countAll(after.scans, subsOf(root)));
    var body = box.querySelector("[data-vergelijk-rijen]");
    if (!body.children.length) {
      each(root.querySelectorAll("tr[data-sub]"), function (row) {
        var tr = element("tr"), th = element("th", row.querySelector("th").textContent.trim());
        th.scope = "row";
        tr.dataset.vergelijk = row.dataset.sub;
        tr.appendChild(th);
        LEVELS.concat("werken").forEach(function (k) { var td = element("td"); td.dataset.v = k; tr.appendChild(td); });
        body.appendChild(tr);
      });
    }
    var elements = body.children;
    rows.forEach(function (r) {
      each(elements[r.index].querySelectorAll("[data-v]"), function (cell) {
        var k = cell.dataset.v;
        cell.textContent = r.voor[k] + " \u2192 " + r.na[k] + " (" + signed(r.verschil[k]) + ")";
        cell.classList.toggle("teamoverzicht-anders", r.verschil[k] !== 0);
      });
    });
  };

  /** The CSV of every round, downloaded in the browser (nothing is sent). */
  View.prototype.download = function () {
    var root = this.root, state = this.state;
    if (!state || !state.rounds.length) return;
    var subs = Array.prototype.map.call(root.querySelectorAll("tr[data-sub]"), subText);
    var head = root.querySelectorAll(".teamoverzicht-tabel thead th"), labels = { nummer: t("csv_nummer") };
    ["titel"].concat(LEVELS, "werken").forEach(function (k, i) { labels[k] = head[i].textContent; });
    var text = csv(subs, state.rounds.map(function (round, i) {
      return { label: roundLabel(round) + " " + isoDay(round.van), rows: state.rows[i] };
    }), labels);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = t("csv_bestand", { datum: isoDay(Date.now()) });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  /** Write the top three into the plan's record ("Ons plan", bewaren.js), asking before replacing what the
      team already wrote there, then open the plan. */
  View.prototype.makePlan = function (button) {
    var top = this.top || [], record = B.open(button.dataset.planRecord);
    var keys = JSON.parse(button.dataset.planSleutels), questions = JSON.parse(button.dataset.planVragen);
    var change = {}, replaced = [], root = this.root;
    record.refresh();
    top.forEach(function (r, i) {
      var sub = subText(root.querySelector('tr[data-sub="' + r.key + '"]')), value = sub.nummer + " " + sub.titel;
      var was = record.get(keys[i]);
      if (was !== undefined && was !== value) replaced.push(String(was));
      change[keys[i]] = [value, questions[i]];
    });
    if (replaced.length && !window.confirm(t("plan_vraag", { oud: replaced.join("; ") }))) return;
    var problem = record.set(change);
    var line = root.querySelector("[data-plan-melding]");
    if (problem) { line.textContent = B.statusText(record); line.hidden = false; return; }
    window.location.href = button.dataset.planHref;
  };

  function setupOverview(root) {
    var picker = root.querySelector("[data-teamoverzicht-kies]");
    var input = root.querySelector("[data-teamoverzicht-bestanden]");
    var view = new View(root);
    picker.hidden = false;
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = "";     /* the same file can be chosen again (and is then named as a copy) */
      if (!files.length) return;
      B.withFiles(function () {   /* reading and checking files: bewaren-bestand.js */
        readAll(files).then(function (results) { view.add(results); });
      });
    });
    root.addEventListener("click", function (event) {
      var remove = event.target.closest("[data-verwijder]");
      if (remove) {
        view.remove(Number(remove.dataset.verwijder));
        input.focus();
      } else if (event.target.closest("[data-teamoverzicht-afdrukken]")) window.print();
      else if (event.target.closest("[data-teamoverzicht-csv]")) view.download();
      else if (event.target.closest("[data-teamoverzicht-plan]")) view.makePlan(event.target.closest("[data-teamoverzicht-plan]"));
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
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module === "object") {
    module.exports = { scanOf: scanOf, sameScan: sameScan, sortOut: sortOut, countAll: countAll, topThree: topThree,
                       groupRounds: groupRounds, sortRounds: sortRounds, compare: compare, flags: flags, csv: csv,
                       GAP: GAP, useWords: function (table) { words = table || {}; } };
  }
})();
