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
  storage.setItem(B.intern.PREFIX + NAME, JSON.stringify({ velden }));
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
