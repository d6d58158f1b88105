/* werkbladen.js: how high a text box grows with its answer (issue 22: boxes did not grow). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const W = script("werkbladen.js");

test("a box keeps its own lines while the answer is shorter", () => {
  assert.deepEqual(W.fitHeight(40, 114, 900), { height: 114, scroll: false });
});

test("a box grows with a longer answer, to whole pixels, without a scrollbar", () => {
  assert.deepEqual(W.fitHeight(300.4, 114, 900), { height: 301, scroll: false });
  assert.deepEqual(W.fitHeight(900, 114, 900), { height: 900, scroll: false });
});

test("beyond its most a box stops growing and scrolls, visibly", () => {
  assert.deepEqual(W.fitHeight(2000, 114, 900), { height: 900, scroll: true });
});

/* --- issue 22: an English field's old key (its text's, before December 2026) moves to its question --------- */

const { FakeStorage, browserWith, file, reset } = require("./helpers.js");
const B = script("bewaren-bestand.js");   // bewaren.js with its file part (W uses the same module)

/* as hooks/werkblad_sleutels.py writes data-oude-sleutels for herstelgesprek-voorbereiden */
const MOVED = {
  "vraag:what-happened": "vraag:wat-is-er-gebeurd",
  "tabel:agreements": "tabel:afspraken",                       // a table's own key: a prefix of its columns'
  "tabel:agreements:who": "tabel:afspraken:wie",
  "schaal:how-tense-was-it": "schaal:hoe-gespannen-was-het",
  "dagen:days": "dagen:dagen",
};

test("an old key gives its key now, with its row's, day's or why's suffix; the longest old key wins", () => {
  assert.equal(W.movedKey("vraag:what-happened", MOVED), "vraag:wat-is-er-gebeurd");
  assert.equal(W.movedKey("tabel:agreements:who:r2", MOVED), "tabel:afspraken:wie:r2");
  assert.equal(W.movedKey("schaal:how-tense-was-it:waarom", MOVED), "schaal:hoe-gespannen-was-het:waarom");
  assert.equal(W.movedKey("dagen:days:datum:d3", MOVED), "dagen:dagen:datum:d3");
});

test("the form's old keys are read from 'old>now' pairs; a damaged pair is skipped, no attribute is no map", () => {
  assert.deepEqual(W.movedOf({ dataset: { oudeSleutels: "vraag:what-happened>vraag:wat-is-er-gebeurd tabel:a>tabel:b" } }),
                   { "vraag:what-happened": "vraag:wat-is-er-gebeurd", "tabel:a": "tabel:b" });
  assert.deepEqual(W.movedOf({ dataset: { oudeSleutels: "kapot a>b>c >x y>" } }), {});
  assert.deepEqual(W.movedOf({ dataset: {} }), {});
});

test("a key that only starts like an old one, a key now and the name fields are not moved", () => {
  assert.equal(W.movedKey("vraag:what-happened-next", MOVED), undefined);
  assert.equal(W.movedKey("vraag:wat-is-er-gebeurd", MOVED), undefined);
  assert.equal(W.movedKey("naam", MOVED), undefined);
  assert.equal(W.movedKey("vraag:what-happened", {}), undefined);
});

test("an answer under an old key moves to its question, and the old entry is cleared in the same write", () => {
  const changes = W.moveChanges({ "vraag:what-happened": { v: "A fight at break", t: 5, q: "What happened?" },
                                  "tabel:agreements:who:r1": { v: "Sam", t: 5, q: "Who, row 1" } }, MOVED);
  assert.deepEqual(changes, {
    "vraag:what-happened": [null, "What happened?"], "vraag:wat-is-er-gebeurd": ["A fight at break", "What happened?"],
    "tabel:agreements:who:r1": [null, "Who, row 1"], "tabel:afspraken:wie:r1": ["Sam", "Who, row 1"] });
});

test("the same answer under both keys: only the old entry is cleared", () => {
  assert.deepEqual(W.moveChanges({ "vraag:what-happened": { v: "Ruzie", t: 9, q: "What happened?" },
                                   "vraag:wat-is-er-gebeurd": { v: "Ruzie", t: 5, q: "Wat is er gebeurd?" } }, MOVED),
                   { "vraag:what-happened": [null, "What happened?"] });
});

test("two different answers: the one at the question stays, the old one is kept beside it as an answer without a question", () => {
  const dutch = { v: "Ruzie in de pauze", t: 5, q: "Wat is er gebeurd?" };
  for (const t of [1, 9]) {   // older or newer: the question's answer stays where the teacher (or the team view) put it
    assert.deepEqual(W.moveChanges({ "vraag:what-happened": { v: "A fight", t, q: "What happened?" },
                                     "vraag:wat-is-er-gebeurd": dutch }, MOVED),
                     { "vraag:what-happened": [null, "What happened?"], "v3:vraag:what-happened": ["A fight", "What happened?"] });
  }
});

test("cleared entries, unticked boxes and entries that are no answer are left as they are", () => {
  assert.deepEqual(W.moveChanges({ "vraag:what-happened": { v: null, t: 5 },
                                   "tabel:agreements:who:r1": { v: false, t: 5 },
                                   "dagen:days:gedaan:d1": { v: { x: 1 }, t: 5 } }, MOVED), {});
});

function stored(storage, name) { return JSON.parse(storage.getItem(B.intern.PREFIX + name)); }

test("moved once and stored: the page opened again finds the answer at its question and nothing left to move", () => {
  const storage = browserWith(new FakeStorage());
  reset(B);
  const record = B.open("werkblad:en:herstel");
  record.set({ "vraag:what-happened": ["A fight", "What happened?"], "dagen:days:gedaan:d2": [true, "Day 2 done"] });
  assert.equal(record.set(W.moveChanges(record.data.velden, MOVED)), "");
  reset(B);
  const again = B.open("werkblad:nl:herstel");
  assert.equal(again.get("vraag:wat-is-er-gebeurd"), "A fight");
  assert.equal(again.get("dagen:dagen:gedaan:d2"), true);
  assert.equal(stored(storage, "werkblad:herstel").velden["vraag:what-happened"].v, null, "a dated empty entry");
  assert.deepEqual(W.moveChanges(again.data.velden, MOVED), {}, "a second time: nothing to move");
});

test("a version-3 file with old English keys, restored, brings the answer to its question", () => {
  const storage = browserWith(new FakeStorage());
  reset(B);
  const record = B.open("werkblad:nl:herstel");
  const data = JSON.parse(file({ "werkblad:herstel": { velden: {
    "vraag:what-happened": { v: "A fight", t: 5, q: "What happened?" } } } }, { versie: 3 }));
  assert.equal(B.apply(data, () => true).ok, true);
  assert.equal(record.set(W.moveChanges(record.data.velden, MOVED)), "");
  assert.equal(record.get("vraag:wat-is-er-gebeurd"), "A fight");
  assert.equal(stored(storage, "werkblad:herstel").velden["vraag:wat-is-er-gebeurd"].v, "A fight");
});
