/* toets.js: the score of a self-test, and verdicts this version does not know (issue 21 point 5). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, SELF_NAMING, file, reset } = require("./helpers.js");

const B = script("bewaren-bestand.js");   // bewaren.js with its file part
const T = script("toets.js");
const NAME = "toets:nl:hoofdstuk-2";
const SPEC = [["k1", "b"], ["k2", "c"], ["o1", null], ["o2", null], ["o3", null]];

function withAnswers(velden) {
  const storage = browserWith(new FakeStorage());
  reset(B);
  storage.setItem(B.intern.PREFIX + B.canonical(NAME), JSON.stringify({ velden }));
  return B.open(NAME);
}

test("the score counts right choices and the student's own verdicts on open questions", () => {
  const record = withAnswers({ k1: { v: "b", t: 1 }, k2: { v: "a", t: 1 }, o1: { v: "mijn tekst", t: 1 },
                               "o1:oordeel": { v: "goed", t: 1 }, "o2:oordeel": { v: "deels", t: 1 } });
  assert.deepEqual(T.score(record, SPEC), { beantwoord: 4, goed: 2, deels: 1, totaal: 5 });
});

test("an unknown verdict in storage counts as not yet judged and stays stored, untouched", () => {
  const record = withAnswers({ "o1:oordeel": { v: "bijna goed", t: 1 }, "o2:oordeel": { v: "goed", t: 1 },
                               "o3:oordeel": { v: 7, t: 1 } });
  assert.deepEqual(T.score(record, SPEC), { beantwoord: 1, goed: 1, deels: 0, totaal: 5 });
  assert.equal(T.verdictOf(record, "o1"), undefined);
  assert.equal(T.verdictOf(record, "o2"), "goed");
  assert.equal(record.data.velden["o1:oordeel"].v, "bijna goed", "kept aside in storage, not dropped");
});

test("a file with an unknown verdict is refused on import with the answer named; known verdicts pass", () => {
  withAnswers({});
  B.rule("toets", T.unknownVerdict);
  const bad = file({ [NAME]: { velden: { "o1:oordeel": { v: "supergoed", t: 1 }, o1: { v: "tekst", t: 1 } } } });
  assert.match(B.check(bad, bad.length).error, /reden_waarde\[.*<naam=toets:nl:hoofdstuk-2><sleutel=o1:oordeel>/);
  const good = file({ [NAME]: { velden: { "o1:oordeel": { v: "fout", t: 1 }, k1: { v: "anything a choice is", t: 1 } } } });
  assert.ok(B.check(good, good.length).data);
  assert.equal(T.unknownVerdict("k1", "x"), false, "only verdicts have a fixed set of values");
});

test("the score line: not started, correct only, and with partly correct answers", () => {
  const words = { score_leeg: "Nog niet begonnen.", score: "{beantwoord} van {totaal}: {goed} goed.",
                  score_deels: "{beantwoord} van {totaal}: {goed} goed, {deels} deels." };
  assert.equal(T.scoreText(words, { beantwoord: 0, goed: 0, deels: 0, totaal: 5 }), "Nog niet begonnen.");
  assert.equal(T.scoreText(words, { beantwoord: 2, goed: 1, deels: 0, totaal: 5 }), "2 van 5: 1 goed.");
  assert.equal(T.scoreText(words, { beantwoord: 3, goed: 1, deels: 1, totaal: 5 }), "3 van 5: 1 goed, 1 deels.");
});

/* --- issue 22: the order of the choices per attempt, practising what was wrong, the overview ------------ */

/** A source of numbers that plays back the list given (and then starts over): an injected Math.random. */
function playback(numbers) {
  let i = 0;
  return () => numbers[i++ % numbers.length];
}

test("the shuffle is Fisher-Yates on the injected random source: the same numbers give the same order", () => {
  assert.deepEqual(T.shuffle(["a", "b", "c", "d"], playback([0, 0, 0])), ["b", "c", "d", "a"]);
  assert.deepEqual(T.shuffle(["a", "b", "c", "d"], playback([0.99, 0.99, 0.99])), ["a", "b", "c", "d"]);
  assert.deepEqual(T.shuffle(["a", "b", "c"], playback([0.5, 0])), ["c", "a", "b"]);   // swap 2↔1, then 1↔0
  const list = ["a", "b", "c"];
  T.shuffle(list, playback([0]));
  assert.deepEqual(list, ["a", "b", "c"], "the list itself is left as it was");
  const r1 = T.randomFrom(42), r2 = T.randomFrom(42);
  const a = [r1(), r1(), r1()], b = [r2(), r2(), r2()];
  assert.deepEqual(a, b);
  assert.ok(a.every((x) => x >= 0 && x < 1) && new Set(a).size === 3);
});

