/* werkbladen.js: the tally's arithmetic (moved down from tests/browser/test_werkbladen.py, which keeps one tally
   on a page): what a field counts as, and the ratio written as the page's language writes a number. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const W = script("werkbladen.js");

test("a tally field counts whole numbers; empty, negative or no number counts as 0", () => {
  assert.equal(W.count({ value: "3" }), 3);
  assert.equal(W.count({ value: "12 keer" }), 12);
  for (const value of ["", "-1", "abc"]) assert.equal(W.count({ value }), 0, value);
});

test("the ratio: nothing counted is empty, none negative is n : 0, otherwise rounded to one decimal : 1", () => {
  assert.equal(W.ratio(0, 0, "nl"), "");
  assert.equal(W.ratio(2, 0, "nl"), "2 : 0");
  assert.equal(W.ratio(3, 1, "nl"), "3 : 1");
  assert.equal(W.ratio(3, 2, "nl"), "1,5 : 1", "a Dutch decimal comma");
  assert.equal(W.ratio(3, 2, "en"), "1.5 : 1", "an English decimal point");
  assert.equal(W.ratio(10, 3, "nl"), "3,3 : 1");
  assert.equal(W.ratio(0, 4, "nl"), "0 : 1");
});
