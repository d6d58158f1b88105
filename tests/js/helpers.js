/* Shared by the unit tests of the browser scripts (node --test tests/js): a localStorage stand-in, the
   scripts themselves, and words that show which text was chosen and what was filled in. */
"use strict";

const path = require("node:path");

const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");

/** A script of docs/assets/javascripts as Node sees it (its module.exports footer). */
function script(name) {
  return require(path.join(SCRIPTS, name));
}

/** localStorage as the Web Storage API has it, with a quota in characters (keys and values, as browsers count). */
class FakeStorage {
  constructor(quota = Infinity) {
    this.items = new Map();
    this.quota = quota;
    this.writes = 0;
  }
  get length() { return this.items.size; }
  key(i) { return i < this.items.size ? [...this.items.keys()][i] : null; }
  getItem(key) { key = String(key); return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) {
    key = String(key);
    value = String(value);
    const old = this.items.has(key) ? key.length + this.items.get(key).length : 0;
    if (this.used() - old + key.length + value.length > this.quota) {
      const error = new Error("The quota has been exceeded.");
      error.name = "QuotaExceededError";
      error.code = 22;
      throw error;
    }
    this.writes += 1;
    this.items.set(key, value);
  }
  removeItem(key) { this.items.delete(String(key)); }
  clear() { this.items.clear(); }
  used() { let n = 0; for (const [k, v] of this.items) n += k.length + v.length; return n; }
  snapshot() { return JSON.stringify([...this.items]); }
}

/** A browser whose localStorage is this one (or none at all: a blocked one). */
function browserWith(storage) {
  globalThis.window = storage === null ? {} : { localStorage: storage };
  return storage;
}

/** Words that name themselves and show every value filled in: "import_kapot_reden[<reden=reden_onderdeel[…]>…]". */
const SELF_NAMING = new Proxy({}, {
  get(target, key) {
    if (typeof key !== "string") return undefined;
    return `${key}[{reden}{naam}{sleutel}{n}{max}{versie}{ander}{nieuw}{anders}{bestand}]`
      .replace(/\{(\w+)\}/g, "<$1={$1}>");
  },
});

/** bewaren.js as a page opens: no records, rules or unsaved changes yet, and these words. */
function reset(B, words = SELF_NAMING) {
  const I = B.intern;
  for (const kept of [I.records, I.rules, I.unsaved]) for (const key of Object.keys(kept)) delete kept[key];
  I.words = words;
}

/** The answers file bewaren.js writes, around some records. */
function file(gegevens, extra = {}) {
  return JSON.stringify({ formaat: "leidraad-leerkracht-leerlingrelaties", versie: 2,
                          gemaakt: "2026-12-07T08:00:00Z", gegevens, ...extra });
}

module.exports = { script, FakeStorage, browserWith, SELF_NAMING, file, reset };