test("an attempt's order is kept for its seed (a reload) and differs between seeds (a new attempt)", () => {
  assert.deepEqual(T.orderOf("123", "drie-dimensies", 4), T.orderOf("123", "drie-dimensies", 4));
  assert.deepEqual([...T.orderOf("123", "q", 4)].sort(), [0, 1, 2, 3], "every choice once");
  const orders = new Set();
  for (let seed = 0; seed < 60; seed++) orders.add(T.orderOf(String(seed), "q", 3).join(""));
  assert.equal(orders.size, 6, "all six orders of three choices occur");
  assert.notDeepEqual(T.orderOf("1", "a", 4), T.orderOf("1", "b", 4), "each question its own order");
  // a new attempt never shows every question in the same order as the last one, whatever random() says
  const questions = [["q1", 2], ["q2", 2]];
  const same = (x, y) => questions.every(([id, n]) => T.orderOf(x, id, n).join() === T.orderOf(y, id, n).join());
  let previous = T.newSeed(playback([0.1]), null, questions);
  for (let i = 0; i < 30; i++) {
    const next = T.newSeed(Math.random, previous, questions);
    assert.ok(!same(next, previous), `attempt ${i}: a new order`);
    previous = next;
  }
});

test("the score does not depend on the order shown: an answer is the choice's text, not its place", () => {
  const choices = ["Nabijheid, conflict en afhankelijkheid", "Relatie, autonomie en competentie", "Twee"];
  const spec = [["k1", choices[0]]];
  for (const seed of ["1", "2", "3", "4"]) {
    const shown = T.orderOf(seed, "k1", 3).map((place) => choices[place]);
    const right = withAnswers({ k1: { v: shown[shown.indexOf(choices[0])], t: 1 } });
    assert.deepEqual(T.score(right, spec), { beantwoord: 1, goed: 1, deels: 0, totaal: 1 }, seed);
    const other = shown.find((text) => text !== choices[0]);
    assert.equal(T.score(withAnswers({ k1: { v: other, t: 1 } }), spec).goed, 0, seed);
  }
});

test("practising takes the wrong choices and the open answers marked partly or not correct, nothing else", () => {
  const record = withAnswers({ k1: { v: "b", t: 1 }, k2: { v: "a", t: 1 }, o1: { v: "tekst", t: 1 },
                               "o1:oordeel": { v: "goed", t: 1 }, "o2:oordeel": { v: "deels", t: 1 },
                               "o3:oordeel": { v: "fout", t: 1 } });
  assert.deepEqual(T.wrong(record, SPEC), ["k2", "o2", "o3"]);
  assert.deepEqual(T.wrong(withAnswers({}), SPEC), [], "nothing answered: nothing to practise");
  assert.deepEqual(T.wrong(withAnswers({ o1: { v: "tekst zonder oordeel", t: 1 }, "o2:oordeel": { v: "bijna", t: 1 } }), SPEC),
                   [], "an open answer not yet marked (or marked in a way this version does not know) is not wrong");
  assert.deepEqual(T.wrong(withAnswers({ k1: { v: "een keuze die niet meer bestaat", t: 1 } }), SPEC), ["k1"]);
});

