/* werkbladen.js: carrying the first format (v1: per page path, fields by position) over to a sheet's record, as
   the page does once on load (the browser test in tests/browser/test_bewaren.py keeps one such load). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const W = script("werkbladen.js");
const FIELDS = {
  "blad-naam": { name: "naam", question: "Naam" },
  "blad-1-1": { name: "checklist:voorbereiding:0", question: "Noteer het verloop" },
  "blad-2-8": { name: "schaal:cijfer", question: "Welk cijfer?", radio: "8" },
  "blad-2-7": { name: "schaal:cijfer", question: "Welk cijfer?", radio: "7" },
};
const field = (id) => FIELDS[id] || null;
const OWN = "werkbladen:v1:nl:/usb/aan-de-slag/blad.html#blad";
const ALL = "werkbladen:v1:nl:/usb/aan-de-slag/alle-werkbladen.html#blad";

test("texts, ticks and a chosen radio move to their fields, with the field's question", () => {
  const changes = W.v1Changes([[OWN, { "blad-naam": "Juf Anna", "blad-1-1": true, "blad-2-8": true, "blad-2-7": false }]],
                              field, () => undefined);
  assert.deepEqual(changes, { naam: ["Juf Anna", "Naam"], "checklist:voorbereiding:0": [true, "Noteer het verloop"],
                              "schaal:cijfer": ["8", "Welk cijfer?"] });
});

test("an answer with no field here is kept without a question; empty ones and objects are no answers", () => {
  const changes = W.v1Changes([[OWN, { "blad-9": "Oud antwoord", "blad-10": "", "blad-11": false, "blad-naam": { x: 1 } }]],
                              field, () => undefined);
  assert.deepEqual(changes, { [`v1:${OWN}:blad-9`]: ["Oud antwoord", ""] });
});

test("an answer the record already has is left; a different one is kept beside it, the own page first", () => {
  const current = (name) => (name === "naam" ? "Juf Anna" : undefined);
  assert.deepEqual(W.v1Changes([[OWN, { "blad-naam": "Juf Anna" }]], field, current), {});
  assert.deepEqual(W.v1Changes([[OWN, { "blad-naam": "Anna B." }]], field, current),
                   { [`v1:${OWN}:blad-naam`]: ["Anna B.", "Naam"] });
  const both = W.v1Changes([[OWN, { "blad-1-1": true }], [ALL, { "blad-1-1": true, "blad-naam": "Bea" }]],
                           field, () => undefined);
  assert.deepEqual(both, { "checklist:voorbereiding:0": [true, "Noteer het verloop"], naam: ["Bea", "Naam"] },
                   "the same tick on the print-all page is no second answer");
});
