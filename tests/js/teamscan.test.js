/* teamscan.js: reading colleagues' files and counting them (issue 21 point 3 and 4: one bad file among
   good ones, the same teacher saved twice, a file of unknown keys). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, SELF_NAMING, file, reset } = require("./helpers.js");

const B = script("bewaren-bestand.js");   // bewaren.js with its file part
const T = script("teamscan.js");
const V = script("teamscan-overzicht.js");   // what the view makes of the rounds: names, shares, flags, CSV
const SUBS = ["1-1", "1-2", "1-3", "2-1", "5-3"];

test.beforeEach(() => {
  browserWith(new FakeStorage());
  reset(B);
  T.useWords(SELF_NAMING);
});

/** One colleague's file as the scan saves it: answers with the times they were given. */
function scanFile(velden, gemaakt = "2026-12-01T10:00:00Z") {
  return file({ "teamscan:nl:scan": { velden } }, { gemaakt });
}

const ANNA = { naam: { v: "Anna", t: 100 }, "vaak:1-1": { v: "vaak", t: 101 }, "werken:1-3": { v: true, t: 102 } };
const BEA = { naam: { v: "Bea", t: 200 }, "vaak:1-1": { v: "nooit", t: 201 }, "vaak:1-3": { v: "soms", t: 202 } };

function result(name, text) { return { file: { name, size: text.length }, text }; }

/** The files as one round (no date splits them): its scans, and the refused files as [name, why]. */
function sortOut(results, subs) {
  const sorted = T.sortRounds(results, subs, Infinity);
  return { scans: sorted.rounds.flatMap((r) => r.scans), refused: sorted.refused.map((r) => [r.name, r.error]) };
}

test("a file with a scan in both languages is one colleague, the newer answer first; unknown levels and other fields left out", () => {
  const scan = T.scanOf({ gegevens: {
    "teamscan:nl:scan": { velden: { "vaak:1-1": { v: "nooit", t: 1 }, naam: { v: " Sanne ", t: 1 } } },
    "teamscan:en:scan": { velden: { "vaak:1-1": { v: "altijd", t: 2 }, "werken:2-1": { v: true, t: 2 },
                                    "vaak:1-2": { v: "heel vaak", t: 2 }, "werken:1-3": { v: false, t: 2 },
                                    opmerking: { v: "x", t: 2 } } },
    "werkblad:nl:2x10-oefening": { velden: { "vaak:1-3": { v: "vaak", t: 3 } } } } }, SUBS);
  assert.deepEqual([scan.naam, scan.vaak, scan.werken], ["Sanne", { "1-1": "altijd" }, { "2-1": true }]);
});

test("a name alone, or answers only to questions this page does not ask, is no scan", () => {
  assert.equal(T.scanOf({ gegevens: { "teamscan:nl:scan": { velden: { naam: { v: "Koen", t: 1 } } } } }, SUBS), null);
  const unknown = { "vaak:99-99": { v: "vaak", t: 1 }, "werken:0-7": { v: true, t: 1 }, onbekend: { v: "soms", t: 1 } };
  assert.equal(T.scanOf({ gegevens: { "teamscan:nl:scan": { velden: unknown } } }, SUBS), null);
  const sorted = sortOut([result("raar.json", scanFile(unknown))], SUBS);
  assert.deepEqual([sorted.scans.length, sorted.refused[0][0]], [0, "raar.json"]);
  assert.match(sorted.refused[0][1], /^geen_teamscan/);
});

test('one file with "velden": null among good ones is named with the reason; the good ones are counted', () => {
  const sorted = sortOut([
    result("anna.json", scanFile(ANNA)),
    result("kapot.json", file({ "teamscan:nl:scan": { velden: null } })),
    result("bea.json", scanFile(BEA)),
    result("leeg.json", ""),
  ], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.naam), ["Anna", "Bea"]);
  assert.deepEqual(sorted.refused.map((r) => r[0]), ["kapot.json", "leeg.json"]);
  assert.match(sorted.refused[0][1], /reden_onderdeel\[.*<naam=teamscan:nl:scan>/);
  assert.match(sorted.refused[1][1], /^import_geen_json/);
});

