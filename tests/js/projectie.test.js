/* projectie-dia.js: cutting a section that is taller than the screen into steps (the part that measures
   nothing: "fits" is given). A part is {tagName, h}; a screen holds height 10. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const P = script("projectie-dia.js");

const part = (tagName, h = 1, children = []) => ({ tagName, h, children, name: `${tagName}/${h}` });
const fits = (parts) => parts.reduce((sum, p) => sum + p.h, 0) <= 10;
const options = { past: fits, kanOpen: (p) => p.children.length > 0, openen: (p) => p.children };
const names = (steps) => steps.map((step) => step.map((p) => p.name));

test("parts that fit together make one step", () => {
  assert.deepEqual(names(P.verdeelStappen([part("H2"), part("P", 3), part("P", 3)], options)), [["H2/1", "P/3", "P/3"]]);
});

test("every sub-heading of the highest level starts a step; the H2 and its intro take the first one along", () => {
  const parts = [part("H2"), part("P", 2), part("H3"), part("P", 2), part("H3"), part("P", 2), part("H4"), part("P", 1)];
  assert.deepEqual(names(P.verdeelStappen(parts, options)),
                   [["H2/1", "P/2", "H3/1", "P/2"], ["H3/1", "P/2", "H4/1", "P/1"]]);
  assert.equal(P.kopNiveau(parts), 3);
  assert.equal(P.kopNiveau([part("H2"), part("P")]), 0);
});

test("parts join while they fit, and a heading never ends a step", () => {
  const parts = [part("H2"), part("H3"), part("P", 3), part("P", 4), part("H4"), part("P", 6)];
  assert.deepEqual(names(P.verdeelStappen(parts, options)), [["H2/1", "H3/1", "P/3", "P/4"], ["H4/1", "P/6"]]);
});

test("a heading with a box too tall to join it opens the box into its parts", () => {
  const box = { ...part("DIV", 14, [part("P", 5), part("P", 5), part("P", 4)]), name: "box" };
  assert.deepEqual(names(P.verdeelStappen([part("H2"), box], options)), [["H2/1", "P/5"], ["P/5", "P/4"]]);
});

test("a part taller than the screen on its own gets a step of its own", () => {
  const parts = [part("H2"), part("P", 2), part("FIGURE", 15), part("P", 2)];
  assert.deepEqual(names(P.verdeelStappen(parts, options)), [["H2/1", "P/2"], ["FIGURE/15"], ["P/2"]]);
});
