/* bewaren.js: merging, saving that tells the truth, unreadable records kept aside, and files checked before
   anything is applied (issue 21: the clock, hostile files, all or nothing). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, SELF_NAMING, file, reset } = require("./helpers.js");
/* the self-naming words, with the left-out line showing which kind it names */
const NAMING_LEFT_OUT = new Proxy({ weggelaten: "weggelaten[<wat={wat}>]" }, {
  get: (own, key) => (key in own ? own[key] : SELF_NAMING[key]) });

const B = script("bewaren-bestand.js");   // bewaren.js with its file part
const SHEET = "werkblad:herstel";   // a v3 name: one record for both languages
const KEY = B.intern.PREFIX + SHEET;
const HOUR = 3600 * 1000;

function fresh(storage = new FakeStorage()) {
  browserWith(storage);
  reset(B);
  return storage;
}

function stored(storage, name = SHEET) {
  return JSON.parse(storage.getItem(B.intern.PREFIX + name));
}

/* --- merging -------------------------------------------------------------------------------------- */

test("merge keeps every field of both records and, per field, the newer entry", () => {
  const a = { velden: { naam: { v: "Anna", t: 5 }, datum: { v: "maandag", t: 9 } } };
  const b = { velden: { naam: { v: "Anna B.", t: 7 }, plan: { v: "bellen", t: 1 } } };
  assert.deepEqual(B.merge(a, b).velden, { naam: { v: "Anna B.", t: 7 }, datum: { v: "maandag", t: 9 }, plan: { v: "bellen", t: 1 } });
});

test("merge keeps the first entry on a tie and skips a missing record, entries that are no object and unsafe keys", () => {
  const hostile = JSON.parse('{"velden": {"__proto__": {"v": "x", "t": 99}, "kapot": null, "lijst": [1], "naam": {"v": "B", "t": 3}}}');
  const out = B.merge({ velden: { naam: { v: "A", t: 3 } } }, hostile);
  assert.deepEqual(Object.keys(out.velden), ["naam"]);
  assert.equal(out.velden.naam.v, "A");
  assert.equal(Object.getPrototypeOf(out.velden), Object.prototype);
  assert.equal({}.v, undefined, "Object.prototype is untouched");
  assert.deepEqual(B.merge(null, { velden: {} }).velden, {});
});

test("read refuses a stored text that is not a record and strips unsafe keys from one that is", () => {
  assert.deepEqual(B.intern.read(null), { data: null });
  for (const raw of ["{kapot", '"tekst"', "[]", '{"velden": null}', '{"velden": "x"}']) {
    assert.deepEqual(B.intern.read(raw), { broken: true }, raw);
  }
  const data = B.intern.read('{"v1": true, "__proto__": {"x": 1}, "velden": {"constructor": {"v": 1}, "a": {"v": 2}}}').data;
  assert.deepEqual(data, { v1: true, velden: { a: { v: 2 } } });
});

/* --- saving tells the truth ------------------------------------------------------------------------- */

test("an answer is stored and read back, and a new page finds it", () => {
  const storage = fresh();
  const record = B.open(SHEET);
  assert.equal(record.set({ naam: ["Juf Sanne", "Naam"] }), "");
  assert.equal(stored(storage).velden.naam.v, "Juf Sanne");
  reset(B);
  assert.equal(B.open(SHEET).get("naam"), "Juf Sanne");
});

test("a clock that was three hours ahead does not bring an old answer back over a new one", () => {
  const storage = fresh();
  const ahead = Date.now() + 3 * HOUR;
  assert.equal(B.open(SHEET).set({ plan: ["eerst dit", "Plan"] }, ahead), "");
  reset(B);                               // the clock is set right; the page is reloaded
  const record = B.open(SHEET);
  assert.equal(record.set({ plan: ["nu dit", "Plan"] }), "");
  assert.equal(stored(storage).velden.plan.v, "nu dit");
  assert.ok(stored(storage).velden.plan.t > ahead, "dated after the stored time");
  reset(B);
  assert.equal(B.open(SHEET).get("plan"), "nu dit");
});

test("the answer just typed wins over what another tab stored with a later clock", () => {
  const storage = fresh();
  const record = B.open(SHEET);
  record.set({ plan: ["mijn tekst", "Plan"] });
  storage.setItem(KEY, JSON.stringify({ velden: { plan: { v: "andere tab", t: Date.now() + 10 * HOUR, q: "Plan" } } }));
  assert.equal(record.set({ plan: ["mijn nieuwe tekst", "Plan"] }), "");
  assert.equal(stored(storage).velden.plan.v, "mijn nieuwe tekst");
});

test("a save is reported only when the typed value is what storage holds afterwards", () => {
  const storage = fresh();
  B.open(SHEET).set({ naam: ["Anna", "Naam"] });
  storage.setItem = function () {};                      // a browser that accepts the write and keeps nothing
  const record = B.open(SHEET);
  assert.equal(record.set({ naam: ["Bea", "Naam"] }), "onbekend");
  assert.equal(record.get("naam"), "Bea", "the screen keeps what was typed");
  assert.match(B.statusText(record), /^niet_opgeslagen_onbekend/);
});

test("full storage is said plainly and the typed answer stays on the page", () => {
  const storage = fresh(new FakeStorage(60));
  const record = B.open(SHEET);
  assert.equal(record.set({ verhaal: ["x".repeat(200), "Verhaal"] }), "vol");
  assert.equal(record.get("verhaal"), "x".repeat(200));
  assert.equal(storage.getItem(KEY), null);
});

