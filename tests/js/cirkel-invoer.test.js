/* cirkel.js: the self-reflection's import rule (prober case C01, 2026-12-07): a slider value is refused on
   import unless it fits the slider's min, max and step, as the page has them. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, file, reset } = require("./helpers.js");

const B = script("bewaren-bestand.js");
const C = script("cirkel.js");
const NAME = "reflectie:nl:cirkel";

test("fits: whole steps between min and max, written as digits", () => {
  const slider = { min: 0, max: 10, step: 1 };
  for (const v of ["0", "7", "10", 3]) assert.equal(C.fits(v, slider), true, String(v));
  for (const v of ["11", "-5", "abc", "1e9", "5.5", "", " 5", "0x5", 5.5, Infinity, null, true]) {
    assert.equal(C.fits(v, slider), false, String(v));
  }
  assert.equal(C.fits("5.5", { min: 0, max: 10, step: 0.5 }), true, "the page's step counts");
  assert.equal(C.fits("4", { min: 0, max: 10, step: 2 }), true);
  assert.equal(C.fits("3", { min: 0, max: 10, step: 2 }), false);
});

test("C01: a file with a slider value out of range is refused, named; the page's own limits are used", () => {
  browserWith(new FakeStorage());
  reset(B);
  B.rule("reflectie", C.unknownReflection({ "nu:leidend": { min: 0, max: 5, step: 1 } }));
  for (const v of ["11", "-5", "abc", "1e9", "5.5", "6"]) {
    const bad = file({ [NAME]: { velden: { "nu:leidend": { v, t: 1 }, notitie: { v: "goed", t: 1 } } } });
    assert.match(B.check(bad, bad.length).error || "", /reden_waarde\[.*<naam=reflectie:nl:cirkel><sleutel=nu:leidend>/, v);
  }
  const other = file({ [NAME]: { velden: { "gewenst:helpend": { v: "11", t: 1 } } } });
  assert.match(B.check(other, other.length).error || "", /<sleutel=gewenst:helpend>/, "not on the page: the template's 0 to 10");
  const unknown = file({ [NAME]: { velden: { extra: { v: "3", t: 1 } } } });
  assert.ok(B.check(unknown, unknown.length).error, "a field the reflection does not have");
  const good = file({ [NAME]: { velden: { "nu:leidend": { v: "5", t: 1 }, "gewenst:helpend": { v: "10", t: 1 },
                                         notitie: { v: "1e9 <script>", t: 1 } } } });
  assert.ok(B.check(good, good.length).data);
});
