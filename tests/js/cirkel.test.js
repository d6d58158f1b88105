/* cirkel-momenten.js: snapshots of the self-reflection kept in its record and listed newest first
   (issue 22: "now" could never be compared with later). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script } = require("./helpers.js");

const M = script("cirkel-momenten.js");
const C = script("cirkel.js");
const ORDER = ["leidend", "helpend", "begrijpend", "inschikkelijk", "onzeker", "ontevreden", "confronterend", "streng"];

test("a snapshot's key is its local date, as bewaren.js keeps fields: moment:YYYY-MM-DD", () => {
  assert.equal(M.momentKey(new Date(2026, 11, 7, 23, 59)), "moment:2026-12-07");
  assert.equal(M.momentKey(new Date(2027, 0, 5)), "moment:2027-01-05");
});

test("a snapshot keeps both profiles for every sector and reads back the same", () => {
  const text = M.momentValue({ leidend: 3, streng: "7" }, { helpend: 9 }, ORDER);
  const back = M.readMoment(text, ORDER);
  assert.equal(back.nu.leidend, 3);
  assert.equal(back.nu.streng, 7);
  assert.equal(back.nu.onzeker, 0);
  assert.equal(back.gewenst.helpend, 9);
  assert.deepEqual(Object.keys(back.nu), ORDER);
});

test("a snapshot that cannot be read is left out; values out of range count as 0", () => {
  assert.equal(M.readMoment("{kapot", ORDER), null);
  assert.equal(M.readMoment('{"nu": 3}', ORDER), null);
  assert.equal(M.readMoment('"tekst"', ORDER), null);
  const odd = M.readMoment('{"nu": {"leidend": 99, "helpend": -1, "x": 5}, "gewenst": {}}', ORDER);
  assert.equal(odd.nu.leidend, 0);
  assert.equal(odd.nu.helpend, 0);
  assert.equal(odd.nu.x, undefined);
});

test("the list holds only snapshots, newest first, and skips other answers and odd keys", () => {
  const good = M.momentValue({ leidend: 5 }, {}, ORDER);
  const entries = [
    { key: "nu:leidend", v: "4" },
    { key: "moment:2026-11-07", v: good },
    { key: "notitie", v: "Vaker doorvragen." },
    { key: "moment:2026-12-07", v: good },
    { key: "moment:gisteren", v: good },
    { key: "moment:2026-10-01", v: "{kapot" },
  ];
  const list = M.momentList(entries, ORDER);
  assert.deepEqual(list.map((m) => m.datum), ["2026-12-07", "2026-11-07"]);
  assert.equal(list[1].key, "moment:2026-11-07");
  assert.equal(list[1].nu.leidend, 5);
});

test("a snapshot's outline is drawn as today's profile is: the same wedges", () => {
  const g = { cx: 200, cy: 200, r: 150 };
  const snapshot = M.readMoment(M.momentValue({ leidend: 5, onzeker: 10 }, {}, ORDER), ORDER);
  assert.equal(C.profilePath(snapshot.nu, ORDER, g), C.profilePath({ leidend: 5, onzeker: 10 }, ORDER, g));
  assert.match(C.profilePath(snapshot.nu, ORDER, g), /^M200 200L/);
});