test("blocked storage is said plainly", () => {
  fresh(null);
  const record = B.open(SHEET);
  assert.equal(record.problem, "geblokkeerd");
  assert.equal(record.set({ naam: ["Anna", "Naam"] }), "geblokkeerd");
  assert.equal(B.available(), false);
});

test("a cleared answer is a dated empty entry, so the clearing reaches other tabs", () => {
  const storage = fresh();
  const record = B.open(SHEET);
  record.set({ naam: ["Anna", "Naam"], klaar: [true, "Klaar"] });
  record.set({ naam: ["", "Naam"], klaar: [false, "Klaar"] });
  assert.deepEqual([stored(storage).velden.naam.v, stored(storage).velden.klaar.v], [null, false]);
  assert.deepEqual(record.entries(), []);
});

test("another tab's newer answer comes in through refresh, with the keys that changed", () => {
  fresh();
  const record = B.open(SHEET);
  record.set({ naam: ["Anna", "Naam"] }, 1000);
  const theirs = JSON.stringify({ velden: { naam: { v: "Anna de Vries", t: 2000 }, datum: { v: "3 december", t: 2000 } } });
  assert.deepEqual(record.refresh(theirs).sort(), ["datum", "naam"]);
  assert.equal(record.get("naam"), "Anna de Vries");
  assert.deepEqual(record.refresh("{kapot"), []);
});

/* --- an unreadable stored record is kept aside ------------------------------------------------------ */

