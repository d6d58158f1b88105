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

/* A continued step begins with copies of the headings it continues: here a copy is {tagName, h, kopie: name}. */
const copies = new Map();
const copy = (heading) => {
  if (!copies.has(heading)) copies.set(heading, { tagName: heading.tagName, h: heading.h, name: `(${heading.name})`, kopie: true });
  return copies.get(heading);
};
const repeating = { ...options, vervolg: copy };

test("a continued step repeats the section's heading, and the sub-heading it continues", () => {
  const h2 = part("H2"); const h3 = { ...part("H3"), name: "H3 a" };
  const parts = [h2, part("P", 3), h3, part("P", 4), part("P", 4), part("P", 4)];
  const steps = P.verdeelStappen(parts, repeating);
  assert.deepEqual(names(steps), [["H2/1", "P/3", "H3 a", "P/4"], ["(H2/1)", "(H3 a)", "P/4", "P/4"]]);
  steps.forEach((step) => assert.ok(step.some((p) => /^H[1-6]$/.test(p.tagName)), "every step has a heading"));
  assert.ok(steps.every((step) => step.reduce((sum, p) => sum + p.h, 0) <= 10), "the copies are measured with the step");
});

test("a step that opens with its own sub-heading repeats only the headings above it", () => {
  const h2 = part("H2"); const first = { ...part("H3"), name: "H3 a" }; const second = { ...part("H3"), name: "H3 b" };
  const steps = P.verdeelStappen([h2, part("P", 1), first, part("P", 2), second, part("P", 2)], repeating);
  assert.deepEqual(names(steps), [["H2/1", "P/1", "H3 a", "P/2"], ["(H2/1)", "H3 b", "P/2"]]);
});

test("a lone paragraph or a half box never stands alone: the intro's H1 and a box's parts come with headings", () => {
  const h1 = part("H1"); const label = part("P", 1);
  const box = { ...part("DIV", 14, [part("P", 5), part("P", 5), part("P", 4)]), name: "box" };
  const steps = P.verdeelStappen([label, h1, box, part("P", 2)], repeating);
  // the kicker above the title keeps its title; the box is opened under the copy of the title
  assert.deepEqual(names(steps), [["P/1", "H1/1"], ["(H1/1)", "P/5"], ["(H1/1)", "P/5", "P/4"], ["(H1/1)", "P/2"]]);
});

test("the headings in force, and the heading that names a step", () => {
  const h2 = part("H2"); const h3 = part("H3"); const h4 = part("H4"); const h3b = { ...part("H3"), name: "H3 b" };
  assert.deepEqual(P.kopContext([h2, part("P"), h3, h4, part("P")]), [h2, h3, h4]);
  assert.deepEqual(P.kopContext([h2, h3, h4, h3b, part("P")]), [h2, h3b]);
  const isCopy = (p) => !!p.kopie;
  assert.equal(P.stapKop([copy(h2), copy(h3), part("P")], isCopy), copy(h3));
  assert.equal(P.stapKop([copy(h2), h3b, part("P")], isCopy), h3b);
  assert.equal(P.stapKop([part("P")], isCopy), null);
});

test("the counter counts screens: step n of the real total", () => {
  assert.deepEqual(P.telling([1, 3, 2], 0, 0), { n: 1, m: 6 });
  assert.deepEqual(P.telling([1, 3, 2], 1, 2), { n: 4, m: 6 });
  assert.deepEqual(P.telling([1, 3, 2], 2, 1), { n: 6, m: 6 });
  // the total equals the number of steps cut
  const steps = P.verdeelStappen([part("H2"), part("P", 6), part("P", 6), part("P", 6)], repeating);
  assert.equal(P.telling([1, steps.length], 1, steps.length - 1).m, 1 + steps.length);
});

test("the clock shows mm:ss, and h:mm:ss from an hour on", () => {
  assert.equal(P.klok(0), "00:00");
  assert.equal(P.klok(9.9), "00:09");
  assert.equal(P.klok(754), "12:34");
  assert.equal(P.klok(3599), "59:59");
  assert.equal(P.klok(3725), "1:02:05");
  assert.equal(P.klok(-5), "00:00");
});

test("an agenda table with minutes gives the item of the moment", () => {
  const rows = [["0–5 min", "Terugblik", "…"], ["5–15 min", "Casus bekijken"], ["15-30 min", " Bespreken "]];
  const agenda = P.leesAgenda(rows);
  assert.deepEqual(agenda, [{ van: 0, tot: 5, naam: "Terugblik" }, { van: 5, tot: 15, naam: "Casus bekijken" },
                            { van: 15, tot: 30, naam: "Bespreken" }]);
  assert.equal(P.agendaPunt(agenda, 0), 0);
  assert.equal(P.agendaPunt(agenda, 299), 0);
  assert.equal(P.agendaPunt(agenda, 300), 1);
  assert.equal(P.agendaPunt(agenda, 30 * 60), 3);
  assert.equal(P.klokTekst(754, agenda, "time is up"), "12:34 · Casus bekijken");
  assert.equal(P.klokTekst(1900, agenda, "time is up"), "31:40 · time is up");
  assert.equal(P.klokTekst(754, null, "time is up"), "12:34");
  assert.equal(P.agendaPunt([{ van: 2, tot: 5, naam: "x" }], 30), -1);
  // tables that are no agenda
  assert.equal(P.leesAgenda([["Tijd", "Stap"], ["0–5 min", "Terugblik"]]), null);
  assert.equal(P.leesAgenda([["0–5 min", "Terugblik"]]), null);
  assert.equal(P.leesAgenda([["5–5 min", "x"], ["5–9 min", "y"]]), null);
});

test("a session's agenda of steps and minutes is an agenda too: the times add up, the first column names the step", () => {
  const koppen = ["Stap", "Minuten", "Wat je doet", "Wat je projecteert"];
  const agenda = P.leesDuurAgenda(koppen, [["Welkom", "5", "x", "y"], ["De leidraad in het kort", "10", "x", "y"], ["Afsluiten", "5", "", ""]]);
  assert.deepEqual(agenda, [{ van: 0, tot: 5, naam: "Welkom" }, { van: 5, tot: 15, naam: "De leidraad in het kort" },
                            { van: 15, tot: 20, naam: "Afsluiten" }]);
  assert.equal(P.klokTekst(16 * 60, agenda, "tijd om"), "16:00 · Afsluiten");
  assert.equal(P.klokTekst(21 * 60, agenda, "tijd om"), "21:00 · tijd om");
  assert.ok(P.leesDuurAgenda(["Step", "Minutes"], [["Welcome", "5"], ["Close", "5"]]), "English headings");
  assert.equal(P.leesDuurAgenda(["Stap", "Wat je doet"], [["a", "5"], ["b", "5"]]), null, "no minutes column");
  assert.equal(P.leesDuurAgenda(["Stap", "Minuten"], [["a", "5"], ["b", "vijf"]]), null, "a row without a number");
  assert.equal(P.leesDuurAgenda(["Stap", "Minuten"], [["a", "5"]]), null, "one row is no agenda");
});

test("projection opens on a shown part that asks for it, before the address's section; else the address's", () => {
  const hidden = { closest: () => ({}) }, shown = { closest: () => null }, address = { id: "x" };
  assert.equal(P.beginDoel([hidden, shown], address), shown, "the team view's result once it is shown");
  assert.equal(P.beginDoel([hidden], address), address, "its result still hidden: the address decides");
  assert.equal(P.beginDoel([], address), address, "no part asks for it: the address decides");
  assert.equal(P.beginDoel([], null), null, "neither: the first step");
});
