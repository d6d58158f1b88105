/* Measure the query understanding without a browser: hit@3 per group on a query table, in a second.
 *
 *   node scripts/zoekproef.js SITE TABLE.yml [--misses] [--query "text" --lang nl]
 *
 * SITE is a built site (its search/search_index.json and assets/javascripts/zoekwoorden.js); TABLE the rows
 * of tests/browser/zoekvragen.yml. Lunr is stood in for as in tests/js/zoeken.test.js: every document of
 * the language with a word that starts with a term of the rewritten query (`text:` terms in the running
 * text only), grouped per page in index order. Real lunr may find a few documents fewer, so the figure
 * is close to, not the same as, scripts/zoekmeting.py (which asks the real search): use this to try a
 * change, that to measure it.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const [site, table] = process.argv.slice(2);
const option = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : null; };
const fold = (s) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const split = (s) => fold(s.replace(/<[^>]*>/g, " ")).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const sandbox = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(site, "assets/javascripts/zoekwoorden.js"), "utf8"), sandbox);
globalThis.leidraadZoekwoorden = sandbox.window.leidraadZoekwoorden;
const Z = require(path.join(__dirname, "../docs/assets/javascripts/zoeken.js"));
const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
Z.prepare({ type: 0, data: index });
const docs = index.docs.map((doc) => ({ doc, title: split(doc.title), text: split(doc.text),
  field: split(doc.zoekwoorden || ""), en: doc.location.startsWith("en/") }));

function candidates(text, language) {
  const clauses = text.split(" ").map((c) => {
    const m = /^(?:(\w+):)?([^*^]+)(\*)?\^/.exec(c);
    return { field: m[1], term: fold(m[2]), prefix: !!m[3] };
  });
  const pages = new Map();
  for (const d of docs) {
    if (d.en !== (language === "en")) continue;
    const hit = clauses.some((c) => [c.field === "text" ? [] : d.title, d.text, c.field === "text" ? [] : d.field]
      .some((ws) => ws.some((w) => (c.prefix ? w.startsWith(c.term) : w === c.term))));
    if (!hit) continue;
    const page = d.doc.location.split("#")[0];
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page).push(Object.assign({}, d.doc, { score: 1, terms: {} }));
  }
  return [...pages.values()];
}

const times = [];
function ask(query, language) {
  let t = process.hrtime.bigint();
  const understood = Z.rewrite(query, language);
  let spent = Number(process.hrtime.bigint() - t) / 1e6;
  if (!understood) return { pages: [], strength: "none" };
  const items = candidates(understood.text, language);
  t = process.hrtime.bigint();
  const ranked = Z.rank(items, understood, true);
  times.push(spent + Number(process.hrtime.bigint() - t) / 1e6);
  if (process.argv.includes("--slow") && times[times.length - 1] > 20) console.log(`  SLOW ${times[times.length - 1].toFixed(0)} ms (rewrite ${spent.toFixed(0)}) ${query}`);
  return { pages: ranked.items.map((g) => g[0].location.split("#")[0]), strength: ranked.strength,
           debug: (ranked.ranked || []).slice(0, 5).map((g) => g[0].location.split("#")[0] + " " + g._debug),
           understood };
}

if (option("--query")) {
  const found = ask(option("--query"), option("--lang") || "nl");
  console.log(found.strength, JSON.stringify(found.understood && found.understood.groups.map((g) => [g.typed, g.terms.slice(0, 8)]), null, 0));
  console.log(found.debug.join("\n"));
  process.exit(0);
}

const rows = [];
for (const line of fs.readFileSync(table, "utf8").split("\n")) {
  const m = /^- \{groep: (\w+), vraag: "((?:[^"\\]|\\.)*)", verwacht: \[([^\]]*)\]/.exec(line);
  if (m) rows.push({ groep: m[1], vraag: m[2].replace(/\\"/g, '"'), verwacht: m[3].split(",").map((s) => s.trim()).filter(Boolean) });
}
const groups = new Map(), misses = [];
let honest = 0, outside = 0, weak = 0;
const t0 = Date.now();
for (const row of rows) {
  const language = row.groep === "engels" ? "en" : "nl";
  const found = ask(row.vraag, language);
  if (row.groep === "buiten") {
    outside += 1;
    if (found.strength !== "strong") honest += 1; else misses.push(`  BUITEN ${row.vraag}: ${found.pages.slice(0, 3).join(" ")}`);
    continue;
  }
  if (language === "en") row.verwacht = row.verwacht.map((p) => (p.startsWith("en/") ? p : "en/" + p));
  if (found.strength !== "strong") { weak += 1; if (process.argv.includes("--weak")) misses.push(`  WEAK ${row.groep} ${row.vraag}`); }
  const rank = found.pages.findIndex((p) => row.verwacht.includes(p)) + 1;
  const g = groups.get(row.groep) || { n: 0, hit: 0 };
  g.n += 1; if (rank && rank <= 3) g.hit += 1;
  groups.set(row.groep, g);
  if (!rank || rank > 3) misses.push(`  MISS ${row.groep} ${row.vraag}: want ${row.verwacht.join("|")}; got ${found.pages.slice(0, 3).join(" ")}${rank ? " (rank " + rank + ")" : ""}`);
}
if (process.argv.includes("--misses")) console.log(misses.join("\n"));
let n = 0, hit = 0;
for (const [name, g] of groups) { n += g.n; hit += g.hit; console.log(`  ${name.padEnd(16)} ${String(g.n).padStart(4)} ${(100 * g.hit / g.n).toFixed(0).padStart(4)}%`); }
times.sort((a, b) => a - b);
console.log(`  rewrite + rank (this file's share of the latency): median ${times[times.length >> 1].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms`);
console.log(`  ${"all".padEnd(16)} ${String(n).padStart(4)} ${(100 * hit / n).toFixed(0).padStart(4)}%   buiten honest ${honest}/${outside}   weak ${weak}   (${Date.now() - t0} ms)`);
