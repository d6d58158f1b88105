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
