/* Carrying over the first storage format (v1) of the worksheets (werkbladen.js) and the self-reflection
   (cirkel.js): one unreadable key does not stop a good one, a value that is a JSON text is no set of answers. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const B = script("bewaren.js");
const W = script("werkbladen.js");
const C = script("cirkel.js");

const KEY = "werkbladen:v1:nl:/usb/aan-de-slag/herstel.html#werkblad-herstel";
const FIELDS = {
  "werkblad-herstel-naam": { name: "naam", question: "Naam" },
  "werkblad-herstel-cijfer-7": { name: "cijfer", question: "Welk cijfer?", radio: "7" },
  "werkblad-herstel-cijfer-8": { name: "cijfer", question: "Welk cijfer?", radio: "8" },
};
const field = (id) => (Object.prototype.hasOwnProperty.call(FIELDS, id) ? FIELDS[id] : null);
const nothing = () => undefined;

test("worksheet v1: answers move to their fields, a ticked radio button to its value", () => {
  const old = B.oldValues(JSON.stringify({ "werkblad-herstel-naam": "Juf Anna", "werkblad-herstel-cijfer-7": false,
                                           "werkblad-herstel-cijfer-8": true }));
  assert.deepEqual(W.v1Changes([[KEY, old]], field, nothing), { naam: ["Juf Anna", "Naam"], cijfer: ["8", "Welk cijfer?"] });
});

test("worksheet v1: an answer whose field is gone, or that differs from the one there, is kept without a question", () => {
  const own = [KEY, { "werkblad-herstel-naam": "Juf Anna", "werkblad-weg": "oude tekst" }];
  const all = ["werkbladen:v1:nl:/usb/aan-de-slag/alle-werkbladen.html#werkblad-herstel", { "werkblad-herstel-naam": "Anna" }];
  assert.deepEqual(W.v1Changes([own, all], field, nothing), {
    naam: ["Juf Anna", "Naam"],
    [`v1:${KEY}:werkblad-weg`]: ["oude tekst", ""],
    [`v1:${all[0]}:werkblad-herstel-naam`]: ["Anna", "Naam"],
  });
  assert.deepEqual(W.v1Changes([own], field, (name) => (name === "naam" ? "Juf Anna" : undefined)),
                   { [`v1:${KEY}:werkblad-weg`]: ["oude tekst", ""] }, "the same answer is not kept twice");
});

test("worksheet v1: a value that is a JSON text or list is not split into one-letter answers", () => {
  for (const raw of [JSON.stringify("Juf Anna"), JSON.stringify(["a", "b"]), "{kapot", "null"]) {
    assert.equal(B.oldValues(raw), null, raw);
  }
  const odd = [KEY, { "werkblad-herstel-naam": { genest: "x" }, "werkblad-x": [1, 2], "werkblad-y": null }];
  assert.deepEqual(W.v1Changes([odd], field, nothing), {});
});

/** A slider as cirkel.js reads it: its data attributes. */
const slider = (profiel, sector) => ({ dataset: { profiel, sector, sleutel: `${profiel}:${sector}` } });
const SLIDERS = [slider("nu", "leidend"), slider("gewenst", "leidend")];
const asked = (s) => (s.dataset.profiel === "nu" ? "Nu · leidend" : "Gewenst · leidend");

test("self-reflection v1: an unreadable key is skipped and the readable one carried over", () => {
  const olds = ["{kapot", JSON.stringify({ nu: { leidend: 6 }, gewenst: { leidend: 8 }, notitie: "Meer rust" })]
    .map(B.oldValues).filter(Boolean);
  assert.deepEqual(C.v1Changes(olds, SLIDERS, asked, "Notitie"), {
    "nu:leidend": ["6", "Nu · leidend"], "gewenst:leidend": ["8", "Gewenst · leidend"], notitie: ["Meer rust", "Notitie"],
  });
});

test("self-reflection v1: values that are no number from 1 to 10 are left out", () => {
  const olds = [{ nu: "leidend", gewenst: { leidend: 11 }, notitie: 5 }, { nu: { leidend: "7" } }, { nu: { leidend: 0 } }];
  assert.deepEqual(C.v1Changes(olds, SLIDERS, asked, "Notitie"), {});
});

test("the tally's ratio: nothing, only positive, and rounded to one decimal", () => {
  assert.equal(W.ratio(0, 0, "nl"), "");
  assert.equal(W.ratio(4, 0, "nl"), "4 : 0");
  assert.equal(W.ratio(10, 3, "en"), "3.3 : 1");
  assert.equal(W.count({ value: "-2" }), 0);
  assert.equal(W.count({ value: "12 keer" }), 12);
});

test("a sector's wedge is written as hooks/cirkel.py writes it", () => {
  const g = { cx: 100, cy: 100, r: 80 };
  assert.equal(C.wedge(0, 80, g), "M100 100L100 20A80 80 0 0 1 156.57 43.43Z");
  assert.equal(C.profilePath({ a: 5, b: 0 }, ["a", "b"], g), "M100 100L100 60A40 40 0 0 1 128.28 71.72Z");
});
