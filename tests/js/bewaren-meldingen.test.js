/* bewaren-bestand.js: what a teacher reads when a chosen file is refused, in the page's own Dutch words: the file's
   name, what is wrong in it, and that nothing changed (moved down from tests/browser/test_bewaren.py, which keeps
   one refusal to see the line on the page). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { script, FakeStorage, browserWith, reset } = require("./helpers.js");

const B = script("bewaren-bestand.js");
const FORMAT = "leidraad-leerkracht-leerlingrelaties";

/* the wrong files of the browser test, each with the reason the teacher must read */
const WRONG = {
  "geen-json": ["dit is geen json", "het is geen antwoordenbestand (geen JSON)"],
  "andere-site": [JSON.stringify({ formaat: "iets-anders", versie: 1, gegevens: {} }), "het komt niet van deze site"],
  "nieuwere-versie": [JSON.stringify({ formaat: FORMAT, versie: 4, gegevens: {} }), "gemaakt met een nieuwere versie van de site"],
  beschadigd: [JSON.stringify({ formaat: FORMAT, versie: 2, gegevens: { "werkblad:nl:x": { velden: { naam: { v: { kwaad: 1 } } } } } }),
               "het is beschadigd of onvolledig (antwoord „naam” in „werkblad:nl:x” klopt niet)"],
  "velden-null": [JSON.stringify({ formaat: FORMAT, versie: 2, gegevens: { "werkblad:nl:herstelgesprek-voorbereiden": { velden: null } } }),
                  "(„werkblad:nl:herstelgesprek-voorbereiden” klopt niet)"],
  proto: ['{"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": ' +
          '{"werkblad:nl:herstelgesprek-voorbereiden": {"velden": {"__proto__": {"v": "x", "t": 1}}}}}',
          "(antwoord „__proto__” in „werkblad:nl:herstelgesprek-voorbereiden” klopt niet)"],
  "te-groot": ["[" + " ".repeat(6 * 1024 * 1024) + "]", "het is groter dan 5 MB"],
};

/** Choose a file as the page does (its name, size and text through FileReader); the result handed to the page. */
function choose(name, text) {
  globalThis.FileReader = class {
    readAsText(chosen) { this.result = chosen.text; setTimeout(() => this.onload(), 0); }
  };
  const asked = [];
  return new Promise((resolve) => B.importFile({ name, size: Buffer.byteLength(text), text },
                                               (q) => { asked.push(q); return true; },
                                               (result) => resolve({ ...result, asked })));
}

for (const [kind, [text, reason]] of Object.entries(WRONG)) {
  test(`a wrong file (${kind}) is refused in Dutch, named, with what is wrong, and nothing changes`, async () => {
    const storage = browserWith(new FakeStorage());
    reset(B, B.wordsIn("nl"));
    B.open("werkblad:herstelgesprek-voorbereiden").set({ naam: ["Juf Sanne", "Naam"] });
    const before = storage.snapshot();
    const result = await choose("antwoorden.json", text);
    assert.equal(result.ok, false);
    assert.deepEqual(result.asked, [], "a refused file asks nothing");
    assert.ok(result.message.startsWith("antwoorden.json: Dit bestand is niet gebruikt: "), result.message);
    assert.ok(result.message.includes(reason), `${result.message}\n lacks ${reason}`);
    assert.ok(result.message.endsWith(" Er is niets veranderd."), result.message);
    assert.equal(storage.snapshot(), before, "storage untouched");
    delete globalThis.FileReader;
  });
}