test("the overview: done, in progress or not started; the score; the sections the wrong answers point to", () => {
  const sections = [["k1", "o1"], ["k2"], ["o2", "o3"]];
  assert.deepEqual(T.summary(withAnswers({}), SPEC, sections),
                   { stand: "", score: { beantwoord: 0, goed: 0, deels: 0, totaal: 5 }, nalezen: [] });
  const busy = T.summary(withAnswers({ k1: { v: "b", t: 1 }, k2: { v: "x", t: 1 } }), SPEC, sections);
  assert.deepEqual([busy.stand, busy.score.goed, busy.nalezen], ["bezig", 1, [1]]);
  const done = T.summary(withAnswers({ k1: { v: "a", t: 1 }, k2: { v: "c", t: 1 }, "o1:oordeel": { v: "goed", t: 1 },
                                       "o2:oordeel": { v: "goed", t: 1 }, "o3:oordeel": { v: "deels", t: 1 } }),
                         SPEC, sections);
  assert.deepEqual([done.stand, done.score.goed, done.score.deels, done.nalezen], ["klaar", 3, 1, [0, 2]]);
  assert.equal(T.stand({ beantwoord: 5, totaal: 5 }), "klaar");
});

/* --- issue 22: a choice is kept as its id; an answer kept as a choice's text (either language) still counts ---- */

const NL_RIGHT = "Met het leren van alle namen", EN_RIGHT = "With learning all their names";
const NL_WRONG = "Met een toets om hun niveau te bepalen", EN_WRONG = "With a test to find out their level";
/* the overview's spec (hooks/toets.py spec_of): the correct choice's id and the hashes of its texts */
const IDS = [["eerste-stap", "2", { [T.textHash(NL_RIGHT)]: "2", [T.textHash(EN_RIGHT)]: "2" }], ["open", null]];

test("a text's hash is the one hooks/toets.py writes into the page, also beyond plain ASCII", () => {
  assert.equal(T.textHash(NL_RIGHT), "72aa8852");                  // tests/unit/test_toets.py: the same numbers
  assert.equal(T.textHash("naïef 😀 ×"), "e1c0912");
});

test("the score counts a choice kept as its id", () => {
  assert.deepEqual(T.score(withAnswers({ "eerste-stap": { v: "2", t: 1 } }), IDS), { beantwoord: 1, goed: 1, deels: 0, totaal: 2 });
  assert.deepEqual(T.score(withAnswers({ "eerste-stap": { v: "1", t: 1 } }), IDS), { beantwoord: 1, goed: 0, deels: 0, totaal: 2 });
});

test("a correct choice kept as its Dutch or its English text by an earlier version still counts as correct", () => {
  for (const old of [NL_RIGHT, EN_RIGHT]) {
    const record = withAnswers({ "eerste-stap": { v: old, t: 1 } });
    assert.deepEqual(T.score(record, IDS), { beantwoord: 1, goed: 1, deels: 0, totaal: 2 }, old);
    assert.deepEqual(T.wrong(record, IDS), [], old);
    assert.equal(record.get("eerste-stap"), old, "read, not rewritten");
  }
});

test("a wrong choice kept as its text, in either language, counts as answered and wrong, and is practised", () => {
  for (const old of [NL_WRONG, EN_WRONG, "a text no choice has"]) {
    const record = withAnswers({ "eerste-stap": { v: old, t: 1 } });
    assert.deepEqual(T.score(record, IDS), { beantwoord: 1, goed: 0, deels: 0, totaal: 2 }, old);
    assert.deepEqual(T.wrong(record, IDS), ["eerste-stap"], old);
  }
});

test("the chapter overview reads old English texts on the Dutch list: done, score and what to reread", () => {
  const record = withAnswers({ "eerste-stap": { v: EN_WRONG, t: 1 }, "open:oordeel": { v: "goed", t: 1 } });
  assert.deepEqual(T.summary(record, IDS, [["eerste-stap"], ["open"]]),
                   { stand: "klaar", score: { beantwoord: 2, goed: 1, deels: 0, totaal: 2 }, nalezen: [0] });
});

test("an old text becomes the id of its choice; an id, a missing answer and an unknown text stay as they are", () => {
  const olds = { [T.textHash(NL_WRONG)]: "1", [T.textHash(EN_WRONG)]: "1", [T.textHash(NL_RIGHT)]: "2" };
  assert.equal(T.choiceId(EN_WRONG, olds), "1");
  assert.equal(T.choiceId(NL_RIGHT, olds), "2");
  assert.equal(T.choiceId("3", olds), "3");
  assert.equal(T.choiceId(undefined, olds), undefined);
  assert.equal(T.choiceId("iets anders", olds), "iets anders");
  assert.equal(T.choiceId("toString", olds), "toString", "no inherited property is taken for an id");
});
