/* The team view's part of teamscan.js (README "Teamscan"): showing what the chosen files hold.
 *
 * teamscan.js loads it beside itself with the first chosen file (as bewaren.js loads bewaren-bestand.js), so
 * the scan and a view without files do not carry it (the first-load budget, tests/site/test_budgets.py).
 * Rounds and counts are worked out in teamscan.js; what is made of them (a round's name from its dates, the
 * comparison as shares, what stands out, the CSV) is at the top of this file, and runs in Node too (tests/js);
 * below it is put on the page: the file list with who and when and a button to remove each, the
 * rounds by their dates, the table of the latest round with its bars and when a row stands out, the comparison
 * of the latest two rounds (shares of each round's colleagues), the top three, the CSV download (a Blob, nothing sent) and "Maak ons plan", which writes the top
 * three into the plan's record (bewaren.js) and opens the plan.
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var L = browser ? window.LeidraadTeamscan : require("./teamscan.js");
  var Taal = browser ? window.LeidraadTaal : require("./taal.js");
  if (!L || !Taal) return;
  var t = L.t, each = L.each, LEVELS = L.LEVELS;

  /* --- what is made of the rounds (runs in Node too: tests/js/teamscan.test.js) ----------------------- */

  /** A share of a round in whole percents (0 when the round is empty). */
  function percent(n, total) { return total ? Math.round(100 * n / total) : 0; }

  /** A count as a share of its round, in words: "3 van 8 (38%)". */
  function share(n, total) { return t("deel", { n: n, totaal: total, procent: percent(n, total) }); }

  /** Two rounds side by side per sub-recommendation: {key, index, voor, na} with the counts of each (rows of
      countAll); compareCell shows them as shares of each round's colleagues. */
  function compare(before, after) {
    return after.map(function (row, i) { return { key: row.key, index: row.index, voor: before[i].counts, na: row.counts }; });
  }

  /** A cell of the comparison as its two shares, before and after: ["3 van 8 (38%)", "3 van 5 (60%)"]; the page
      writes them with an arrow between ("3 van 8 (38%) → 3 van 5 (60%)"), each share kept on one line. */
  function compareCell(row, k, totals) {
    return [share(row.voor[k], totals.voor), share(row.na[k], totals.na)];
  }

  /** How many colleagues a row needs to stand out, in a round of total: at least two, and at least a third
      (with three people one answer is a third, and one person is not a pattern); Infinity below two people. */
  function flagMinimum(total) { return total < 2 ? Infinity : Math.max(2, Math.ceil(total / 3)); }

  /** What stands out in a row of total scans: enough colleagues (flagMinimum) answered "nooit" or "soms"
      (weinig), or want to work on it (werken). */
  function flags(counts, total) {
    var least = flagMinimum(total);
    return { weinig: counts.nooit + counts.soms >= least, werken: counts.werken >= least };
  }

  /** The sentence under the table that says when a row stands out, for a round of total colleagues. */
  function flagRule(total) {
    return total < 2 ? t("signaal_te_klein") : t("signaal_regel", { k: flagMinimum(total), n: total });
  }

  /** A date or a span of dates, short, in the page's language: "2 mrt 2027", "3–14 okt 2026",
      "28 sep – 9 okt 2026" (Intl's range format, which both Chromium and Node have). */
  function dateSpan(from, to, lang) {
    var style = { day: "numeric", month: "short", year: "numeric" };
    var format = new Intl.DateTimeFormat(lang || "nl", style), a = new Date(from), b = new Date(to);
    if (format.format(a) === format.format(b)) return format.format(a);
    return format.formatRange(a, b).replace(/[\u2009\u202f]/g, " ");   /* ICU's thin spaces: plain ones in a CSV */
  }

  /** A round's name: its dates, "ronde van 3–14 okt 2026". It does not change when other rounds are added or
      left out (a number would: March alone was "round 1", with October "round 2"). */
  function roundName(round, lang) { return t("ronde", { datum: dateSpan(round.van, round.tot, lang) }); }

  /** The text with its first letter as a capital (a round's name at the start of a line). */
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /** A date as YYYY-MM-DD (UTC): in the CSV and the file's name. */
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;   /* never a formula in a spreadsheet */
    return /[;"\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** The team view as CSV for Dutch Excel: a byte-order mark (UTF-8), ";" between cells, CRLF between lines.
      One row per sub-recommendation (subs: [{nummer, titel}]): its number, title, and per round the number of
      colleagues, then per answer and for who want to work on it the count and its share in whole percents (so
      rounds of different sizes compare). rounds: [{label, total, rows}] (rows of countAll); labels: column
      words (nummer, titel, each level, werken, collegas, procent with {kolom}). */
  function csv(subs, rounds, labels) {
    var head = [labels.nummer, labels.titel], kinds = LEVELS.concat("werken");
    rounds.forEach(function (round) {
      head.push(round.label + ": " + labels.collegas);
      kinds.forEach(function (k) {
        head.push(round.label + ": " + labels[k], round.label + ": " + Taal.format(labels.procent, { kolom: labels[k] }));
      });
    });
    var lines = [head];
    subs.forEach(function (sub, i) {
      var line = [sub.nummer, sub.titel];
      rounds.forEach(function (round) {
        line.push(round.total);
        kinds.forEach(function (k) { line.push(round.rows[i].counts[k], percent(round.rows[i].counts[k], round.total)); });
      });
      lines.push(line);
    });
    return "\uFEFF" + lines.map(function (line) { return line.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }

  /** The rows that tie with the third of the top three (rows of countAll, top from topThree) on how many want to
      work on them, in guideline order, when one of them is left out of the top three: the team chooses then. */
  function tiesAtCut(rows, top) {
    if (top.length < 3) return [];
    var n = top[2].counts.werken;
    var tied = rows.filter(function (r) { return r.counts.werken === n; });
    return tied.length > top.filter(function (r) { return r.counts.werken === n; }).length ? tied : [];
  }

  var logic = { tiesAtCut: tiesAtCut, compare: compare, compareCell: compareCell, share: share, flags: flags, flagMinimum: flagMinimum,
                flagRule: flagRule, dateSpan: dateSpan, roundName: roundName, capital: capital, csv: csv, isoDay: isoDay };
  if (typeof module === "object") module.exports = logic;
  if (!browser) return;

  /* --- on the page ------------------------------------------------------------------------------------ */

  var B = window.LeidraadBewaren;
  if (!B) return;
  var SVG = "http://www.w3.org/2000/svg";
  Object.keys(logic).forEach(function (name) { L[name] = logic[name]; });   /* L.roundName … below */

  /** Every file's text, or the reason it could not be read: [{file, text} | {file, error}]. */
  function readAll(files) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return new Promise(function (resolve) {
        B.readFile(file, function (result) { result.file = file; resolve(result); });
      });
    }));
  }

  function list(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " " + t("en") + " " + items[items.length - 1];
  }

  /** A file's name, bold and isolated (a file name can hold direction controls too). */
  function fileName(name) {
    var strong = element("strong");
    strong.appendChild(element("bdi", name));
    return strong;
  }

  /** Put a text with names into an element, each name in its own <bdi>: a name written right to left (or one
      that still turns direction) cannot reorder the words and names around it. */
  function withNames(node, text, names) {
    var PLACE = "\u0000", parts = text.split(PLACE);
    node.textContent = "";
    parts.forEach(function (part, i) {
      node.append(part);
      if (i < names.length) node.appendChild(element("bdi", names[i]));
    });
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
    return new Date(ms).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
  }

  function colleagues(n) { return t("collegas", { n: n }); }

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
    var state = this.state = L.sortRounds(this.results, subs);
    var rounds = state.rounds, last = rounds[rounds.length - 1], before = rounds[rounds.length - 2];
    var scans = last ? last.scans : [], total = scans.length;
    state.rows = rounds.map(function (round) { return L.countAll(round.scans, subs); });

    var files = 0, named = [], unnamed = 0;
    rounds.forEach(function (round) {
      round.scans.forEach(function (scan) {
        files += 1;
        if (!scan.naam) unnamed += 1; else if (named.indexOf(scan.naam) < 0) named.push(scan.naam);
      });
    });
    var places = named.map(function () { return "\u0000"; });
    if (unnamed) places.push(t("anoniem", { n: unnamed }));
    var status = t(files ? "gelezen" : "gelezen_0", { n: files });
    withNames(root.querySelector("[data-teamoverzicht-status]"),
              files ? status + " " + t("namen", { namen: list(places) }) : status, named);

    this.showFiles(rounds, state.refused);
    var roundsLine = root.querySelector("[data-teamoverzicht-rondes]");
    roundsLine.textContent = rounds.map(function (round) {
      return L.capital(t("ronde_regel", { ronde: L.roundName(round, lang), collegas: colleagues(round.scans.length) }));
    }).join(" ");

    var shown = root.querySelector("[data-teamoverzicht-getoond]");
    shown.textContent = last ? t("tabel_ronde", { ronde: L.roundName(last, lang), collegas: colleagues(total) }) : "";
    root.querySelector("[data-teamoverzicht-regel]").textContent = last ? L.flagRule(total) : "";
    var rowElements = root.querySelectorAll("tr[data-sub]"), rows = last ? state.rows[rounds.length - 1] : L.countAll([], subs);
    rows.forEach(function (r) {
      var row = rowElements[r.index], flag = L.flags(r.counts, total), cell = row.querySelector("[data-signaal]");
      each(row.querySelectorAll("[data-n]"), function (c) { c.textContent = String(r.counts[c.dataset.n]); });
      drawBar(row.querySelector(".teamoverzicht-balk"), r.counts, total);
      cell.textContent = "";
      if (flag.weinig) cell.appendChild(element("span", t("signaal_weinig"), "teamoverzicht-signaal teamoverzicht-signaal--weinig"));
      if (flag.weinig && flag.werken) cell.appendChild(element("span", "; ", "visueel-verborgen"));
      if (flag.werken) cell.appendChild(element("span", t("signaal_werken"), "teamoverzicht-signaal teamoverzicht-signaal--werken"));
    });
    this.showTop(L.topThree(rows), total, rows);
    this.showComparison(before, last);
    root.querySelector("[data-teamoverzicht-uitslag]").hidden = total === 0;   /* shown, projection opens on it */
  };

  View.prototype.showFiles = function (rounds, refused) {
    var root = this.root, lang = this.lang, box = root.querySelector("[data-teamoverzicht-lijst]");
    var list = box.querySelector("ul");
    list.textContent = "";
    rounds.forEach(function (round) {
      round.items.forEach(function (item) {
        var li = element("li");
        var line = element("span");
        withNames(line, " " + t("bestand_regel", { naam: item.scan.naam ? "\u0000" : t("zonder_naam"),
          datum: longDate(item.datum, lang), ronde: L.roundName(round, lang) }) + " ", item.scan.naam ? [item.scan.naam] : []);
        li.append(fileName(item.name), line);
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
      li.append(fileName(item.name), ": " + item.error + " ");
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

  View.prototype.showTop = function (top, total, rows) {
    var root = this.root, topList = root.querySelector("[data-top-lijst]"), heads = root.querySelectorAll("tr[data-sub]");
    var tied = L.tiesAtCut(rows, top).map(function (r) { return subText(heads[r.index]).nummer; });
    var ties = root.querySelector("[data-top-gelijk]");
    ties.textContent = tied.length ? t("top_gelijk", { nummers: list(tied) }) : "";
    ties.hidden = !tied.length;
    each(topList.children, function (item) { item.hidden = true; });
    top.forEach(function (r) {
      var item = topList.querySelector('li[data-sub="' + r.key + '"]');
      item.querySelector("[data-top-aantal]").textContent =
        t(total === 1 ? "top_aantal_alleen" : "top_aantal", { n: r.counts.werken, totaal: total });
      item.hidden = false;
      topList.appendChild(item);  /* in order of the ranking */
    });
    this.top = top;
    var nobody = root.querySelector("[data-top-niemand]");
    nobody.textContent = t("top_niemand");
    nobody.hidden = top.length > 0;
    root.querySelector("[data-teamoverzicht-plan]").hidden = !top.length;
  };

  /** The latest two rounds compared: the head names both with their number of colleagues, a line says so when
      the numbers differ, and each cell compares shares ("3 van 8 (38%) → 3 van 5 (60%)"), not counts. */
  View.prototype.showComparison = function (before, after) {
    var root = this.root, box = root.querySelector("[data-teamoverzicht-vergelijking]"), lang = this.lang;
    box.hidden = !before;
    if (!before) return;
    var totals = { voor: before.scans.length, na: after.scans.length };
    function named(round) { return t("ronde_met_aantal", { ronde: L.roundName(round, lang), collegas: colleagues(round.scans.length) }); }
    box.querySelector("[data-vergelijking-kop]").textContent = L.capital(t("vergelijking_kop", { voor: named(before), na: named(after) }));
    var note = box.querySelector("[data-vergelijking-let-op]");
    note.textContent = totals.voor === totals.na ? "" : t("vergelijking_anders", { voor: colleagues(totals.voor), na: colleagues(totals.na) });
    note.hidden = totals.voor === totals.na;
    var rows = L.compare(L.countAll(before.scans, subsOf(root)), L.countAll(after.scans, subsOf(root)));
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
        var parts = L.compareCell(r, k, totals);
        cell.textContent = "";
        cell.append(element("span", parts[0], "teamoverzicht-deel"), " \u2192 ", element("span", parts[1], "teamoverzicht-deel"));
      });
    });
  };

  /** The CSV of every round, downloaded in the browser (nothing is sent). */
  View.prototype.download = function () {
    var root = this.root, state = this.state;
    if (!state || !state.rounds.length) return;
    var subs = Array.prototype.map.call(root.querySelectorAll("tr[data-sub]"), subText);
    var head = root.querySelectorAll(".teamoverzicht-tabel thead th");
    var labels = { nummer: t("csv_nummer"), collegas: t("csv_collegas"), procent: t("csv_procent") }, lang = this.lang;
    ["titel"].concat(LEVELS, "werken").forEach(function (k, i) { labels[k] = head[i].textContent; });
    var text = L.csv(subs, state.rounds.map(function (round, i) {
      return { label: L.capital(L.roundName(round, lang)), total: round.scans.length, rows: state.rows[i] };
    }), labels);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = t("csv_bestand", { datum: L.isoDay(Date.now()) });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  /** Write the top three into the plan's record ("Ons plan", bewaren.js), then open the plan. A slot that already
      holds a sub-recommendation keeps it, with everything the team wrote under it (a walk-through found goals left
      under the wrong heading when a slot's heading was replaced): the top three that are already in the plan stay
      where they are, new ones go into empty slots only, and when there is no empty slot left the page says so. */
  View.prototype.makePlan = function (button) {
    var top = this.top || [], record = B.open(button.dataset.planRecord), root = this.root;
    var keys = JSON.parse(button.dataset.planSleutels), questions = JSON.parse(button.dataset.planVragen);
    var line = root.querySelector("[data-plan-melding]");
    record.refresh();
    var present = keys.map(function (key) { var v = record.get(key); return v === undefined ? "" : String(v); });
    var values = top.map(function (r) {
      var sub = subText(root.querySelector('tr[data-sub="' + r.key + '"]'));
      return sub.nummer + " " + sub.titel;
    });
    var change = {}, free = keys.filter(function (key, i) { return !present[i].trim(); });
    var missing = values.filter(function (value) { return present.indexOf(value) < 0; });
    missing.slice(0, free.length).forEach(function (value, i) {
      change[free[i]] = [value, questions[keys.indexOf(free[i])]];
    });
    if (missing.length > free.length) {
      line.textContent = t("plan_vol", { niet: missing.slice(free.length).join("; ") });
      line.hidden = false;
      if (!Object.keys(change).length) return;
    }
    var problem = Object.keys(change).length ? record.set(change) : null;
    if (problem) { line.textContent = B.statusText(record); line.hidden = false; return; }
    if (missing.length > free.length) return;   /* the page says what did not fit; the team chooses */
    window.location.href = button.dataset.planHref;
  };

  window.LeidraadTeamoverzicht = { View: View, readAll: readAll };
})();