test("the same scan saved twice (only 'gemaakt' differs) counts once, recognised by content", () => {
  const first = scanFile(ANNA, "2026-12-01T10:00:00Z");
  const again = scanFile(ANNA, "2026-12-02T09:30:00Z").replace(/\n?$/, "\n");
  assert.notEqual(first, again);
  const sorted = sortOut([result("anna.json", first), result("anna-2.json", again), result("bea.json", scanFile(BEA))], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.naam), ["Anna", "Bea"]);
  assert.deepEqual(sorted.refused, [["anna-2.json", "dubbel[<reden={reden}><naam={naam}><sleutel={sleutel}><n={n}><max={max}><versie={versie}><ander=anna.json><nieuw={nieuw}><anders={anders}><bestand={bestand}>]"]]);
});

test("a later save of the same scan with a changed answer replaces the earlier one, in whichever order they come", () => {
  const later = { ...ANNA, "vaak:1-1": { v: "altijd", t: 500 } };
  for (const order of [["oud", "nieuw"], ["nieuw", "oud"]]) {
    const files = { oud: result("anna-oud.json", scanFile(ANNA)), nieuw: result("anna-nieuw.json", scanFile(later)) };
    const sorted = sortOut(order.map((k) => files[k]), SUBS);
    assert.equal(sorted.scans.length, 1, order.join());
    assert.equal(sorted.scans[0].vaak["1-1"], "altijd", order.join());
    assert.deepEqual(sorted.refused.map((r) => r[0]), ["anna-oud.json"]);
    assert.match(sorted.refused[0][1], /^zelfde_naam\[.*<naam=Anna>.*<ander=anna-nieuw\.json>/);
  }
});

test("issue 23.3: the same name twice in a round (the scan redone in another browser) counts once, the newest file", () => {
  const redone = { naam: { v: " anna ", t: 900 }, "vaak:1-1": { v: "nooit", t: 901 } };
  for (const order of [[0, 1], [1, 0]]) {
    const files = [result("anna-laptop.json", scanFile(ANNA, "2026-10-05T10:00:00Z")),
                   result("anna-school.json", scanFile(redone, "2026-10-07T10:00:00Z"))];
    const sorted = sortOut(order.map((i) => files[i]), SUBS);
    assert.deepEqual(sorted.scans.map((s) => [s.naam, s.vaak["1-1"]]), [["anna", "nooit"]], order.join());
    assert.deepEqual(sorted.refused.map((r) => r[0]), ["anna-laptop.json"]);
    assert.match(sorted.refused[0][1], /^zelfde_naam\[.*<naam=Anna>.*<ander=anna-school\.json>/);
  }
  // the words say which file was left out for which newer one, in both languages
  const yml = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "hooks", "teamscan.yml"), "utf8");
  const block = yml.slice(yml.indexOf("  zelfde_naam:"));
  assert.match(block, /^ {4}nl: "Ook van \{naam\}, net als het nieuwere \{ander\}; per ronde telt alleen het nieuwste/m);
  assert.match(block, /^ {4}en: "Also by \{naam\}, like the newer \{ander\}; per round only a colleague's newest file counts/m);
});

test("issue 23.3: of three files of one name, each file left out names the one that counts, not one that gave way too", () => {
  const v = (day, level, t) => result(`bram-${day}.json`, scanFile({ naam: { v: "Bram", t: 1 }, "vaak:1-1": { v: level, t } }, `2026-10-${day}T10:00:00Z`));
  const sorted = sortOut([v("06", "soms", 10), v("07", "nooit", 15), v("08", "vaak", 20), v("06", "soms", 10)], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.vaak["1-1"]), ["vaak"]);
  assert.deepEqual(sorted.refused.map((r) => [r[0], r[1].replace(/\[.*<ander=([^>]*)>.*$/, " $1")]),
                   [["bram-06.json", "zelfde_naam bram-08.json"], ["bram-07.json", "zelfde_naam bram-08.json"],
                    ["bram-06.json", "zelfde_naam bram-08.json"]]);
});

test("issue 23.4: two colleagues without a name on one computer are two; nameless copies count once", () => {
  const first = { "vaak:1-1": { v: "vaak", t: 100 }, "werken:1-3": { v: true, t: 101 } };
  const second = { ...first, "vaak:1-1": { v: "nooit", t: 500 } };   /* the same record, answers changed */
  const sorted = sortOut([result("scan-a.json", scanFile(first)), result("scan-b.json", scanFile(second, "2026-12-01T11:00:00Z"))], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.vaak["1-1"]), ["vaak", "nooit"]);
  assert.deepEqual(sorted.refused, []);
  const copies = sortOut([result("scan-a.json", scanFile(first)), result("kopie.json", scanFile(first, "2026-12-02T10:00:00Z"))], SUBS);
  assert.equal(copies.scans.length, 1);
  assert.match(copies.refused[0][1], /^dubbel\[.*<ander=scan-a\.json>/);
});

test("issue 23.6: the same file chosen twice is 'already chosen', not 'the same content as' itself", () => {
  const sorted = sortOut([result("lotte.json", scanFile(ANNA)), result("lotte.json", scanFile(ANNA))], SUBS);
  assert.equal(sorted.scans.length, 1);
  assert.deepEqual(sorted.refused, [["lotte.json", "al_gekozen[<reden={reden}><naam={naam}><sleutel={sleutel}><n={n}><max={max}><versie={versie}><ander={ander}><nieuw={nieuw}><anders={anders}><bestand={bestand}>]"]]);
  const yml = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "hooks", "teamscan.yml"), "utf8");
  assert.match(yml, /^ {2}al_gekozen: \{nl: "Dit bestand is al gekozen; het telt één keer mee\.", en: "This file has already been chosen; it counts once\."\}$/m);
});

