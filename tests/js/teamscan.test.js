/* teamscan.js: reading colleagues' files and counting them (issue 21 point 3 and 4: one bad file among
   good ones, the same teacher saved twice, a file of unknown keys). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, SELF_NAMING, file, reset } = require("./helpers.js");

const B = script("bewaren-bestand.js");   // bewaren.js with its file part
const T = script("teamscan.js");
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
  const sorted = T.sortOut([result("raar.json", scanFile(unknown))], SUBS);
  assert.deepEqual([sorted.scans.length, sorted.refused[0][0]], [0, "raar.json"]);
  assert.match(sorted.refused[0][1], /^geen_teamscan/);
});

test('one file with "velden": null among good ones is named with the reason; the good ones are counted', () => {
  const sorted = T.sortOut([
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
  const sorted = T.sortOut([result("anna.json", first), result("anna-2.json", again), result("bea.json", scanFile(BEA))], SUBS);
  assert.deepEqual(sorted.scans.map((s) => s.naam), ["Anna", "Bea"]);
  assert.deepEqual(sorted.refused, [["anna-2.json", "dubbel[<reden={reden}><naam={naam}><sleutel={sleutel}><n={n}><max={max}><versie={versie}><ander=anna.json><nieuw={nieuw}><anders={anders}><bestand={bestand}>]"]]);
});

test("a later save of the same scan with a changed answer replaces the earlier one, in whichever order they come", () => {
  const later = { ...ANNA, "vaak:1-1": { v: "altijd", t: 500 } };
  for (const order of [["oud", "nieuw"], ["nieuw", "oud"]]) {
    const files = { oud: result("anna-oud.json", scanFile(ANNA)), nieuw: result("anna-nieuw.json", scanFile(later)) };
    const sorted = T.sortOut(order.map((k) => files[k]), SUBS);
    assert.equal(sorted.scans.length, 1, order.join());
    assert.equal(sorted.scans[0].vaak["1-1"], "altijd", order.join());
    assert.deepEqual(sorted.refused.map((r) => r[0]), ["anna-oud.json"]);
    assert.match(sorted.refused[0][1], /^ouder\[.*<ander=anna-nieuw\.json>/);
  }
});

test("two colleagues with the same name and the same answers typed at other moments are both counted", () => {
  const other = { naam: { v: "Anna", t: 900 }, "vaak:1-1": { v: "vaak", t: 901 }, "werken:1-3": { v: true, t: 902 } };
  const sorted = T.sortOut([result("a.json", scanFile(ANNA)), result("b.json", scanFile(other))], SUBS);
  assert.equal(sorted.scans.length, 2);
  assert.deepEqual(sorted.refused, []);
});

test("a file that could not be read is named with why", () => {
  const sorted = T.sortOut([{ file: { name: "weg.json", size: 1 }, error: "import_onleesbaar" }], SUBS);
  assert.deepEqual(sorted.refused, [["weg.json", "import_onleesbaar"]]);
});

test("counting: per sub-recommendation how many chose each level and how many want to work on it", () => {
  const scans = T.sortOut([result("a.json", scanFile(ANNA)), result("b.json", scanFile(BEA))], SUBS).scans;
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

test("a file of the third format (the record named without a language) is a colleague's scan too", () => {
  const text = file({ "teamscan:scan": { velden: ANNA } }, { versie: 3 });
  const sorted = T.sortOut([result("anna.json", text)], SUBS);
  assert.deepEqual([sorted.scans.length, sorted.scans[0].naam, sorted.refused], [1, "Anna", []]);
});
