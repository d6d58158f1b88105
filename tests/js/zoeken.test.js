/* Unit tests for the query understanding and ranking of the site search (docs/assets/javascripts/zoeken.js).
 *
 *   node --test tests/js/
 *
 * No browser and no build: a small index in Material's format (one page per recommendation, theory,
 * glossary, statement), the editors' words in the shape hooks/zoeken.py writes them, and a stand-in for
 * lunr that returns every document having a term of the rewritten query (as a prefix), grouped per page.
 * The query table is asked through the real search on the built site (tests/site/test_zoekvragen.py, in node
 * with Material's worker and lunr: scripts/zoekmotor.js; tests/browser/test_zoeken.py checks a sample in
 * chromium); these check the logic in milliseconds, each with a twin that shows the check can fail.
 */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const WORDS = {
  nl: {
    woorden: { rolmodel: ["voorbeeldfunctie"], bowlby: ["gehechtheidstheorie"], favoriet: ["eerlijk", "gelijk"],
               ruzie: ["conflict"], "veilig team": ["veilig klimaat", "collega's"], weglopen: ["conflict", "herstel"] },
    paginas: { "begrippen.html#herstelgesprek": ["slotje"], "hele-leidraad.html": ["pdf", "alles afdrukken"],
               "uit-de-index.html": ["zonder titel"] },
    titels: { "hele-leidraad.html": "De hele leidraad" },
    stopwoorden: ["hoe", "ik", "de", "het", "van", "een", "met", "in", "wat", "je", "op", "voor", "en", "is", "moet"],
    algemeen: ["klas", "leerling", "leerlingen", "nooit", "theorie", "blijkbaar"],
  },
  en: { woorden: { favourites: ["fair", "equal"] }, paginas: {}, stopwoorden: ["the", "a", "of", "my", "i"],
        algemeen: ["pupil", "pupils", "class", "teacher"] },
};

/* [location, title, text]: enough pages that klas and leerlingen are on more than a fifth of them. */
const DOCS = [
  ["begrippen.html", "Begrippen", "Alle begrippen van de leidraad voor leerlingen in de klas."],
  ["begrippen.html#voorbeeldfunctie", "Voorbeeldfunctie", "De leerkracht is een voorbeeld voor leerlingen in de klas: voorbeeldfunctie, eerlijk en gelijk."],
  ["begrippen.html#herstelgesprek", "Herstelgesprek", "Een gesprek na een conflict met leerlingen."],
  ["privacy.html", "Privacyverklaring", "Deze site verstuurt nooit gegevens van leerlingen in de klas."],
  ["aanbevelingen/1-band.html", "1 Zorg voor een persoonlijke band", "Leer leerlingen in de klas kennen."],
  ["aanbevelingen/1-band.html#theorie", "Theorie achter deze aanbeveling", "De gehechtheidstheorie: een veilige basis voor leerlingen."],
  ["aanbevelingen/2-kansen.html", "2 Kansen voor positief gedrag", "Positief gedrag van leerlingen bekrachtigen."],
  ["aanbevelingen/2-kansen.html#aanbeveling-2-4", "2.4 Wees je bewust van je voorbeeldfunctie", "Je voorbeeldfunctie: respectvol met leerlingen omgaan in de klas."],
  ["aanbevelingen/4-reflecteren.html", "4 Reflecteer regelmatig op je relaties", "Reflecteren op de relatie met leerlingen in de klas, ook met collega's."],
  ["aanbevelingen/5-conflicten.html", "5 Voorkom conflicten", "Conflicten met leerlingen voorkomen."],
  ["aanbevelingen/5-conflicten.html#aanbeveling-5-4", "5.4 Behandel leerlingen eerlijk", "Eerlijk en gelijk behandelen voorkomt een conflict in de klas."],
  ["aanbevelingen/5-conflicten.html#aanbeveling-5-5", "5.5 Zorg voor heldere regels", "Heldere regels en soepele overgangen tussen lesactiviteiten."],
  ["aanbevelingen/6-herstel.html", "6 Zorg voor herstel van de relatie", "Na een conflict of ruzie de relatie herstellen met een herstelgesprek."],
  ["theorie/gehechtheidstheorie.html", "Gehechtheidstheorie", "Een veilige haven en een veilige basis; sensitief reageren op leerlingen."],
  ["aan-de-slag/veilig-klimaat.html", "Een veilig klimaat in het team", "Met collega's een veilig klimaat maken, ook met de schoolleider."],
  ["aan-de-slag/veilig-klimaat.html#moe", "Moe na een lange dag", "Wie moe is, moet het zeggen; moeheid en moede collega's in de klas."],
  ["en/aanbevelingen/5-conflicten.html", "5 Prevent conflicts", "Prevent conflicts with pupils in the class."],
  ["en/aanbevelingen/5-conflicten.html#aanbeveling-5-4", "5.4 Treat pupils fairly", "Treat every pupil fair and equal in class."],
  ["en/aanbevelingen/1-band.html", "1 A personal bond", "Get to know every pupil in class; a teacher makes time for each of them."],
  ["en/theorie/cirkel.html", "Circle explorer", "Eight kinds of teacher behaviour: the teacher picks, leads, helps and understands the class."],
  ["en/aanbevelingen/2-kansen.html", "2 Opportunities for positive behaviour", "Praise the positive behaviour of pupils."],
  ["en/aanbevelingen/3-autonomie.html", "3 Autonomy and structure", "Offer choices and clear structure to pupils."],
  ["en/aanbevelingen/4-reflecteren.html", "4 Reflect on relationships", "Reflect on each relationship with colleagues."],
  ["en/aanbevelingen/6-herstel.html", "6 Restore the relationship", "After a conflict, a restorative conversation."],
  ["en/theorie/gehechtheidstheorie.html", "Attachment theory", "A safe haven and a secure base."],
  ["en/begrippen.html", "Glossary", "Every term of the guideline in brief."],
];