test("a file that could not be read is named with why", () => {
  const sorted = sortOut([{ file: { name: "weg.json", size: 1 }, error: "import_onleesbaar" }], SUBS);
  assert.deepEqual(sorted.refused, [["weg.json", "import_onleesbaar"]]);
});

test("counting: per sub-recommendation how many chose each level and how many want to work on it", () => {
  const scans = sortOut([result("a.json", scanFile(ANNA)), result("b.json", scanFile(BEA))], SUBS).scans;
  const rows = T.countAll(scans, SUBS);
  assert.deepEqual(rows[0], { key: "1-1", index: 0, counts: { werken: 0, nooit: 1, soms: 0, vaak: 1, altijd: 0 } });
  assert.deepEqual(rows[2].counts, { werken: 1, nooit: 0, soms: 1, vaak: 0, altijd: 0 });
  assert.deepEqual(T.countAll([], SUBS)[4].counts, { werken: 0, nooit: 0, soms: 0, vaak: 0, altijd: 0 });
});

test("the top three: most wanted first, on a tie the one practised least, then guideline order", () => {
  const row = (key, index, werken, vaak, altijd) => ({ key, index, counts: { werken, nooit: 0, soms: 0, vaak, altijd } });
  const rows = [row("1-1", 0, 2, 2, 0), row("1-2", 1, 2, 0, 0), row("1-3", 2, 3, 0, 0), row("2-1", 3, 2, 0, 0),
                row("5-3", 4, 0, 0, 0)];
  assert.deepEqual(T.topThree(rows).map((r) => r.key), ["1-3", "1-2", "2-1"]);
  assert.deepEqual(T.topThree([row("1-1", 0, 0, 1, 1)]), []);
});

test("issue 23.5: a tie at the top three's cut-off is named, in guideline order; none when the cut-off is clear", () => {
  const row = (index, werken) => ({ key: String(index), index, counts: { werken, nooit: 0, soms: 0, vaak: 0, altijd: 0 } });
  const rows = [row(0, 3), row(1, 2), row(2, 1), row(3, 2), row(4, 2)];
  const top = T.topThree(rows);
  assert.deepEqual(V.tiesAtCut(rows, top).map((r) => r.index), [1, 3, 4]);
  const clear = [row(0, 3), row(1, 2), row(2, 2), row(3, 1)];
  assert.deepEqual(V.tiesAtCut(clear, T.topThree(clear)), []);
  const few = [row(0, 1), row(1, 1)];
  assert.deepEqual(V.tiesAtCut(few, T.topThree(few)), [], "fewer than three: all are shown");
  const yml = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "hooks", "teamscan.yml"), "utf8");
  const block = yml.slice(yml.indexOf("  top_gelijk:"));
  const say = (lang) => B.text("top_gelijk", { nummers: "5.1 en 5.3" }, { top_gelijk: new RegExp(`^ {4}${lang}: "([^"]*)"`, "m").exec(block)[1] });
  assert.equal(say("nl"), "5.1 en 5.3 staan gelijk: evenveel collega's willen eraan werken. Kies samen welke jullie oppakken.");
  assert.match(say("en"), /^5\.1 en 5\.3 are tied: as many colleagues want to work on each/);
});

