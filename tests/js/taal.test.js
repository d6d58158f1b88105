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