test("an unreadable stored record is copied aside before the first keystroke writes over it", () => {
  const storage = fresh();
  storage.setItem(KEY, '{"velden": {"naam": {"v": "Anna"');
  const record = B.open(SHEET);
  assert.equal(record.aside, B.intern.ASIDE + SHEET);
  assert.equal(storage.getItem(record.aside), '{"velden": {"naam": {"v": "Anna"');
  assert.equal(record.set({ naam: ["Bea", "Naam"] }), "");
  assert.equal(storage.getItem(record.aside), '{"velden": {"naam": {"v": "Anna"', "the copy stays");
  assert.match(B.statusText(record), /^opgeslagen.*apart\[.*leidraad:apart:werkblad:herstel/);
  assert.match(B.notice(record), /^apart/);
});

test("the same unreadable text is kept aside once, another one beside it", () => {
  const storage = fresh();
  storage.setItem(KEY, "kapot 1");
  B.open(SHEET);
  reset(B);
  B.open(SHEET);
  storage.setItem(KEY, "kapot 2");
  reset(B);
  assert.equal(B.open(SHEET).aside, B.intern.ASIDE + SHEET + ":1");
  assert.deepEqual([...storage.items.keys()].filter((k) => k.startsWith(B.intern.ASIDE)).length, 2);
});

test("when the unreadable record cannot be copied aside, it is never written over", () => {
  const raw = "x".repeat(40);
  const storage = fresh(new FakeStorage(B.intern.PREFIX.length + SHEET.length + 45));
  storage.setItem(KEY, raw);
  const record = B.open(SHEET);
  assert.equal(record.aside, "");
  assert.match(B.notice(record), /^niet_opgeslagen_vol/, "said as the page opens");
  assert.equal(record.set({ naam: ["Anna", "Naam"] }), "vol");
  assert.equal(storage.getItem(KEY), raw);
  assert.match(B.notice(record), /^niet_opgeslagen_vol/);
});

test("the file takes along what was kept aside and only answers with a value", () => {
  const storage = fresh();
  storage.setItem(KEY, "kapot");
  const record = B.open(SHEET);
  record.set({ naam: ["Anna", "Naam"], leeg: ["", "Leeg"] });
  const data = B.fileData(null);
  assert.equal(data.formaat, "leidraad-leerkracht-leerlingrelaties");
  assert.equal(data.versie, 3);
  assert.deepEqual(Object.keys(data.gegevens[SHEET].velden), ["naam"]);
  assert.deepEqual(data.apart, { [B.intern.ASIDE + SHEET]: "kapot" });
  assert.equal(B.fileData(["werkblad:ander"]).apart, undefined);
  assert.ok(!B.check(JSON.stringify(data), 100).error, "our own file is accepted");
});

/* --- checking a file before anything is applied ------------------------------------------------------ */

const good = () => file({ [SHEET]: { velden: { naam: { v: "Anna", t: 1, q: "Naam" } } } });

test("a file of this site is accepted, the version as a number, a numeric text or missing", () => {
  fresh();
  for (const versie of [3, "3", 2, 1, undefined]) {
    const text = JSON.stringify({ ...JSON.parse(good()), versie });
    assert.ok(B.check(text, text.length).data, `versie ${versie}`);
  }
});

test("a newer version is refused as newer, a version that is no number as damaged", () => {
  fresh();
  const newer = JSON.stringify({ ...JSON.parse(good()), versie: 4 });
  assert.match(B.check(newer, 10).error, /^import_nieuwer/);
  const odd = JSON.stringify({ ...JSON.parse(good()), versie: "twee" });
  assert.match(B.check(odd, 10).error, /^import_kapot_reden\[.*reden_onderdeel\[.*<naam=versie: "twee">/);
  assert.equal(B.versionOf("3"), 3);
  assert.equal(B.versionOf(2.5), null);
  assert.equal(B.versionOf(null), null);
});

test("not JSON, another site's file and a file over 5 MB are refused with their own reason", () => {
  fresh();
  assert.match(B.check("geen json", 9).error, /^import_geen_json/);
  assert.match(B.check(JSON.stringify({ formaat: "iets", gegevens: {} }), 9).error, /^import_ander/);
  assert.match(B.check("[]", 9).error, /^import_ander/);
  assert.match(B.check("null", 4).error, /^import_ander/);
  assert.match(B.check(good(), 6 * 1024 * 1024).error, /^import_te_groot/);
});

test('"velden": null is refused with the record\'s name and the reason', () => {
  fresh();
  const text = file({ "teamscan:nl:scan": { velden: null } });
  assert.match(B.check(text, text.length).error, /import_kapot_reden\[.*reden_onderdeel\[.*<naam=teamscan:nl:scan>/);
  for (const gegevens of [null, [], "x"]) {
    const other = file(gegevens);
    assert.match(B.check(other, other.length).error, /reden_onderdeel\[.*<naam=gegevens>/);
  }
});

test("an answer that is null, a list, an object, or has a question or time of the wrong type is refused, named", () => {
  fresh();
  const entries = [null, [], { v: { kwaad: 1 } }, { v: [1] }, { v: "x", q: { a: 1 } }, { v: "x", t: "gisteren" }];
  for (const entry of entries) {
    const text = file({ [SHEET]: { velden: { naam: entry } } });
    assert.match(B.check(text, text.length).error, /reden_antwoord\[.*<naam=werkblad:herstel><sleutel=naam>/,
                 JSON.stringify(entry));
  }
  const cleared = file({ [SHEET]: { velden: { naam: { v: null, t: 1 } } } });
  assert.ok(B.check(cleared, 9).data, "a cleared answer (v: null) is a record's own shape");
});

test("__proto__, constructor and other unsafe keys are refused, as answer and as record", () => {
  fresh();
  for (const key of ["__proto__", "constructor", "hasOwnProperty", ""]) {
    const text = `{"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": {"${SHEET}": {"velden": {"${key}": {"v": "x"}}}}}`;
    assert.match(B.check(text, text.length).error, /reden_antwoord/, key);
  }
  const record = '{"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": {"__proto__": {"velden": {}}}}';
  assert.match(B.check(record, 9).error, /reden_onderdeel\[.*<naam=__proto__>/);
  assert.equal({}.velden, undefined, "Object.prototype is untouched");
});

test("a question nested 100,000 levels deep is refused before it is parsed, without overflowing the stack", () => {
  fresh();
  const deep = file({ [SHEET]: { velden: { naam: { v: "x", q: "DEEP" } } } })
    .replace('"DEEP"', "[".repeat(100000) + "]".repeat(100000));
  const started = Date.now();
  assert.match(B.check(deep, deep.length).error, /reden_te_groot/);
  assert.ok(Date.now() - started < 3000, "at once (about 10 ms; generous for a busy machine)");
  assert.equal(B.tooDeep('{"a": "[[[[[[[[[[[[[[[\\"[[[["}', 2), false, "brackets inside a text do not count");
  assert.equal(B.tooDeep("[[[]]]", 2), true);
});

test("120,000 answers in one sheet are refused at once, and nothing is stored", () => {
  const storage = fresh();
  const velden = {};
  for (let i = 0; i < 120000; i++) velden[`v${i}`] = { v: "a", t: 1 };
  const text = file({ [SHEET]: { velden } });
  assert.ok(text.length < 5 * 1024 * 1024, "under the size limit: the number of answers is what refuses it");
  const started = Date.now();
  assert.match(B.check(text, text.length).error, /reden_te_groot/);
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms (about 50 ms; generous for a busy machine)`);
  assert.equal(storage.length, 0);
});

test("70,000 records are refused at once", () => {
  fresh();
  const gegevens = {};
  for (let i = 0; i < 70000; i++) gegevens[`werkblad:nl:blad-${i}`] = { velden: { naam: { v: "x", t: 1 } } };
  assert.match(B.check(file(gegevens), 1000).error, /reden_te_groot/);
});

test("a kind of record may refuse values it does not know (the self-tests' verdicts)", () => {
  fresh();
  B.rule("toets", (key, value) => /:oordeel$/.test(key) && !["goed", "deels", "fout"].includes(value));
  const bad = file({ "toets:nl:hoofdstuk-1": { velden: { "v3:oordeel": { v: "bijna", t: 1 } } } });
  assert.match(B.check(bad, 9).error, /reden_waarde\[.*<naam=toets:nl:hoofdstuk-1><sleutel=v3:oordeel>/);
  const fine = file({ "toets:nl:hoofdstuk-1": { velden: { "v3:oordeel": { v: "deels", t: 1 } } } });
  assert.ok(B.check(fine, 9).data);
});

/* --- applying: ask in our words, then all or nothing ------------------------------------------------ */

test("the question before importing counts new and different answers and names OUR questions", () => {
  const storage = fresh();
  B.open(SHEET).set({ naam: ["Anna", "Naam"], plan: ["bellen", "Wat spreken we af?"] });
  const data = JSON.parse(file({ [SHEET]: { velden: {
    naam: { v: "Bea", t: 1, q: "Klik hier om te winnen" },
    plan: { v: "mailen", t: 1, q: "Onze afspraak" },
    datum: { v: "maandag", t: 1, q: "Datum van het gesprek" } } } }));
  const asked = [];
  const before = storage.snapshot();
  const result = B.apply(data, (question) => { asked.push(question); return false; },
                         (name, key) => (key === "naam" ? "Naam van de leerkracht" : ""));
  assert.equal(result.ok, false);
  assert.match(result.message, /^import_afgebroken/);
  assert.match(asked[0], /^import_vraag\[.*<nieuw=n_nieuw_1\[.*<n=1>.*<anders=n_anders\[.*<n=2>/);
  assert.match(asked[0], /• Naam van de leerkracht\n• Wat spreken we af\?$/);
  assert.doesNotMatch(asked[0], /winnen|Onze afspraak/);
  assert.equal(storage.snapshot(), before, "cancelled: nothing changed");
});

test("an accepted import stores every answer, tells the page and says how many", () => {
  const storage = fresh();
  const record = B.open(SHEET);
  const heard = [];
  record.onChange((keys) => heard.push(keys));
  const result = B.apply(JSON.parse(good()), () => true);
  assert.deepEqual([result.ok, result.changed], [true, [SHEET]]);
  assert.match(result.message, /^import_klaar_1\[.*<n=1>/);
  assert.equal(stored(storage).velden.naam.v, "Anna");
  assert.deepEqual(heard, [["naam"]]);
  assert.match(B.apply(JSON.parse(good()), () => true).message, /^import_niets/, "a second time: nothing new");
});

test("storage that fills up half-way leaves every record as it was, and later saves still work", () => {
  const storage = fresh(new FakeStorage(600));
  const sheet = B.open(SHEET);
  sheet.set({ naam: ["Anna", "Naam"] });
  const before = storage.snapshot();
  const data = JSON.parse(file({
    "werkblad:nl:a": { velden: { plan: { v: "kort", t: 1 } } },
    [SHEET]: { velden: { datum: { v: "maandag", t: 1 } } },
    "werkblad:nl:z": { velden: { verhaal: { v: "x".repeat(400), t: 1 } } } }));
  const result = B.apply(data, () => true);
  assert.equal(result.ok, false);
  assert.match(result.message, /^import_mislukt/);
  assert.equal(storage.snapshot(), before, "storage is as it was");
  assert.equal(sheet.get("datum"), undefined, "the page's record is as it was");
  assert.equal(sheet.problem, "");
  assert.equal(sheet.set({ datum: ["dinsdag", "Datum"] }), "", "the next keystroke saves again");
});

test("a refused file is named (the message starts with its name); a file over 5 MB is not even read", async () => {
  fresh();
  let reads = 0;
  globalThis.FileReader = class {
    readAsText(chosen) { reads += 1; this.result = chosen.text; setTimeout(() => this.onload(), 0); }
  };
  const importing = (chosen) => new Promise((resolve) => B.importFile(chosen, () => true, resolve));
  const hostile = { name: "scan-anna.json", size: 60, text: file({ "teamscan:nl:scan": { velden: null } }) };
  const refused = await importing(hostile);
  assert.equal(refused.ok, false);
  assert.match(refused.message, /^scan-anna\.json: import_kapot_reden\[.*reden_onderdeel/);
  const big = await importing({ name: "groot.json", size: 6 * 1024 * 1024 });
  assert.match(big.message, /^groot\.json: import_te_groot/);
  assert.equal(reads, 1);
  const accepted = await importing({ name: "goed.json", size: 60, text: good() });
  assert.equal(accepted.ok, true);
  delete globalThis.FileReader;
});

/* --- the first format ----------------------------------------------------------------------------- */

test("a value of the first format is only a plain object of answers", () => {
  assert.deepEqual(B.oldValues('{"veld-1": "tekst"}'), { "veld-1": "tekst" });
  for (const raw of ['"een tekst"', "[1, 2]", "{kapot", "null", "12", null]) assert.equal(B.oldValues(raw), null, raw);
});

test("an answer the file has and this browser has the same is no change; a new one keeps the file's question", () => {
  fresh();
  B.open(SHEET).set({ naam: ["Anna", "Naam"] });
  const plan = B.changes(JSON.parse(file({ [SHEET]: { velden: {
    naam: { v: "Anna", t: 1, q: "Iets anders" }, "veld:oud": { v: "weg", t: 1, q: "Een oude vraag" }, leeg: { v: "", t: 1 } } } })));
  assert.deepEqual(plan.replaced, []);
  assert.deepEqual(plan.added, [{ name: SHEET, key: "veld:oud", q: "Een oude vraag", v: "weg" }]);
});

test("with storage blocked an import says so and changes nothing on the page", () => {
  fresh(null);
  const record = B.open(SHEET);
  const result = B.apply(JSON.parse(good()), () => true);
  assert.deepEqual([result.ok, result.changed], [false, []]);
  assert.match(result.message, /^import_mislukt/);
  assert.equal(record.get("naam"), undefined);
});

test("a record name that is not kind:language:name is refused, named", () => {
  fresh();
  for (const name of ["werkblad", "werkblad:nederlands:x", "Werkblad:nl:x", "werkblad:nl:../x y"]) {
    const text = file({ [name]: { velden: {} } });
    assert.match(B.check(text, text.length).error, /reden_onderdeel/, name);
  }
});

test("marking a record (the first format carried over) is stored with its answers", () => {
  const storage = fresh();
  const record = B.open(SHEET);
  record.set({ naam: ["Anna", "Naam"] });
  assert.equal(record.mark("v1"), "");
  assert.deepEqual([stored(storage).v1, stored(storage).velden.naam.v], [true, "Anna"]);
});

/* --- one record for both languages (issue 22 point 4) ------------------------------------------------- */

const I = B.intern;
const DAY = 24 * HOUR;

function old(storage, lang, velden, extra = {}) {
  storage.setItem(`${I.OLD}werkblad:${lang}:herstel`, JSON.stringify({ ...extra, velden }));
}

test("a page's name with its language opens the one record of both languages, stored without the language", () => {
  const storage = fresh();
  const nl = B.open("werkblad:nl:herstel");
  assert.equal(nl, B.open("werkblad:en:herstel"));
  assert.equal(nl, B.open(SHEET));
  nl.set({ naam: ["Anna", "Naam"] });
  assert.deepEqual([...storage.items.keys()], ["leidraad:v3:werkblad:herstel"]);
  reset(B);
  const en = B.open("werkblad:en:herstel");
  assert.equal(en.get("naam"), "Anna", "the English page finds the Dutch answer");
  en.set({ naam: ["Anna B.", "Name"] });
  reset(B);
  assert.equal(B.open("werkblad:nl:herstel").get("naam"), "Anna B.", "and the Dutch page the English change");
});

test("v2 records of both languages are joined once: the newest entry per field, the other language's different answer kept beside it", () => {
  const storage = fresh();
  old(storage, "nl", { naam: { v: "Anna", t: 5, q: "Naam" }, plan: { v: "bellen", t: 9, q: "Plan" },
                       datum: { v: "maandag", t: 2, q: "Datum" }, leeg: { v: null, t: 8, q: "Leeg" } });
  old(storage, "en", { naam: { v: "Anna B.", t: 7, q: "Name" }, plan: { v: "bellen", t: 3, q: "Plan" },
                       doel: { v: "rust", t: 4, q: "Goal" }, leeg: { v: "iets", t: 1, q: "Empty" } });
  const v2 = storage.snapshot();
  const record = B.open("werkblad:nl:herstel");
  assert.deepEqual(record.data.velden, {
    naam: { v: "Anna B.", t: 7, q: "Name" },                // newest wins
    plan: { v: "bellen", t: 9, q: "Plan" },                 // the same value: nothing beside it
    datum: { v: "maandag", t: 2, q: "Datum" },
    doel: { v: "rust", t: 4, q: "Goal" },
    leeg: { v: null, t: 8, q: "Leeg" },                     // a newer clearing in one language …
    "v2:nl:naam": { v: "Anna", t: 5, q: "Naam" },           // the older answer of the other language is kept
    "v2:en:leeg": { v: "iets", t: 1, q: "Empty" } });       // … does not lose the other language's answer
  assert.deepEqual(stored(storage).velden, record.data.velden, "stored at once under v3");
  const left = JSON.parse(v2);
  for (const [key, value] of left) assert.equal(storage.getItem(key), value, `${key} untouched`);
  old(storage, "nl", { naam: { v: "later in an old copy", t: 99, q: "Naam" } });
  reset(B);
  assert.equal(B.open("werkblad:en:herstel").get("naam"), "Anna B.", "carried over once, not again");
});

test("the first format's mark is kept per language, so each language's v1 answers are still carried over", () => {
  const storage = fresh();
  old(storage, "nl", { naam: { v: "Anna", t: 5 } }, { v1: true });
  assert.equal(B.open("werkblad:nl:herstel").data.v1, true);
  assert.equal(stored(storage)["v1:nl"], true);
  reset(B);
  const en = B.open("werkblad:en:herstel");
  assert.ok(!en.data.v1, "English v1 answers were never carried over: the page carries them now");
  assert.equal(en.mark("v1"), "");
  reset(B);
  assert.equal(B.open("werkblad:en:herstel").data.v1, true);
  assert.deepEqual([stored(storage)["v1:nl"], stored(storage)["v1:en"]], [true, true]);
});

test("an unreadable v2 record is set aside and named in files; the other language is still carried over", () => {
  const storage = fresh();
  storage.setItem(`${I.OLD}werkblad:en:herstel`, "kapot");
  old(storage, "nl", { naam: { v: "Anna", t: 5 } });
  assert.equal(B.open("werkblad:nl:herstel").get("naam"), "Anna");
  assert.equal(storage.getItem(`${I.ASIDE}werkblad:en:herstel`), "kapot");
  assert.deepEqual(B.fileData([SHEET]).apart, { [`${I.ASIDE}werkblad:en:herstel`]: "kapot" });
});

test("files are written in the third format: versie 3, records named without a language", () => {
  fresh();
  B.open("werkblad:en:herstel").set({ naam: ["Anna", "Name"] });
  B.open("toets:nl:hoofdstuk-1").set({ v1: ["b", "Vraag 1"] });
  const data = B.fileData(null);
  assert.equal(data.versie, 3);
  assert.deepEqual(Object.keys(data.gegevens).sort(), ["toets:hoofdstuk-1", "werkblad:herstel"]);
});

test("a v2 file (records per language) is read as one record per tool, the newest answer per question, the other one kept", () => {
  fresh();
  const text = file({
    "werkblad:nl:herstel": { velden: { naam: { v: "Anna", t: 5, q: "Naam" }, plan: { v: "bellen", t: 1, q: "Plan" } } },
    "werkblad:en:herstel": { velden: { naam: { v: "Anna B.", t: 7, q: "Name" } } },
    "teamscan:en:scan": { velden: { "vaak:1-1": { v: "vaak", t: 2 } } } });
  const data = B.check(text, text.length).data;
  assert.deepEqual(Object.keys(data.gegevens).sort(), ["teamscan:scan", "werkblad:herstel"]);
  assert.deepEqual(data.gegevens[SHEET].velden, { naam: { v: "Anna B.", t: 7, q: "Name" }, plan: { v: "bellen", t: 1, q: "Plan" },
                                                  "v2:nl:naam": { v: "Anna", t: 5, q: "Naam" } });
  const result = B.apply(data, () => true);
  assert.deepEqual([result.ok, result.changed.sort()], [true, ["teamscan:scan", "werkblad:herstel"]]);
  reset(B);
  assert.equal(B.open("werkblad:nl:herstel").get("naam"), "Anna B.");
  assert.equal(B.open("werkblad:en:herstel").get("v2:nl:naam"), "Anna");
});

test("a file written from one language restores on the other language's page in a fresh browser", () => {
  fresh();
  B.open("werkblad:nl:herstel").set({ naam: ["Anna", "Naam"] });
  const text = JSON.stringify(B.fileData(null));
  fresh();
  const en = B.open("werkblad:en:herstel");
  assert.equal(B.apply(B.check(text, text.length).data, () => true).ok, true);
  assert.equal(en.get("naam"), "Anna");
});

/* --- the reminder of a week (issue 22 point 6) -------------------------------------------------------- */

test("due: changed after the last save to a file, and that save (or, never saved, the first answer) a week old", () => {
  const now = 100 * DAY;
  const velden = (...times) => Object.fromEntries(times.map((t, i) => [`v${i}`, { v: "x", t }]));
  assert.equal(B.due({}, 0, now), false, "nothing kept: nothing due");
  assert.equal(B.due(velden(now - 7 * DAY + 1), 0, now), false, "never saved, first answer just under a week ago");
  assert.equal(B.due(velden(now - 7 * DAY, now - HOUR), 0, now), true, "never saved, first answer a week ago");
  assert.equal(B.due(velden(now - 9 * DAY), now - 8 * DAY, now), false, "saved after the last change");
  assert.equal(B.due(velden(now - 9 * DAY, now - HOUR), now - 8 * DAY, now), true, "changed since a save 8 days ago");
  assert.equal(B.due(velden(now - HOUR), now - 3 * DAY, now), false, "changed since a save 3 days ago");
  assert.equal(B.due(velden(now - HOUR), now - 7 * DAY, now), true, "exactly a week");
});

test("the reminder names the oldest waiting record's date; saving to a file notes the time per record", () => {
  const storage = fresh();
  const now = Date.UTC(2026, 11, 7, 12);
  B.open("werkblad:nl:herstel").set({ naam: ["Anna", "Naam"] }, now - 10 * DAY);
  B.open("toets:nl:h1").set({ v1: ["b", "Vraag"] }, now - HOUR);
  assert.deepEqual(B.waiting(null, now), [SHEET]);
  assert.match(B.reminder(null, now), /^herinnering_nooit\[/);
  I.words = { herinnering_nooit: "sinds {datum}", herinnering: "bewaard {datum}" };
  assert.equal(B.reminder(null, now), "sinds 27 november 2026", "the date of the first answer of the waiting record");
  I.words = SELF_NAMING;
  assert.equal(B.reminder(["toets:h1"], now), "", "the self-test's page: nothing waits there");
  storage.setItem(I.SAVED, JSON.stringify({ [SHEET]: now - 8 * DAY }));
  assert.deepEqual(B.waiting(null, now), [], "saved after its last change");
  B.open(SHEET).set({ naam: ["Anna B.", "Naam"] }, now - DAY);
  assert.match(B.reminder(null, now), /^herinnering\[/, "changed since a save 8 days ago");
  assert.deepEqual(B.savedAt(), { [SHEET]: now - 8 * DAY });
  storage.setItem(I.SAVED, "kapot");
  assert.deepEqual(B.savedAt(), {}, "an unreadable note counts as never saved");
});

/* --- Mijn werk's list (mijn-werk.js) ------------------------------------------------------------------ */

test("Mijn werk lists each record with answers: its page, when it changed, how many answers, when saved to a file", () => {
  fresh();
  const M = script("mijn-werk.js");
  const stored = {
    "werkblad:herstel": { velden: { naam: { v: "Anna", t: 500 }, plan: { v: null, t: 900 }, "v2:nl:naam": { v: "A", t: 100 } } },
    "toets:h1": { velden: { v1: { v: "b", t: 700 } } },
    "teamscan:scan": { velden: { naam: { v: "", t: 800 } } },          // only cleared: nothing to list
    "werkblad:weg": { velden: { x: { v: "x", t: 10 } } } };             // no page in this version
  const pages = { "werkblad:herstel": ["aan-de-slag/herstel.html", "Herstel"], "toets:h1": ["toets/h1.html", "Toets: H1"] };
  assert.deepEqual(M.rows(stored, pages, { "toets:h1": 650 }), [
    { name: "werkblad:herstel", kind: "werkblad", href: "aan-de-slag/herstel.html", title: "Herstel", changed: 900, saved: 0, count: 2 },
    { name: "toets:h1", kind: "toets", href: "toets/h1.html", title: "Toets: H1", changed: 700, saved: 650, count: 1 },
    { name: "werkblad:weg", kind: "werkblad", href: "", title: "weg", changed: 10, saved: 0, count: 1 }]);
  assert.match(M.persistText(true), /^persist_ja/);
  assert.match(M.persistText(false), /^persist_nee/);
  assert.match(M.persistText(undefined), /^persist_onbekend/);
});

/* --- the prober's cases (2026-12-07): a page takes its own records; blocked is not full; one is singular ----- */

const WORDS = {
  import_klaar: "{n} antwoorden overgenomen uit het bestand.", import_klaar_1: "1 antwoord overgenomen uit het bestand.",
  import_vraag: "Uit dit bestand komen {nieuw} en {anders}.", n_nieuw: "{n} nieuwe antwoorden",
  n_nieuw_1: "1 nieuw antwoord", n_anders: "{n} antwoorden die anders zijn", n_anders_1: "1 antwoord dat anders is",
};

test("W18: a worksheet page takes only its worksheet from a file; the team scan in it is named, left out and untouched", () => {
  const storage = fresh();
  reset(B, NAMING_LEFT_OUT);
  B.open("teamscan:nl:scan").set({ naam: ["Juf Sanne", "Naam"], "vaak:1-1": ["altijd", "Hoe vaak?"] });
  const before = stored(storage, "teamscan:nl:scan");
  const data = JSON.parse(file({
    [SHEET]: { velden: { plan: { v: "bellen", t: 1, q: "Plan" } } },
    "teamscan:nl:scan": { velden: { naam: { v: "Meester Bram", t: 9e12 }, "vaak:1-1": { v: "nooit", t: 9e12 } } } }));
  const asked = [];
  const result = B.apply(data, (q) => { asked.push(q); return true; }, null, [SHEET]);
  assert.deepEqual([result.ok, result.changed], [true, [SHEET]]);
  assert.match(asked[0], /<nieuw=n_nieuw_1\[.*<n=1>.*<anders=n_anders\[.*<n=0>/, "only the worksheet's answer is counted");
  assert.match(asked[0], /import_weggelaten\[.*\n• weggelaten\[.*<wat=weggelaten_teamscan\[/, "the confirm says what is left out and why");
  assert.match(result.message, /^import_klaar_1\[.*\n.*\n• weggelaten\[.*<wat=weggelaten_teamscan\[/);
  assert.deepEqual(stored(storage, "teamscan:nl:scan"), before, "the teacher's own team scan is untouched");
  assert.equal(stored(storage).velden.plan.v, "bellen");
});

test("W18: a file with nothing for this page changes nothing and says where its answers go", () => {
  const storage = fresh();
  reset(B, NAMING_LEFT_OUT);
  const before = storage.snapshot();
  const data = JSON.parse(file({ "teamscan:nl:scan": { velden: { naam: { v: "Bram", t: 1 } } },
                                 "reflectie:nl:cirkel": { velden: { "nu:leidend": { v: "3", t: 1 } } } }));
  let asked = 0;
  const result = B.apply(data, () => { asked += 1; return true; }, null, [SHEET]);
  assert.equal(asked, 0, "nothing to ask");
  assert.equal(result.ok, false);
  assert.match(result.message, /^import_niets_hier\[.*\n.*\n• weggelaten\[.*<wat=weggelaten_teamscan\[.*\n• weggelaten\[.*<wat=weggelaten_reflectie\[/);
  assert.equal(storage.snapshot(), before);
});

test("W18: without a list of own records (Node, older callers) every record is taken, as before", () => {
  fresh();
  const data = JSON.parse(file({ [SHEET]: { velden: { plan: { v: "x", t: 1 } } },
                                 "werkblad:nl:ander": { velden: { plan: { v: "y", t: 1 } } } }));
  assert.deepEqual(B.apply(data, () => true).changed.sort(), [SHEET, "werkblad:nl:ander"].sort());
});

test("S03: restoring with storage blocked says it is blocked, not full", () => {
  browserWith(null);
  reset(B);
  const data = JSON.parse(file({ [SHEET]: { velden: { plan: { v: "x", t: 1 } } } }));
  assert.match(B.apply(data, () => true).message, /^import_mislukt_geblokkeerd\[/);
  const throwing = {};
  Object.defineProperty(throwing, "localStorage", { get() { const e = new Error("denied"); e.name = "SecurityError"; throw e; } });
  globalThis.window = throwing;
  reset(B);
  assert.match(B.apply(data, () => true).message, /^import_mislukt_geblokkeerd\[/, "a getter that throws is blocked");
  fresh(new FakeStorage(10));
  assert.match(B.apply(data, () => true).message, /^import_mislukt\[/, "a full storage keeps the 'full?' message");
});

test("one answer is singular (through the _1 words), more are plural", () => {
  fresh();
  reset(B, WORDS);
  const one = JSON.parse(file({ [SHEET]: { velden: { plan: { v: "x", t: 1 } } } }));
  const asked = [];
  assert.equal(B.apply(one, (q) => { asked.push(q); return true; }).message, "1 antwoord overgenomen uit het bestand.");
  assert.equal(asked[0], "Uit dit bestand komen 1 nieuw antwoord en 0 antwoorden die anders zijn.");
  const two = JSON.parse(file({ [SHEET]: { velden: { plan: { v: "y", t: 9e12 }, naam: { v: "z", t: 1 } } } }));
  asked.length = 0;
  assert.equal(B.apply(two, (q) => { asked.push(q); return true; }).message, "2 antwoorden overgenomen uit het bestand.");
  assert.equal(asked[0].split("\n")[0], "Uit dit bestand komen 1 nieuw antwoord en 1 antwoord dat anders is.");
  assert.equal(B.text("import_klaar", { n: 0 }), "0 antwoorden overgenomen uit het bestand.");
});

/* --- the bilingual walker's cases (2026-12-07): what a file would replace is named, in the page's words ------ */

test("an answer she emptied or unticked here is named as replaced by a file's older answer, not counted as new", () => {
  fresh();
  reset(B, Object.assign({ import_overschreven: "Vervangen:" }, WORDS));
  B.open(SHEET).set({ datum: ["maandag", "Datum"] });
  B.open(SHEET).set({ datum: ["", "Datum"] });                       /* she cleared it */
  const data = JSON.parse(file({ [SHEET]: { velden: { datum: { v: "maandag", t: 1, q: "Date" } } } }));
  const asked = [];
  B.apply(data, (q) => { asked.push(q); return false; });
  assert.equal(asked[0], "Uit dit bestand komen 0 nieuwe antwoorden en 1 antwoord dat anders is.\n\nVervangen:\n• Datum");
});

test("what a file replaces is named by the page's own question; answers that share a name are counted on one line", () => {
  fresh();
  reset(B, Object.assign({ import_overschreven: "Vervangen:", antwoorden_n: "{n} antwoorden" }, WORDS));
  B.open(SHEET).set({ a: ["1", "Question a in English"], b: ["2", "Question b"], c: ["3", "Question c"] });
  const data = JSON.parse(file({ [SHEET]: { velden: { a: { v: "x", t: 1 }, b: { v: "y", t: 1 }, c: { v: "z", t: 1 } } } }));
  const asked = [];
  B.apply(data, (q) => { asked.push(q); return false; }, (name, key) => (key === "a" ? "Vraag a" : "Werkblad: Plan"));
  assert.deepEqual(asked[0].split("\n").slice(3), ["• Vraag a", "• Werkblad: Plan (2 antwoorden)"]);
});

/* --- the words only a file and the reminder need live in bewaren-bestand.js (the circle explorer's budget) ---- */

test("every word of a file and of the reminder is there in Dutch and English, with the same blanks to fill in", () => {
  const blanks = (text) => (text.match(/\{\w+\}/g) || []).sort();
  assert.ok(Object.keys(B.WORDS).length >= 30);
  for (const [key, word] of Object.entries(B.WORDS)) {
    assert.deepEqual(Object.keys(word).sort(), ["en", "nl"], key);
    assert.ok(word.nl.trim() && word.en.trim(), key);
    assert.deepEqual(blanks(word.en), blanks(word.nl), key);
  }
  assert.equal(B.wordsIn("en").import_geen_json, B.WORDS.import_geen_json.en);
  assert.match(B.wordsIn("nl").herinnering, /sinds \{datum\}/);
});

test("a word lives in one place: none of bewaren-bestand.js's words is also in hooks/bewaren.yml", () => {
  const yml = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "hooks", "bewaren.yml"), "utf8");
  const inYaml = new Set([...yml.matchAll(/^\s*([a-z_0-9]+):/gm)].map((m) => m[1]));
  assert.deepEqual(Object.keys(B.WORDS).filter((key) => inYaml.has(key)), []);
  assert.ok(inYaml.has("knop_bewaar"), "the check reads the file's keys (its twin)");
});

test("after a file is taken over, a record whose every answer is in it counts as saved to a file on the file's day", () => {
  const storage = fresh();
  const made = Date.parse("2026-12-07T08:00:00Z");
  const data = () => JSON.parse(file({ [SHEET]: { velden: { naam: { v: "Anna", t: 1, q: "Naam" }, plan: { v: "bellen", t: 2 } } } }));
  assert.equal(B.apply(data(), () => true).ok, true);
  assert.deepEqual(B.savedAt(), { [SHEET]: made }, "restored from a file made on 7 December: in a file since then");
  // twin: an answer here that the file lacks keeps the record 'not yet saved to a file'
  storage.removeItem(I.SAVED);
  B.open(SHEET).set({ datum: ["maandag", "Datum"] });
  assert.match(B.apply(data(), () => true).message, /^import_niets/);
  assert.deepEqual(B.savedAt(), {}, "the file lacks 'datum': not all of it is in a file");
  // a file from the future (a wrong clock) counts as made now; an earlier save note that is newer stays
  fresh();
  const later = JSON.parse(file({ [SHEET]: { velden: { naam: { v: "Anna", t: 1 } } } }, { gemaakt: "2099-01-01T00:00:00Z" }));
  const before = Date.now();
  B.apply(later, () => true);
  assert.ok(B.savedAt()[SHEET] >= before && B.savedAt()[SHEET] <= Date.now(), "never later than now");
});