/* --- rounds, comparison, what stands out, CSV (issue 23 point 1) ------------------------------------- */

const CARLA = { naam: { v: "Carla", t: 300 }, "vaak:1-2": { v: "nooit", t: 301 }, "werken:1-2": { v: true, t: 302 } };
const SEPT = "2026-09-01T10:00:00Z", MARCH = "2027-03-02T09:00:00Z";

test("files are grouped in rounds by the date they were made: a file within 14 days of the round's latest file joins it", () => {
  const at = (day, place) => ({ datum: Date.parse(`2026-09-${String(day).padStart(2, "0")}T12:00:00Z`), place });
  const rounds = T.groupRounds([at(20, 0), at(1, 1), at(15, 2), at(30, 3), at(3, 4)]);
  assert.deepEqual(rounds.map((r) => r.items.map((i) => i.place)), [[1, 4, 2, 0, 3]]);
  assert.deepEqual(T.groupRounds([at(1, 0), at(16, 1)]).map((r) => r.items.length), [1, 1], "15 days apart: two rounds");
  assert.deepEqual(T.groupRounds([at(1, 0), at(15, 1)]).map((r) => r.items.length), [2], "14 days apart: one round");
  assert.equal(T.GAP, 14);
  assert.deepEqual(T.groupRounds([at(1, 0), at(16, 1)], 30).map((r) => r.items.length), [2]);
  assert.deepEqual(T.groupRounds([]), []);
});

test("issue 23.1: files of 5–14 Oct and one saved on 27 Oct are one round, not a round of 1 colleague", () => {
  const oct = (day) => `2026-10-${day}T10:00:00Z`;
  const sorted = T.sortRounds([result("anna.json", scanFile(ANNA, oct("05"))), result("bea.json", scanFile(BEA, oct("14"))),
                               result("carla.json", scanFile(CARLA, oct(27)))], SUBS);
  assert.deepEqual(sorted.rounds.map((r) => r.scans.length), [3]);
  assert.deepEqual([new Date(sorted.rounds[0].van).getUTCDate(), new Date(sorted.rounds[0].tot).getUTCDate()], [5, 27]);
  const words = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "docs", "teamoverzicht.md"), "utf8");
  const en = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "docs", "teamoverzicht.en.md"), "utf8");
  assert.match(words, /binnen twee weken na het laatste bestand van een ronde/);
  assert.match(en, /within two weeks of a round's latest file/);
});

test("issue 23.2: an unchanged scan in a later round is a scan of that round too, not a copy", () => {
  const sorted = T.sortRounds([result("lotte-oct.json", scanFile(ANNA, "2026-10-05T10:00:00Z")),
                               result("lotte-mrt.json", scanFile(ANNA, MARCH))], SUBS);
  assert.deepEqual(sorted.rounds.map((r) => r.scans.map((s) => s.naam)), [["Anna"], ["Anna"]]);
  assert.deepEqual(sorted.refused, []);
});

