// The logic of docs/assets/javascripts/begrippen.js and begrippen-uitleg.js (tap for a definition), without a browser:
// node --test tests/js/begrippen.test.js
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

// begrippen.js decides whether a click is a tap; begrippen-uitleg.js (fetched at the first tap) shows the popover.
const scripts = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");
const begrippen = { ...require(path.join(scripts, "begrippen.js")), ...require(path.join(scripts, "begrippen-uitleg.js")) };

const TAP = { pointerType: "touch", detail: 1, button: 0 };

test("a title 'Name: definition' splits at the first colon and space", () => {
  assert.deepEqual(begrippen.splitsTitel("Autonomie: Het gevoel dat je zelf kiest: ook binnen kaders."),
                   { naam: "Autonomie", definitie: "Het gevoel dat je zelf kiest: ook binnen kaders." });
  assert.deepEqual(begrippen.splitsTitel("  2x10-oefening:   Twee minuten,\n tien dagen. "),
                   { naam: "2x10-oefening", definitie: "Twee minuten, tien dagen." });
});

test("a title without a name is all definition; nothing gives empty strings", () => {
  assert.deepEqual(begrippen.splitsTitel("Just a definition"), { naam: "", definitie: "Just a definition" });
  assert.deepEqual(begrippen.splitsTitel(": starts with a colon"), { naam: "", definitie: ": starts with a colon" });
  assert.deepEqual(begrippen.splitsTitel(null), { naam: "", definitie: "" });
});

test("a tap with a finger or a pen shows the definition", () => {
  assert.equal(begrippen.isTik(TAP, "", false), true);
  assert.equal(begrippen.isTik({ ...TAP, pointerType: "pen" }, "", false), true);
});

test("a mouse click and Enter on the keyboard follow the link, also on a touch screen", () => {
  assert.equal(begrippen.isTik({ ...TAP, pointerType: "mouse" }, "touch", true), false);
  assert.equal(begrippen.isTik({ pointerType: "", detail: 0, button: 0 }, "touch", true), false);   // Enter
  assert.equal(begrippen.isTik({ ...TAP, ctrlKey: true }, "touch", true), false);                   // new tab
  assert.equal(begrippen.isTik({ ...TAP, metaKey: true }, "touch", true), false);
  assert.equal(begrippen.isTik({ ...TAP, shiftKey: true }, "touch", true), false);
  assert.equal(begrippen.isTik({ ...TAP, button: 1 }, "touch", true), false);                       // middle button
});

test("without pointerType on the click, the last pointerdown decides, then the media query", () => {
  const klik = { detail: 1, button: 0 };
  assert.equal(begrippen.isTik(klik, "touch", false), true);
  assert.equal(begrippen.isTik(klik, "mouse", true), false);
  assert.equal(begrippen.isTik(klik, "", true), true);      // pointer: coarse, no pointer events seen
  assert.equal(begrippen.isTik(klik, "", false), false);    // a desktop without pointer events
});

const PHONE = { breedte: 360, hoogte: 740, scrollX: 0, scrollY: 1000 };

test("the popover goes under the term, in page coordinates", () => {
  const p = begrippen.plaats({ left: 40, top: 100, bottom: 120 }, PHONE, { breedte: 300, hoogte: 150 });
  assert.deepEqual(p, { links: 40, boven: 1128, breedte: 300, erboven: false });
});

test("the popover never passes either edge of the screen", () => {
  const rechts = begrippen.plaats({ left: 300, top: 100, bottom: 120 }, PHONE, { breedte: 320, hoogte: 150 });
  assert.equal(rechts.links, 360 - 8 - 320);
  assert.ok(rechts.links + rechts.breedte <= 360 - 8);
  const breed = begrippen.plaats({ left: 10, top: 100, bottom: 120 }, PHONE, { breedte: 500, hoogte: 150 });
  assert.deepEqual([breed.links, breed.breedte], [8, 360 - 16]);
  const links = begrippen.plaats({ left: -30, top: 100, bottom: 120 }, PHONE, { breedte: 200, hoogte: 150 });
  assert.equal(links.links, 8);
});

test("near the bottom of the screen it goes above the term, unless there is no room there either", () => {
  const laag = begrippen.plaats({ left: 40, top: 680, bottom: 700 }, PHONE, { breedte: 300, hoogte: 150 });
  assert.deepEqual([laag.erboven, laag.boven], [true, 1000 + 680 - 8 - 150]);
  const geenRuimte = begrippen.plaats({ left: 40, top: 100, bottom: 120 }, { ...PHONE, hoogte: 200 },
                                      { breedte: 300, hoogte: 150 });
  assert.equal(geenRuimte.erboven, false);
});

test("the page's words are read from its JSON; broken or missing JSON gives none", () => {
  assert.deepEqual(begrippen.woorden({ textContent: '{"begrip_sluit": "Close"}' }), { begrip_sluit: "Close" });
  assert.deepEqual(begrippen.woorden({ textContent: "{not json" }), {});
  assert.deepEqual(begrippen.woorden(null), {});
});

test("the selector is the one the site's CSS and hook use for glossary links", () => {
  assert.equal(begrippen.SELECTOR, 'a[href*="begrippen.html#"]');
});