const ADDED = [];                        // documents prepare() added (pages left out of the index)

function load() {
  delete require.cache[require.resolve("../../docs/assets/javascripts/zoeken.js")];
  globalThis.leidraadZoekwoorden = JSON.parse(JSON.stringify(WORDS));
  const api = require(path.join(__dirname, "../../docs/assets/javascripts/zoeken.js"));
  const data = { config: { fields: { title: { boost: 1000 }, text: { boost: 1 } } },
    docs: DOCS.map(([location, title, text]) => ({ location, title, text })) };
  api.prepare({ type: 0, data });
  ADDED.length = 0;
  for (const doc of data.docs.slice(DOCS.length)) ADDED.push([doc.location, doc.title, `${doc.text} ${doc.zoekwoorden}`]);
  return api;
}
const Z = load();

const fold = (s) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/* A stand-in for lunr: every document of the language with a term of the rewritten query, per page. */
function candidates(understood, language) {
  const terms = understood.groups.flatMap((g) => g.terms);
  const pages = new Map();
  for (const [location, title, text] of DOCS.concat(ADDED)) {
    if ((language === "en") !== location.startsWith("en/")) continue;
    const words = fold(`${title} ${text}`).split(/[^\p{L}\p{N}]+/u);
    if (!terms.some((t) => words.some((w) => w.startsWith(fold(t))))) continue;
    const page = location.split("#")[0];
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page).push({ location, title, text, score: 1, terms: { x: false } });
  }
  return [...pages.values()];
}

function search(query, language = "nl") {
  const understood = Z.rewrite(query, language);
  if (!understood) return { pages: [], strength: "none", understood };
  const ranked = Z.rank(candidates(understood, language), understood);
  return { pages: ranked.items.map((group) => group[0].location.split("#")[0]), strength: ranked.strength, understood };
}

function terms(query, language = "nl") {
  return Z.rewrite(query, language).groups.flatMap((g) => g.terms);
}

test("stems link the forms of a word; the distance counts a transposition as one", () => {
  assert.ok(Z.stems("complimentjes", "nl").includes("compliment"));
  assert.ok(Z.stems("bespreking", "nl").includes("besprek"));
  assert.ok(Z.stems("bespreken", "nl").includes("besprek"));
  // a verb whose stem ends in -ts takes -t (botst, kletst: botsen, kletsen); a noun in -st keeps it (tekst)
  assert.ok(Z.stems("botst", "nl").includes("bots") && Z.stems("kletst", "nl").includes("klets"));
  assert.ok(!Z.stems("tekst", "nl").includes("teks"));
  assert.equal(Z.distance("leerlign", "leerling", 2), 1);
  assert.equal(Z.distance("leerling", "klas", 2), 3);        // twin: far apart is more than the limit
});