test("three teachers in two rounds: each round counts its own scans; the same teacher counts once per round", () => {
  // Anna saves again in March from the same browser: her unchanged name keeps its time, one answer changed.
  const annaLater = { ...ANNA, "vaak:1-1": { v: "altijd", t: 5000 } };
  const bLater = { ...BEA, "vaak:1-3": { v: "vaak", t: 5001 } };
  const results = [
    result("anna-sep.json", scanFile(ANNA, SEPT)), result("bea-sep.json", scanFile(BEA, "2026-09-03T08:00:00Z")),
    result("carla-sep.json", scanFile(CARLA, SEPT)), result("anna-mrt.json", scanFile(annaLater, MARCH)),
    result("bea-mrt.json", scanFile(bLater, MARCH)), result("carla-mrt.json", scanFile({ ...CARLA, "vaak:1-2": { v: "soms", t: 5002 } }, MARCH)),
  ];
  const sorted = T.sortRounds(results, SUBS);
  assert.deepEqual(sorted.refused, []);
  assert.deepEqual(sorted.rounds.map((r) => r.scans.map((s) => s.naam)), [["Anna", "Bea", "Carla"], ["Anna", "Bea", "Carla"]]);
  assert.deepEqual(sorted.rounds.map((r) => [r.nummer, new Date(r.van).toISOString().slice(0, 10), new Date(r.tot).toISOString().slice(0, 10)]),
                   [[1, "2026-09-01", "2026-09-03"], [2, "2027-03-02", "2027-03-02"]]);
  // the same March file twice, and Anna's September file again: each named, counted once
  const again = T.sortRounds([...results, result("anna-mrt-kopie.json", scanFile(annaLater, MARCH)),
                              result("anna-sep-kopie.json", scanFile(ANNA, SEPT))], SUBS);
  assert.deepEqual(again.rounds.map((r) => r.scans.length), [3, 3]);
  assert.deepEqual(again.refused.map((r) => r.name), ["anna-mrt-kopie.json", "anna-sep-kopie.json"]);
  assert.match(again.refused[0].error, /^dubbel\[.*<ander=anna-mrt\.json>/);
  // within one round, an earlier version of the same scan gives way to the later one
  const versions = T.sortRounds([result("anna-1.json", scanFile(ANNA, SEPT)),
                                 result("anna-2.json", scanFile({ ...ANNA, "vaak:1-1": { v: "nooit", t: 400 } }, "2026-09-02T10:00:00Z"))], SUBS);
  assert.deepEqual(versions.rounds.map((r) => r.scans.map((s) => s.vaak["1-1"])), [["nooit"]]);
  assert.match(versions.refused[0].error, /^zelfde_naam\[.*<ander=anna-2\.json>/);
});

test("a file without a valid 'gemaakt' is dated by its newest answer; a refused file keeps its place and id", () => {
  const undated = JSON.stringify({ formaat: "leidraad-leerkracht-leerlingrelaties", versie: 2, gemaakt: "gisteren",
                                   gegevens: { "teamscan:nl:scan": { velden: { "vaak:1-1": { v: "vaak", t: Date.parse(MARCH) } } } } });
  const sorted = T.sortRounds([{ ...result("oud.json", scanFile(BEA, SEPT)), id: 7 }, { ...result("kapot.json", "{"), id: 8 },
                               { ...result("los.json", undated), id: 9 }], SUBS);
  assert.equal(sorted.rounds.length, 2);
  assert.deepEqual(sorted.rounds[1].items.map((i) => [i.name, i.id]), [["los.json", 9]]);
  assert.deepEqual(sorted.refused.map((r) => [r.name, r.id]), [["kapot.json", 8]]);
});

test("two rounds compared per sub-recommendation: the counts before and after, shown as shares of each round", () => {
  T.useWords({ deel: "{n} van {totaal} ({procent}%)" });
  const round = (scans) => T.countAll(scans, SUBS);
  const before = round(sortOut([result("a.json", scanFile(ANNA)), result("b.json", scanFile(BEA))], SUBS).scans);
  const after = round(sortOut([result("a.json", scanFile({ ...ANNA, "vaak:1-1": { v: "altijd", t: 900 } }))], SUBS).scans);
  const rows = V.compare(before, after);
  assert.equal(rows.length, SUBS.length);
  assert.deepEqual(rows[0], { key: "1-1", index: 0, voor: { werken: 0, nooit: 1, soms: 0, vaak: 1, altijd: 0 },
                              na: { werken: 0, nooit: 0, soms: 0, vaak: 0, altijd: 1 } });
  assert.deepEqual(V.compareCell(rows[2], "werken", { voor: 2, na: 1 }), ["1 van 2 (50%)", "1 van 1 (100%)"]);
});

/* --- issue 23, after a school leader walked the cycle ------------------------------------------------ */

const WORDS_NL = {
  deel: "{n} van {totaal} ({procent}%)", ronde: "ronde van {datum}", collegas: "{n} collega's", collegas_1: "1 collega",
  signaal_regel: "Een rij valt op als minstens {k} van de {n} collega's nooit of soms kozen, of eraan willen werken.",
  signaal_te_klein: "Met één collega valt geen rij op.",
};

test("8 colleagues in October, 5 in March: the comparison shows shares, so 'nooit 4 → 3' reads as the rise it is", () => {
  T.useWords(WORDS_NL);
  const counts = (nooit, soms, vaak, altijd, werken) => [{ key: "1-1", index: 0, counts: { nooit, soms, vaak, altijd, werken } }];
  const [row] = V.compare(counts(4, 2, 2, 0, 3), counts(3, 1, 1, 0, 3));
  assert.deepEqual(V.compareCell(row, "nooit", { voor: 8, na: 5 }), ["4 van 8 (50%)", "3 van 5 (60%)"],
                   "a fall in the count (4 → 3) is a rise in the share");
  assert.deepEqual(V.compareCell(row, "werken", { voor: 8, na: 5 }), ["3 van 8 (38%)", "3 van 5 (60%)"]);
  assert.deepEqual(V.compareCell(V.compare(counts(0, 0, 0, 0, 0), counts(0, 0, 0, 0, 0))[0], "vaak",
                                 { voor: 0, na: 0 }), ["0 van 0 (0%)", "0 van 0 (0%)"]);
});

test("every count takes singular or plural by the one helper (LeidraadBewaren.text), in both languages", () => {
  const text = (table, key, values) => B.text(key, values, table);
  const yml = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "hooks", "teamscan.yml"), "utf8");
  const words = (lang) => Object.fromEntries([...yml.matchAll(/^ {2}(\w+): \{nl: "([^"]*)", en: "([^"]*)"\}$/gm)]
    .map((m) => [m[1], lang === "nl" ? m[2] : m[3]]));
  const nl = words("nl"), en = words("en");
  assert.equal(text(nl, "collegas", { n: 1 }), "1 collega");
  assert.equal(text(nl, "collegas", { n: 8 }), "8 collega's");
  assert.equal(text(nl, "collegas", { n: 0 }), "0 collega's");
  assert.equal(text(en, "collegas", { n: 1 }), "1 colleague");
  assert.equal(text(en, "collegas", { n: 5 }), "5 colleagues");
  assert.equal(text(nl, "gelezen", { n: 1 }), "1 bestand gelezen.");
  assert.equal(text(en, "gelezen", { n: 2 }), "2 files read.");
  assert.equal(text(nl, "anoniem", { n: 1 }), "1 zonder naam");
  assert.equal(text(nl, "top_aantal", { n: 1, totaal: 3 }), "1 van de 3 collega's wil hieraan werken.");
  assert.equal(text(en, "top_aantal", { n: 2, totaal: 3 }), "2 of the 3 colleagues want to work on this.");
  // every script text of the team view that counts with {n} has its singular twin
  const missing = Object.keys(nl).filter((key) => !key.endsWith("_1") && /\{n\}/.test(nl[key]) &&
    !/^(plan_deel|ronde)$/.test(key) && !("deel signaal_regel".split(" ").includes(key)) && !((key + "_1") in nl));
  assert.deepEqual(missing, []);
  // a text without a singular, a missing key and a prototype name; without a table, bewaren.yml's words
  assert.equal(text({ x: "{n} keer" }, "x", { n: 1 }), "1 keer");
  assert.equal(text({ x: "{n} keer", x_1: "één keer" }, "x", { n: 1 }), "één keer");
  assert.equal(text({}, "geen", { n: 1 }), "geen");
  assert.equal(text({}, "constructor", {}), "constructor");
  reset(B, { bestanden: "{n} bestanden", bestanden_1: "1 bestand" });
  assert.deepEqual([B.text("bestanden", { n: 1 }), B.text("bestanden", { n: 3 })], ["1 bestand", "3 bestanden"]);
});

