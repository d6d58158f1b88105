/* Measure the search on a query table without a browser: hit@3 per group, the honest message, in seconds.
 *
 *   node scripts/zoekproef.js SITE TABLE.yml [--misses] [--weak] [--slow] [--sets] [--query "text" --lang nl]
 *
 * SITE is a built site; TABLE the rows of tests/browser/zoekvragen.yml. Every query goes through the site's
 * real search in node (scripts/zoekmotor.js: taal.js, zoeken.js and Material's own search worker with its
 * lunr), so the figures are the browser's: tests/browser/test_zoeken.py checks on a sample that chromium
 * lists exactly what this engine computes. Use this to try a change to zoeken.js or data/zoekwoorden.yml
 * (rebuild the site first); scripts/zoekmeting.py measures in chromium, with the latency a reader sees.
 * --query prints how one query was understood and the first five pages with zoeken.js's scores.
 * --sets adds hit@3 per set (the rows' `bron:`) and group, so a change can be judged set by set.
 */
"use strict";
const fs = require("node:fs");
const { openPage } = require("./zoekmotor.js");

const [site, table] = process.argv.slice(2);
const option = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : null; };
const flag = (name) => process.argv.includes(name);
const pages = {};
const times = [];

async function ask(query, language) {
  const page = pages[language] || (pages[language] = await openPage(site, language));
  const t = process.hrtime.bigint();
  const answer = await page.ask(query);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (flag("--slow") && times[times.length - 1] > 40) console.log(`  SLOW ${times[times.length - 1].toFixed(0)} ms ${query}`);
  return answer;
}

/* How one query was understood, and zoeken.js's scores of the first pages (its rank with debug). */
async function explain(query, language) {
  const found = await ask(query, language);
  const Z = pages[language].window.LeidraadZoeken;
  const understood = Z.rewrite(query, language);
  console.log(found.strength, JSON.stringify(understood && understood.groups.map((g) => [g.typed, g.terms.slice(0, 8)])));
  const raw = pages[language].raw();
  if (understood && raw) {
    const ranked = Z.rank(raw.items, understood, true);
    console.log((ranked.ranked || []).slice(0, 5).map((g) => g[0].location.split("#")[0] + " " + g._debug).join("\n"));
  }
  console.log(found.pages.slice(0, 5).join("\n"));
}

async function main() {
  if (option("--query")) return explain(option("--query"), option("--lang") || "nl");
  const rows = [];
  for (const line of fs.readFileSync(table, "utf8").split("\n")) {
    const m = /^- \{groep: (\w+), vraag: "((?:[^"\\]|\\.)*)", verwacht: \[([^\]]*)\]/.exec(line);
    const bron = (/bron: ([\w-]+)/.exec(line) || [, "-"])[1];
    if (m) rows.push({ groep: m[1], vraag: m[2].replace(/\\"/g, '"'), verwacht: m[3].split(",").map((s) => s.trim()).filter(Boolean), bron });
  }
  const groups = new Map(), misses = [], sets = new Map();
  let honest = 0, outside = 0, weak = 0;
  const t0 = Date.now();
  for (const row of rows) {
    const language = row.groep === "engels" ? "en" : "nl";
    const found = await ask(row.vraag, language);
    if (row.groep === "buiten") {
      outside += 1;
      if (found.honest) honest += 1; else misses.push(`  BUITEN ${row.vraag}: ${found.pages.slice(0, 3).join(" ")}`);
      continue;
    }
    if (language === "en") row.verwacht = row.verwacht.map((p) => (p.startsWith("en/") ? p : "en/" + p));
    if (found.honest) { weak += 1; if (flag("--weak")) misses.push(`  WEAK ${row.groep} ${row.vraag}`); }
    const rank = found.pages.findIndex((p) => row.verwacht.includes(p)) + 1;
    const g = groups.get(row.groep) || { n: 0, hit: 0 };
    g.n += 1; if (rank && rank <= 3) g.hit += 1;
    groups.set(row.groep, g);
    const set = sets.get(row.bron) || sets.set(row.bron, new Map()).get(row.bron);
    const s = set.get(row.groep) || set.set(row.groep, { n: 0, hit: 0 }).get(row.groep);
    s.n += 1; if (rank && rank <= 3) s.hit += 1;
    if (!rank || rank > 3) misses.push(`  MISS ${row.groep} ${row.vraag}: want ${row.verwacht.join("|")}; got ${found.pages.slice(0, 3).join(" ")}${rank ? " (rank " + rank + ")" : ""}`);
  }
  if (flag("--misses")) console.log(misses.join("\n"));
  if (flag("--sets")) {
    for (const [name, set] of sets) {
      const cells = [...set].map(([groep, s]) => `${groep} ${s.hit}/${s.n}`);
      console.log(`  ${name.padEnd(20)} ${cells.join("  ")}`);
    }
  }
  let n = 0, hit = 0;
  for (const [name, g] of groups) { n += g.n; hit += g.hit; console.log(`  ${name.padEnd(16)} ${String(g.n).padStart(4)} ${(100 * g.hit / g.n).toFixed(0).padStart(4)}%`); }
  times.sort((a, b) => a - b);
  console.log(`  in node, query -> result (Material's worker and zoeken.js, no rendering): median ${times[times.length >> 1].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms`);
  console.log(`  ${"all".padEnd(16)} ${String(n).padStart(4)} ${(100 * hit / n).toFixed(0).padStart(4)}%   buiten honest ${honest}/${outside}   weak ${weak}   (${Date.now() - t0} ms)`);
}

main().catch((error) => { console.error(error); process.exit(1); });