test("a typo whose cut-off ending leaves a prefix of a word is corrected too, so the result is sure", () => {
  // privacyverklaing: '-ing' cut off leaves privacyverkla*, a prefix of privacyverklaring; that alone found the
  // page but left the query 'no strong match' (blind set 8); the correction makes it sure
  assert.ok(terms("privacyverklaing").includes("privacyverkla"), "the prefix stays");
  assert.ok(terms("privacyverklaing").includes("privacyverklaring"), "and the correction is added");
  const found = search("privacyverklaing");
  assert.equal(found.pages[0], "privacy.html");
  assert.equal(found.strength, "strong");
  assert.equal(search("privacyverklaxxxxx").strength, "none", "twin: a cut-off ending with no correction stays unsure");
});

test("rewrite drops question words, adds the editors' words and corrects a typo in a longer query", () => {
  const asked = terms("hoe voorkom ik ruzie met een leerlign");
  assert.ok(asked.includes("conflict"), "ruzie -> conflict (zoekwoorden.yml)");
  assert.ok(asked.includes("leerling"), "leerlign -> leerling");
  assert.ok(!asked.includes("hoe") && !asked.includes("ik"));
  assert.ok(terms("rolmodel").includes("voorbeeldfunctie"));
  assert.ok(terms("theorie van bolwby").includes("gehechtheidstheorie"), "a typo in an editors' word");
  assert.equal(search("theorie van bolwby").pages[0], "theorie/gehechtheidstheorie.html");
  assert.equal(Z.rewrite("+herstel -ruzie", "nl"), null, "lunr syntax is left alone");
  assert.equal(Z.rewrite("xqzwv", "nl"), null, "twin: a word like no other is not turned into one");
});

test("a phrase of the editors' words keeps the reader's own words and no one-letter terms", () => {
  const group = Z.rewrite("veilig team", "nl").groups[0];
  assert.ok(group.terms.includes("veilig") && group.terms.includes("klimaat") && group.terms.includes("team"));
  assert.ok(!group.terms.includes("s"), "collega's gives collega, not a term 's'");
});

test("rank: the page with more of the query's meaningful words comes first", () => {
  const found = search("heldere regels conflict");
  assert.equal(found.pages[0], "aanbevelingen/5-conflicten.html");
  assert.equal(found.strength, "strong");
});

test("rank: a common word weighs little beside a rare one", () => {
  // klas and leerlingen are on most pages; herstelgesprek on two. The herstel page wins, not a page
  // that has klas and leerlingen many times.
  const found = search("herstelgesprek klas leerlingen");
  assert.ok(["aanbevelingen/6-herstel.html", "begrippen.html"].includes(found.pages[0]), found.pages.join(" "));
  assert.notEqual(found.pages[0], "aanbevelingen/1-band.html");
});

test("rank: the glossary and statements come after content pages unless the query names them", () => {
  const found = search("voorbeeldfunctie");
  assert.equal(found.pages[0], "aanbevelingen/2-kansen.html");
  assert.ok(found.pages.indexOf("begrippen.html") > 0, "the glossary is listed, after the content page");
  assert.equal(search("begrippen").pages[0], "begrippen.html", "twin: named, the glossary comes first");
  assert.equal(search("privacyverklaring").pages[0], "privacy.html");
});

test("rank: a query that names a theory goes to the theory page, not to a 'Theory' section", () => {
  const found = search("theorie van bowlby");
  assert.equal(found.pages[0], "theorie/gehechtheidstheorie.html");
  assert.equal(search("gehechtheidstheorie").pages[0], "theorie/gehechtheidstheorie.html");
});

test("rank: a longer word counts only as an ending or a compound (regel -> regels, not regelmatig)", () => {
  const found = search("regel");
  assert.equal(found.pages[0], "aanbevelingen/5-conflicten.html");
  assert.notEqual(found.pages[0], "aanbevelingen/4-reflecteren.html", "'Reflecteer regelmatig' is not about rules");
});