test("a team of 1, 2, 3, 5 or 12: a row stands out only with at least two colleagues and at least a third", () => {
  T.useWords(WORDS_NL);
  const c = (nooit, soms, werken) => ({ nooit, soms, vaak: 0, altijd: 0, werken });
  assert.deepEqual([1, 2, 3, 5, 12].map(V.flagMinimum), [Infinity, 2, 2, 2, 4]);
  assert.deepEqual(V.flags(c(1, 0, 1), 1), { weinig: false, werken: false });     // one person is no pattern
  assert.deepEqual(V.flags(c(1, 0, 1), 2), { weinig: false, werken: false });     // half of two: one answer
  assert.deepEqual(V.flags(c(2, 0, 2), 2), { weinig: true, werken: true });       // issue 23: 1.2 with two 'nooit'
  assert.deepEqual(V.flags(c(1, 0, 1), 3), { weinig: false, werken: false });     // a third of three is one answer
  assert.deepEqual(V.flags(c(1, 1, 2), 3), { weinig: true, werken: true });
  assert.deepEqual(V.flags(c(1, 0, 1), 5), { weinig: false, werken: false });
  assert.deepEqual(V.flags(c(0, 2, 2), 5), { weinig: true, werken: true });
  assert.deepEqual(V.flags(c(2, 1, 3), 12), { weinig: false, werken: false });    // a quarter
  assert.deepEqual(V.flags(c(3, 1, 4), 12), { weinig: true, werken: true });      // a third
  assert.deepEqual(V.flags(c(0, 0, 0), 0), { weinig: false, werken: false });
  // the school leader's team of 3 with mixed answers: one colleague per row no longer flags 22 of 25 rows
  const rows = Array.from({ length: 25 }, (_, i) => c(i % 3 === 0 ? 1 : 0, i % 3 === 1 ? 1 : 0, i % 4 === 0 ? 1 : 0));
  assert.equal(rows.filter((r) => { const f = V.flags(r, 3); return f.weinig || f.werken; }).length, 0);
  assert.equal(V.flagRule(3), "Een rij valt op als minstens 2 van de 3 collega's nooit of soms kozen, of eraan willen werken.");
  assert.equal(V.flagRule(12), "Een rij valt op als minstens 4 van de 12 collega's nooit of soms kozen, of eraan willen werken.");
  assert.equal(V.flagRule(1), "Met één collega valt geen rij op.");
});

