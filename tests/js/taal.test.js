/* taal.js: the one template fill of the site's scripts (interface words with {name} places). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const { format } = script("taal.js");

test("places are filled in, as often as they occur, with numbers as text", () => {
  assert.equal(format("{n} van {m}; nog {n}", { n: 2, m: 10 }), "2 van 10; nog 2");
});

test("a place without a value stays, and nothing comes from Object.prototype", () => {
  assert.equal(format("Van: {namen} {constructor} {toString}", {}), "Van: {namen} {constructor} {toString}");
  assert.equal(format("{a}", { a: undefined }), "{a}");
  assert.equal(format("{a}", null), "{a}");
});

test("a missing text is empty, and a value is never read as a pattern", () => {
  assert.equal(format(undefined, { n: 1 }), "");
  assert.equal(format("{x}", { x: "$& {y} $1" }), "$& {y} $1");
});

test("text: a count of one takes the singular '<key>_1' when there is one; other counts, and no count, the plain text", () => {
  const { text } = script("taal.js");
  const words = { bestanden: "{n} bestanden", bestanden_1: "1 bestand", regels: "{n} regels" };
  assert.equal(text(words, "bestanden", { n: 1 }), "1 bestand");
  assert.equal(text(words, "bestanden", { n: 0 }), "0 bestanden");
  assert.equal(text(words, "bestanden", { n: 2 }), "2 bestanden");
  assert.equal(text(words, "bestanden_1", {}), "1 bestand");
  assert.equal(text(words, "regels", { n: 1 }), "1 regels", "no singular written: the editor adds regels_1");
  assert.equal(text(words, "onbekend", { n: 1 }), "onbekend");
  assert.equal(text(null, "toString", { n: 1 }), "toString");
});
