/* The site's search without a browser: the same scripts, the same worker, the same answer.
 *
 *   node scripts/zoekmotor.js SITE [--uit] < queries.json > answers.json
 *     queries.json: [{"vraag": "relatieherstel", "taal": "nl"}, ...]
 *     answers.json: {"nl": {"relatieherstel": {"pages": [...], "strength": "strong", "honest": false}}, "en": {...}}
 *     --uit: with the query understanding switched off (LeidraadZoeken.aan = false: queries go to Material
 *     as typed), as the twins of the tests do in the browser.
 *
 * SITE is a BUILT site. Per language, one "page" is set up as a browser would have it after the reader
 * focused the search box, and every query goes through it:
 *   - SITE/assets/javascripts/taal.min.js runs in a vm context with just enough of a window (document,
 *     location, Worker, the search dialog's [data-zoek-leeg] panel); its wrapper around `Worker` is what
 *     Material's bundle talks to. It loads zoekwoorden.js and zoeken.min.js as the page does (its script
 *     elements are run here from SITE), so prepare/rewrite/tidy are the site's own code.
 *   - The "worker" is Material's own search worker, SITE/assets/javascripts/workers/search.*.min.js, in a
 *     second vm context (self, addEventListener, postMessage, importScripts reading SITE's lunr files as
 *     the worker would fetch them); messages cross one task each, as between a page and a Web Worker (the
 *     page's as structured clones). So lunr is the real lunr, with Material's query parsing, fields and boosts.
 *   - Material's bundle is stood in for only where it talks to the worker: SETUP is
 *     {config, docs, options: {suggest}} from search/search_index.json (as the bundle sends it), a QUERY is
 *     the box's text as typed, and the page paths are read from the RESULT as Material renders them (per
 *     result group the page's own document, its first link: tests/zoektabel.py's Zoeker.pages).
 *   - honest: the [data-zoek-leeg] panel (taal.js shows it when nothing is left, zoeken.js when the match is
 *     weak) is visible, or nothing is listed: what Zoeker.honest reads in the browser.
 * tests/site/test_zoekvragen.py asks the whole query table here; tests/browser/test_zoeken.py asks a sample
 * in chromium and checks that each answer equals this one (the guard that this is the browser's pipeline).
 * Why in scripts/: it reads a built site, like zoekproef.js (which uses it) and zoekmeting.py, and it is a
 * tool, not a test of a browser script's logic (tests/js).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SETUP = 0, QUERY = 2, RESULT = 3;
const ORIGIN = "http://zoekmotor.invalid/";   // the page's address: only its path matters (languages)

class ErrorEventShim extends Event {
  constructor(type, init) { super(type); Object.assign(this, init || {}); }
}

function later() { return new Promise((resolve) => setImmediate(resolve)); }

/* Material's search worker in a context of its own, fed messages one task at a time. */
function startWorker(site, file) {
  const folder = path.join(site, "assets/javascripts/workers");
  const listeners = [];
  const owner = new EventTarget();
  const context = vm.createContext({
    console, URL, setTimeout, clearTimeout, TextEncoder, TextDecoder,
    addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
    postMessage: (data) => {
      // Not cloned (the browser would): the worker builds every answer anew and keeps no part of it.
      if (data && data.type === RESULT && owner.raw) owner.raw(Object.assign({}, data.data, { items: data.data.items.slice() }));
      setImmediate(() => owner.dispatchEvent(new MessageEvent("message", { data })));
    },
    importScripts: (...urls) => {
      for (const url of urls) {
        const file = path.resolve(folder, url);
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
  });
  context.self = context;
  vm.runInContext(fs.readFileSync(path.join(folder, file), "utf8"), context, { filename: file });
  owner.postMessage = (data) => {
    const copy = structuredClone(data);
    setImmediate(() => listeners.forEach((listener) => listener({ data: copy })));
  };
  owner.terminate = () => {};
  return owner;
}

/* A fake element with what taal.js and zoeken.js touch on the search dialog's panel. */
function element(tag) {
  return { tagName: tag, hidden: false, attributes: {}, children: [], textContent: "",
           setAttribute(name, value) { this.attributes[name] = value; },
           insertBefore(child) { this.children.push(child); } };
}

/* One page of the site in `language` (Dutch: index.html, English: en/index.html) with its search open. */
async function openPage(site, language, { understanding = true } = {}) {
  const workers = path.join(site, "assets/javascripts/workers");
  const workerFile = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));
  if (!workerFile) throw new Error(`${workers}: no search.*.min.js (is ${site} a built site?)`);
  const panel = element("div");
  panel.hidden = true;
  const kop = element("p");
  kop.parentNode = panel;
  panel.querySelector = (selector) => selector === "p:not([data-zoek-zwak])" ? kop :
    selector === "p[data-zoek-zwak]" ? panel.children.find((child) => "data-zoek-zwak" in child.attributes) || null : null;
  const head = { appendChild: (child) => { if (child.tagName === "script") loads.push(child); } };
  const loads = [];
  const document = {
    documentElement: { getAttribute: (name) => (name === "lang" ? language : null) },
    head,
    getElementById: (id) => (id === "__config" ? { textContent: JSON.stringify({ base: language === "en" ? ".." : "." }) } : null),
    querySelector: (selector) => (selector === "[data-zoek-leeg]" ? panel : null),
    createElement: (tag) => element(tag),
    addEventListener: () => {},
  };
  const page = vm.createContext({
    console, URL, setTimeout, clearTimeout, EventTarget, Event, MessageEvent, ErrorEvent: ErrorEventShim,
    document, location: { href: ORIGIN + (language === "en" ? "en/index.html" : "index.html"), search: "" },
  });
  page.window = page;
  let raw = null;                                  // the worker's own last answer, before taal.js (zoekproef)
  page.Worker = function Worker() {
    const worker = startWorker(site, workerFile);
    worker.raw = (data) => { raw = data; };
    return worker;
  };
  const run = (file) => vm.runInContext(fs.readFileSync(file, "utf8"), page, { filename: file });
  run(path.join(site, "assets/javascripts/taal.min.js"));

  // What Material's bundle does: create the worker, hand it the index, listen for results.
  const worker = new page.Worker(new URL("assets/javascripts/workers/" + workerFile, ORIGIN).href);
  let waiting = null;
  worker.addEventListener("message", (event) => {
    if (event.data && event.data.type === RESULT && waiting) waiting(event.data.data);
  });
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  worker.postMessage({ type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
  const ready = new Promise((resolve) => { waiting = resolve; });
  worker.postMessage({ type: QUERY, data: "" });  // the reader turns to search: taal.js starts the worker
  // taal.js loads its helpers as script elements: run them in order, then their onload.
  while (loads.length) {
    const script = loads.shift();
    run(path.join(site, new URL(script.src).pathname));
    script.onload();
  }

  async function ask(query) {
    const result = new Promise((resolve) => { waiting = resolve; });
    worker.postMessage({ type: QUERY, data: query });
    const data = await result;
    await later();                                  // zoeken.js shows its weak line a microtask later
    const items = Array.isArray(data.items) ? data.items : [];
    const pages = items.map((group) => {
      const docs = Array.isArray(group) ? group : [group];
      const own = docs.find((doc) => !String(doc.location).includes("#")) || docs[docs.length - 1];
      return decodeURIComponent(String(own.location).split("#")[0]);
    });
    const honest = !panel.hidden || pages.length === 0;
    return { pages, honest, strength: !pages.length ? "none" : honest ? "weak" : "strong" };
  }
  await ready;                                     // the index is built: SETUP was answered before this
  if (!understanding) page.LeidraadZoeken.aan = false;   // queries go to Material as typed (the twins)
  return { ask, window: page, raw: () => raw };
}

/* Every query of `queries` ([{vraag, taal}]) asked on a page of its language. */
async function askAll(site, queries, options) {
  const answers = {};
  for (const language of ["nl", "en"]) {
    const mine = queries.filter((row) => row.taal === language);
    answers[language] = {};
    if (!mine.length) continue;
    const page = await openPage(site, language, options);
    for (const row of mine) answers[language][row.vraag] = await page.ask(row.vraag);
  }
  return answers;
}

module.exports = { openPage, askAll };

if (require.main === module) {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node scripts/zoekmotor.js SITE < queries.json");
    process.exit(2);
  }
  const understanding = !process.argv.includes("--uit");
  askAll(site, JSON.parse(fs.readFileSync(0, "utf8")), { understanding }).then(
    (answers) => process.stdout.write(JSON.stringify(answers)),
    (error) => { console.error(error); process.exit(1); });
}