test("a round is named by its dates, so loading March alone does not rename it", () => {
  T.useWords(WORDS_NL);
  const at = (iso, place) => ({ datum: Date.parse(iso), place });
  const oct = [at("2026-10-03T12:00:00Z", 0), at("2026-10-14T09:00:00Z", 1)], march = [at("2027-03-02T12:00:00Z", 2)];
  const both = T.groupRounds([...oct, ...march]).map((r) => V.roundName(r, "nl"));
  const alone = T.groupRounds(march).map((r) => V.roundName(r, "nl"));
  assert.deepEqual(both, ["ronde van 3–14 okt 2026", "ronde van 2 mrt 2027"]);
  assert.deepEqual(alone, [both[1]]);
  assert.equal(V.dateSpan(Date.parse("2026-09-28T12:00:00Z"), Date.parse("2026-10-09T12:00:00Z"), "nl"), "28 sep – 9 okt 2026");
  assert.equal(V.dateSpan(Date.parse("2026-12-28T12:00:00Z"), Date.parse("2027-01-08T12:00:00Z"), "nl"), "28 dec 2026 – 8 jan 2027");
  assert.match(V.dateSpan(Date.parse("2026-10-03T12:00:00Z"), Date.parse("2026-10-14T12:00:00Z"), "en"), /^Oct 3\s*–\s*14, 2026$/);
  assert.equal(V.capital("ronde van 2 mrt 2027"), "Ronde van 2 mrt 2027");
});