test("rank: a thesaurus word finds the page that says it in the guideline's words (English)", () => {
  const found = search("teacher picks favourites", "en");
  assert.equal(found.pages[0], "en/aanbevelingen/5-conflicten.html");
});

test("strength: strong, weak (part of the query) or none (nothing of the field)", () => {
  assert.equal(search("eerlijk behandelen").strength, "strong");
  assert.equal(search("sensitief appeltaartrecept").strength, "weak", "one word found, one unknown");
  const outside = search("klas appeltaart");
  assert.equal(outside.strength, "none", "the one meaningful word is unknown: the honest message, no list");
  assert.deepEqual(outside.pages, []);
  assert.notEqual(search("klas").strength, "none", "twin: a common word of the field alone still finds pages");
});

test("tidy: results ranked, and no 'missing' words on the cards", () => {
  const understood = Z.rewrite("heldere regels conflict", "nl");
  const result = { items: candidates(understood, "nl").reverse() };
  const tidied = Z.tidy(result, understood);
  assert.equal(tidied.items[0][0].location.split("#")[0], "aanbevelingen/5-conflicten.html");
  for (const group of tidied.items) for (const item of group) assert.deepEqual(item.terms, {});
  const untouched = { items: [[{ location: "x.html", terms: { a: false } }]] };
  assert.deepEqual(Z.tidy(untouched, null).items[0][0].terms, { a: false }, "twin: without a rewrite, as Material sent it");
});

test("a page left out of the index is found by its title and the editors' words", () => {
  assert.deepEqual(ADDED.map((doc) => doc[0]), ["hele-leidraad.html"], "twin: a page without a title is not added");
  assert.equal(ADDED[0][1], "De hele leidraad");
  assert.equal(search("pdf").pages[0], "hele-leidraad.html");
  assert.equal(search("alles afdrukken").pages[0], "hele-leidraad.html");
});

test("a word's other forms are never stop words (moe is not moet)", () => {
  const forms = terms("moe");
  assert.ok(forms.includes("moe") && !forms.includes("moet"), forms.join(" "));
  assert.ok(forms.includes("moede"), "twin: a form that is no stop word stays: " + forms.join(" "));
});

test("stems: participles, -heid, -iviteit and -atie/-eren find the verb; English -ly, -ier, -ied, -ment", () => {
  const share = (a, b, language = "nl") => Z.stems(a, language).some((stem) => Z.stems(b, language).includes(stem));
  assert.ok(share("geschreeuwd", "schreeuwen"));
  assert.ok(share("gecorrigeerd", "corrigeren"));
  assert.ok(share("opgelost", "oplossen"), "a separable verb: op-ge-lost");
  assert.ok(share("gepest", "pesten"));
  assert.ok(Z.stems("onzekerheid", "nl").includes("onzeker"));
  assert.ok(Z.stems("sensitiviteit", "nl").includes("sensitief"));
  assert.ok(share("regulatie", "reguleren") && share("reflectie", "reflecteren"));
  assert.ok(!share("gedrag", "dragen"), "twin: gedrag is no participle of dragen");
  assert.ok(!share("gesprek", "spreken"), "twin: nor gesprek of spreken");
  assert.ok(share("unfairly", "unfair", "en") && share("angrier", "angry", "en") && share("worried", "worry", "en"));
  assert.ok(share("punishment", "punish", "en") && share("motivation", "motivate", "en"));
  assert.ok(!share("fairly", "fairy", "en"), "twin: -ly is taken off, not turned into -y");
});

test("strength: a page is a strong match only with the query's rarest word and no unknown word", () => {
  assert.equal(search("theorie van bowlby").strength, "strong");
  assert.equal(search("bowlby appeltaartrecept").strength, "weak", "an unknown word: no strong match");
  assert.equal(search("eerlijk blijkbaar").strength, "strong", "an everyday filler (algemeen) is not unknown");
  assert.equal(search("eerlijk blijkbaarx").strength, "weak", "twin: a word nobody listed is unknown");
});