test("the CSV: a byte-order mark, ';' between cells, one row per sub-recommendation with the counts of every round", () => {
  const labels = { nummer: "Nummer", titel: "Deelaanbeveling", nooit: "nooit", soms: "soms", vaak: "vaak", altijd: "altijd",
                   werken: "wil eraan werken", collegas: "collega's", procent: "{kolom} (%)" };
  const subs = SUBS.map((key, i) => ({ nummer: key.replace("-", "."), titel: i === 1 ? 'Zeg "hallo"; =ook' : `Titel ${key}` }));
  const first = T.countAll(sortOut([result("a.json", scanFile(ANNA)), result("b.json", scanFile(BEA))], SUBS).scans, SUBS);
  const second = T.countAll(sortOut([result("c.json", scanFile(CARLA))], SUBS).scans, SUBS);
  const text = V.csv(subs, [{ label: "Ronde van 1 sep 2026", total: 2, rows: first },
                            { label: "Ronde van 2 mrt 2027", total: 1, rows: second }], labels);
  assert.ok(text.startsWith("\uFEFFNummer;Deelaanbeveling;Ronde van 1 sep 2026: collega's;Ronde van 1 sep 2026: nooit;Ronde van 1 sep 2026: nooit (%);"));
  const lines = text.slice(1).split("\r\n");
  assert.equal(lines.pop(), "");
  assert.equal(lines.length, 1 + SUBS.length);
  assert.equal(lines[0].split(";").length, 2 + 2 * (1 + 2 * 5));
  // per round: colleagues, then per answer the count and its share
  assert.equal(lines[1], "1.1;Titel 1-1;2;1;50;0;0;1;50;0;0;0;0;1;0;0;0;0;0;0;0;0;0;0");
  assert.equal(lines[2], '1.2;"Zeg ""hallo""; =ook";2;0;0;0;0;0;0;0;0;0;0;1;1;100;0;0;0;0;0;0;1;100');
  assert.equal(lines[3], "1.3;Titel 1-3;2;0;0;1;50;0;0;0;0;1;50;1;0;0;0;0;0;0;0;0;0;0");
  assert.match(V.csv([{ nummer: "1.1", titel: "=SOM(A1)" }], [], labels), /\r\n1\.1;'=SOM\(A1\)\r\n$/);
});

test("a file of the third format (the record named without a language) is a colleague's scan too", () => {
  const text = file({ "teamscan:scan": { velden: ANNA } }, { versie: 3 });
  const sorted = sortOut([result("anna.json", text)], SUBS);
  assert.deepEqual([sorted.scans.length, sorted.scans[0].naam, sorted.refused], [1, "Anna", []]);
});

/* --- the prober's cases (2026-12-07) ---------------------------------------------------------------- */

test("T02/T05: a team scan answer the scan cannot give is refused on import, named with its value", () => {
  B.rule("teamscan", T.unknownAnswer);
  for (const [key, v] of [["vaak:1-1", "regelmatig"], ["vaak:1-1", "<script>"], ["werken:1-3", "ja"],
                          ["werken:1-3", "1"], ["werken:1-3", 1], ["naam", 5], ["opmerking", "x"], ["vaak:1-1", true]]) {
    const bad = scanFile({ ...ANNA, [key]: { v, t: 1 } });
    const error = B.check(bad, bad.length).error;
    assert.match(error || "", /reden_waarde\[.*<naam=teamscan:nl:scan><sleutel=[^>]*>/, `${key}=${JSON.stringify(v)}`);
    assert.ok(error.includes(`<sleutel=${key}>`), key);
  }
  const good = scanFile({ ...ANNA, "vaak:1-2": { v: "altijd", t: 3 }, "werken:2-1": { v: false, t: 4 } });
  assert.ok(B.check(good, good.length).data, "what the scan writes: a level, a tick (true/false), a name");
});

test("T02: in the team view a file with an invalid level is refused with the reason, the others counted", () => {
  B.rule("teamscan", T.unknownAnswer);
  const sorted = sortOut([result("anna.json", scanFile(ANNA)),
                          result("raar.json", scanFile({ ...BEA, "vaak:1-1": { v: "regelmatig", t: 201 } }))], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.naam), ["Anna"]);
  assert.match(sorted.refused[0][1], /reden_waarde\[.*<sleutel=vaak:1-1>/);
});

test("O01b: direction controls are taken out of a teacher's name", () => {
  const scan = T.scanOf({ gegevens: { "teamscan:nl:scan": { velden: {
    naam: { v: "\u202eAnna\u202c \u2067Bea\u2069\u200f", t: 1 }, "vaak:1-1": { v: "soms", t: 1 } } } } }, SUBS);
  assert.equal(scan.naam, "Anna Bea");
});

test("O01c: two files with the same answer times but different names are two teachers, not two versions", () => {
  const copy = { ...ANNA, naam: { v: "Bea", t: 100 } };   /* a colleague who started from Anna's file */
  const sorted = sortOut([result("anna.json", scanFile(ANNA, "2026-12-01T10:00:00Z")),
                          result("bea.json", scanFile(copy, "2026-12-02T10:00:00Z"))], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.naam), ["Anna", "Bea"]);
  assert.deepEqual(sorted.refused, []);
  const anna = T.scanOf(JSON.parse(scanFile(ANNA)), SUBS);
  assert.equal(T.sameScan(anna, { ...anna, naam: "ANNA " }), true, "the same name, case and spaces aside");
  assert.equal(T.sameScan({ ...anna, naam: "" }, { ...anna, naam: "" }), true, "no names: the content decides");
  assert.equal(T.sameScan({ ...anna, naam: "" }, { ...anna, naam: "", inhoud: "[]" }), false, "no names, other content: two");
  assert.equal(T.sameScan({ ...anna, naam: "" }, { ...anna, naam: "Anna" }), false, "a name against none: two");
});