test("a query that names a recommendation by its number goes to it", () => {
  assert.equal(search("aanbeveling 5").pages[0], "aanbevelingen/5-conflicten.html");
  assert.equal(search("aanbeveling 4").pages[0], "aanbevelingen/4-reflecteren.html", "twin: another number");
  assert.equal(search("recommendation 3", "en").pages[0], "en/aanbevelingen/3-autonomie.html");
});

test("a Dutch verb and its particle far apart are one word when that word is known (loopt ... weg)", () => {
  const group = Z.rewrite("leerling loopt steeds weg", "nl").groups.find((g) => g.typed === "wegloopt");
  assert.ok(group, "loopt ... weg -> wegloopt, a form of weglopen (zoekwoorden.yml)");
  assert.ok(group.terms.includes("conflict"));
  assert.ok(!Z.rewrite("een leerling loop op", "nl").groups.some((g) => g.typed === "oploop"),
    "twin: op + loop is no word anybody knows, so they stay apart");
  const infinitive = Z.rewrite("hij probeert weg te lopen", "nl").groups.find((g) => g.typed === "weglopen");
  assert.ok(infinitive && infinitive.terms.includes("conflict"), "weg te lopen -> weglopen");
  assert.ok(!Z.rewrite("hij probeert op te lopen", "nl").groups.some((g) => g.typed === "oplopen"),
    "twin: op te lopen stays apart, oplopen is no word anybody knows");
});

test("a compound typed as two words is one again when one half alone is unknown (voorbeeld functie)", () => {
  assert.equal(Z.rewrite("voorbeeld functie", "nl").groups[0].typed, "voorbeeldfunctie");
  assert.equal(search("voorbeeld functie").pages[0], "aanbevelingen/2-kansen.html");
  assert.deepEqual(Z.rewrite("heldere regels", "nl").groups.map((g) => g.typed), ["heldere", "regels"],
    "twin: two known words stay two words");
});

test("a colon after a word that is no field of the index is punctuation (ib: ..., groep 5: ...)", () => {
  for (const query of ["ib: ruzie met een leerling", "vraag: hoe voorkom ik ruzie", "groep 5: ruzie in de klas"]) {
    const understood = Z.rewrite(query, "nl");
    assert.ok(understood, `${query}: rewritten, not left to lunr (which reads 'ib:' as a field and finds nothing)`);
    assert.ok(understood.groups.some((g) => g.terms.includes("conflict")), query);
    const plain = query.replace(/^[^:]*:/, "");
    assert.ok(search(query).pages.length > 0, query);
    assert.equal(search(query).pages[0], search(plain).pages[0], `${query}: as without its label`);
  }
  assert.equal(Z.rewrite("title:herstel", "nl"), null, "twin: a field of the index before the colon is lunr's syntax");
  assert.equal(Z.rewrite("zoekwoorden:slotje", "nl"), null, "twin: our own field too");
});

test("rank: a situation (mijn leerling, ik ...) puts pages with advice before theory, unless it names the theory", () => {
  const situation = search("veilige basis voor mijn leerling");
  assert.ok(situation.understood.situation);
  assert.ok(situation.pages.indexOf("aanbevelingen/1-band.html") < situation.pages.indexOf("theorie/gehechtheidstheorie.html"),
    situation.pages.join(" "));
  assert.equal(search("veilige basis").pages[0], "theorie/gehechtheidstheorie.html", "twin: no situation, the theory first");
  assert.equal(search("gehechtheidstheorie veilige basis leerling").pages[0], "theorie/gehechtheidstheorie.html",
    "twin: a situation that names the theory goes to it");
  assert.ok(search("a secure base for my pupil", "en").understood.situation, "English: my, pupil");
  assert.ok(!search("secure base", "en").understood.situation);
});

test("rank: of three meaningful words, a page with one of them comes after a page with two", () => {
  // 2 Kansen has voorbeeldfunctie in a heading (one word); the glossary's section has voorbeeldfunctie and
  // eerlijk. Asked with a third word that neither has, the page with two of them comes first.
  assert.equal(search("voorbeeldfunctie eerlijk sensitief").pages[0], "begrippen.html");
  assert.equal(search("voorbeeldfunctie eerlijk klas").pages[0], "aanbevelingen/2-kansen.html",
    "twin: a common third word (klas) makes no three meaningful words: the rule is off, the glossary after");
});
