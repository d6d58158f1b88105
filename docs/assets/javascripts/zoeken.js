/* Query understanding for the site search: what a reader types, turned into words the index knows.
 *
 * Material searches with lunr in a Web Worker. It matches words by prefix (every term gets a trailing
 * `*`), does not stem, split compounds, correct typos or drop question words, and has no synonyms.
 *
 * Why here, and not in lunr's pipeline: the worker is Material's own bundle (nothing can be added to it),
 * lunr skips its search pipeline for wildcard terms (so for every query Material sends), and a pipeline
 * function sees one token at a time: it cannot read a question sentence or a phrase, or weigh one word
 * against another. taal.js wraps Material's Worker and sees the SETUP message (the whole index) and every
 * QUERY before the worker does; it hands them to this file. So all of this runs in the page, the same over
 * http and file:// (where the "worker" is an iframe), and nothing is fetched: the vocabulary is taken from
 * the index itself, per language; the editors' synonyms come with data/zoekwoorden.yml as a script
 * (assets/javascripts/zoekwoorden.js, written by hooks/zoeken.py). Both load when the reader turns to search.
 *
 * - prepare(SETUP): the words of data/zoekwoorden.yml `paginas` go into a field of their page or section
 *   that is searched but never shown; front-matter `tags` join them (Material would show them as chips);
 *   a page's own words count as its title; a page left out of the index (the whole guide, all worksheets)
 *   is added with its title and these words only; titles are escaped (Material writes them into the
 *   result as HTML). Then the vocabulary per language.
 * - rewrite(query, language): a lunr query for Material's worker. Question words and stop words go;
 *   phrases and words from the data file become the guideline's words; each remaining word is searched as
 *   typed, with its other forms (diminutive, plural, verb: complimentjes -> compliment*; participles and
 *   derived nouns: geschreeuwd, onzekerheid, regulatie; English -ly, -ier, -ment), split into words
 *   the index knows when it is an unknown compound (relatieherstel -> relatie* herstel*) and corrected
 *   when it is unknown (edit distance 1 from 5 letters, 2 from 9: leerlign -> leerling*). Every term keeps
 *   Material's syntax: `term*^N`, a prefix with a weight; the word as typed weighs most, so an exact match
 *   ranks first, and words found on more than a fifth of the documents (klas, leerling) count, beside
 *   other words, only in the running text and weakly (`text:klas*^2`): they cannot pull up a page whose
 *   title happens to have them. A number is a whole word (`2^10`).
 *   A Dutch verb and its particle far apart are joined (loopt ... weg -> weglopen), and a compound typed as
 *   two words (zelf determinatie) too, when the result is a known word. "aanbeveling 2" names a page.
 *   A query with lunr syntax of its own (+ - ~ ^ * " or a field: title:herstel) is left alone; a colon
 *   after any other word is punctuation (ib: ..., vraag: ..., groep 5: ...), as lunr would read it as an
 *   unknown field and find nothing.
 * - rank(items, understood), from tidy(RESULT): lunr finds the candidates (every document with a word of
 *   the rewritten query); the order comes from here, by the whole query. Each word the reader typed is a
 *   group (its forms, the editors' words, its parts, its correction); a group weighs by how rare its words
 *   are in the language's documents (BM25's idf; common and everyday words little), a section scores the
 *   groups it has (BM25 saturation and length; more in its heading), a page its best section, part of
 *   the rest and more when its own title has a word of the query; glossary and statements (and overviews)
 *   come after content unless named; in a situation (ik ..., mijn groep ..., een leerling ...) pages with
 *   advice (recommendations, exercises) come before theory, tools and team pages unless named, and of three
 *   or more meaningful words a page with one comes after pages with more. It also says how sure the best
 *   result is: strong (the page has the query's rarest word and every word the guideline does not know),
 *   weak (results under a plain "no strong match" line with the three links) or none (outside the field:
 *   only the line and links). The cards lose Material's struck-through "missing" words.
 *   Why not a second engine (MiniSearch has BM25+, fuzzy and prefix search): Material's worker, cards,
 *   grouping, highlighting and ?h= stay as they are, and what was wrong was the order, which needs what
 *   only this file knows (which terms stand for which typed word, which are synonyms or parts). A second
 *   engine would build a second index of the same text in the page; this takes the postings from the
 *   index Material already hands over (about 150 ms once; a query about 1-12 ms).
 * - A pasted query searches: Material reads the box on keyup only, so an input event without a key is
 *   passed on as one.
 */
(function (root) {
  "use strict";
  var SECOND = "en";                     // the language under /en/; Dutch at the root
  var FIELD = "zoekwoorden";             // searched, never shown: words from data/zoekwoorden.yml
  var FIELD_BOOST = 1000;                // as strong as a title (Material: title 1000, text 1)
  var COMMON_SHARE = 0.2;                // on more than this share of a language's documents: common
  var WEIGHT = { typed: 10, form: 8, part: 8, synonym: 8, typo: 7, common: 2 };
  var LUNR_SYNTAX = /[+~^*"]|(^|\s)-\S/;
  var FIELD_SYNTAX = /([\p{L}\p{N}_]+):/gu;    // lunr: field:term, but only for a field of the index
  var fields = ["title", "text", "tags", FIELD];  // replaced by the index's own fields in prepare()
  /* Ranking (rank): how much a match of each kind counts, and the pages that must not crowd out content. */
  var MATCH = { typed: 1, form: 0.9, synonym: 0.9, part: 0.6, typo: 0.75 };
  var PREFIX = 0.85;                     // a longer word that starts with the term (herstel -> herstelgesprek)
  var SHORT_PREFIX = 0.4;                // ... when the term is short (car -> care): a hint, not a match
  var HEADING = 1.5;                     // the word is in the section's or page's heading
  var NAMED = 1.2;                       // ... in the page's own title: the query names the page
  var COMMON_WEIGHT = 0.15;              // a common word (klas, teacher) beside others
  var SIDE_PAGES = /^(?:en\/)?(?:begrippen|privacy|toegankelijkheid|versies|over-deze-leidraad)\.html$/;
  var SIDE_WEIGHT = 0.35;                // glossary and statements: first only when the query names them
  var OVERVIEW_PAGES = /^(?:en\/)?(?:index|samenvatting|poster|teamoverleg|theorie\/cirkel-verkenner|(?:aanbevelingen|theorie|aan-de-slag|toets|teamcyclus)\/index)\.html$/;
  var OVERVIEW_WEIGHT = 0.7;             // pages that sum up the others (and the circle explorer, which
                                         // names every kind of behaviour): after the pages they point to
  var RECOMMENDATION = /^(?:en\/)?aanbevelingen\/([1-6])-/;   // a query may name one by its number: first
  /* A reader who tells a situation (ik ..., mijn groep ..., een leerling die ...) wants to know what to do:
     nearly every such query in the blind sets expects a recommendation or an exercise. Theory, tools,
     self-tests, team pages and overviews share its words (gedrag, relatie, negatief) without the advice,
     so there they come after the advice unless the query names them (a word of their title or of their
     words in zoekwoorden.yml). Only the order changes: these pages stay in the list. */
  var ADVICE_PAGES = /^(?:en\/)?(?:aanbevelingen\/[1-6]-|aan-de-slag\/(?!index\.html))/;
  /* A longer query (three words or more that mean something) whose page has only one of them: a hint,
     not an answer: a page that has two or more of the reader's words goes first when the scores are close,
     so one frequent word cannot decide a weak match alone. The rule orders; how sure the answer is stays
     judged without it (else a question from outside the field, with two loose words on some page, would
     look answered: it cost three of the off-topic queries their honest message). */
  var ONE_WORD_WEIGHT = 0.6;
  var SITUATION_WEIGHT = 0.8;            // a page that gives no advice, in a situation
  var SITUATION = {                      // words that make a query a situation: the teacher, a child, a class
    nl: /(?:^|[^\p{L}])(?:ik|me|mij|mijn|mezelf|leerlingen?|kind|kinderen|kindje|jongen|jongetje|meisje|kleuters?|klasgeno(?:ot|ten)|klas|groep|zoon|dochter)(?![\p{L}])/u,
    en: /(?:^|[^\p{L}])(?:i|me|my|myself|pupils?|child|children|kids?|boy|girl|students?|class|toddler|son|daughter)(?![\p{L}])/u
  };
  var K1 = 1.2, B = 0.75;                // BM25: how fast repeats of a word saturate; how much length counts
  var KNOWN = 1.5;                       // a word with synonyms in zoekwoorden.yml: a word of the field
  var UNKNOWN = 0.75;                    // a word no document has: nearly as much as the rarest word
  var SURE_SHARE = 0.75;                 // ... or this share, even from one word in the running text
  var STRONG_SHARE = 0.4;                // the best page has this share of the query's weight: a strong match
  var SPLIT = new RegExp("[^\\p{L}\\p{N}]+", "u");

  var languages = {};                    // per language: vocabulary and the editors' words

  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }

  function words(text) { return text.toLowerCase().split(SPLIT).filter(Boolean); }

  function languageOf(location) { return location.split("/")[0] === SECOND ? SECOND : "nl"; }

  /* The stems a word may have, so that its forms find each other in the vocabulary: the word, and the
     word without one ending, each with the spelling that changes with it. Two words are forms of one
     another when they share a stem (kaart: kaart, kar; kaarten: kaarten, kaart). Dutch: diminutive (-je,
     -tje, -pje, -etje, plural -s), plural (-en, -s), adjective and verb endings (-e, -t, -de, -te, -end),
     the verbal noun (-ing, -ingen: bespreking -> bespreken);
     then klass -> klas, stoor -> stor, boz -> bos, briev -> brief, werkblaad -> werkblad. English: -s,
     -es, -ed, -ing, final -e. */
  var DUTCH_ENDINGS = ["etjes", "tjes", "pjes", "jes", "etje", "tje", "pje", "je", "ingen", "ing",
                       "ende", "end", "den", "ten", "en", "er", "de", "te", "es", "e", "s", "t"];
  var ENGLISH_ENDINGS = ["ing", "ed", "es", "s", "e"];
  function spelling(stem, language) {
    if (language === SECOND) return stem.replace(/([bdfgklmnprt])\1$/, "$1");
    return stem
      .replace(/([bdfgklmnprst])\1$/, "$1")          // klass -> klas, straff -> straf
      .replace(/(aa|ee|oo|uu)([^aeiouy]+)$/, function (all, vowel, rest) { return vowel[0] + rest; })
      .replace(/z$/, "s").replace(/v$/, "f");        // boz -> bos, briev -> brief
  }
  function stems(word, language) {
    var found = [word];
    if (word.length <= 3 || /\d/.test(word)) return found;
    var endings = language === SECOND ? ENGLISH_ENDINGS : DUTCH_ENDINGS;
    var normal = spelling(word, language);
    if (normal !== word && normal.length >= 3) found.push(normal);
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (word.length - ending.length < 3 || word.slice(-ending.length) !== ending) continue;
      var stem = word.slice(0, -ending.length);
      if (ending === "t" && /(c|ch|[^t]s|n)$/.test(stem)) continue;  // conflict, leerkracht, tekst, moment (but botst, kletst)
      if (/^ing/.test(ending) && /([^aeiou])\1$/.test(stem)) continue;  // spelling is not spel(en)
      stem = spelling(stem, language);
      if (stem.length >= 3 && found.indexOf(stem) < 0) found.push(stem);
    }
    derived(word, language).forEach(function (stem) {
      if (stem.length >= 4 && found.indexOf(stem) < 0) found.push(stem);
    });
    return found;
  }

  /* Stems of forms that a trimmed ending does not reach. Dutch: the past participle (geschreeuwd ->
     schreeuw, gecorrigeerd -> corriger, as corrigeren; opgelost -> oplos, as oplossen), nouns in -heid
     (onzekerheid -> onzeker), -iviteit (sensitiviteit -> sensitief) and -atie/-ctie beside the verb in
     -eren (regulatie, reguleren -> reguler; reflectie, reflecteren -> reflecter). English: -ly, -ness,
     -ment, -ity, -ation, -ier/-ied/-ies (angrier, worried -> angry, worry) and the comparative -er. */
  var PARTICLES = "op|uit|aan|af|in|mee|na|om|over|terug|voor|weg|toe|bij|door|samen|vast|tegen";
  var PARTICIPLE = new RegExp("^(" + PARTICLES + ")?ge([a-z\u00e0-\u00ff]{3,}?)([dt])$");
  function derived(word, language) {
    var found = [], match;
    if (language === SECOND) {
      [[/ily$/, "y"], [/ly$/, ""], [/ness$/, ""], [/ment$/, ""], [/ivity$/, "ive"], [/ity$/, ""],
       [/ation$/, "at"], [/i(?:er|ed|es|est)$/, "y"], [/er$/, ""]].forEach(function (rule) {
        if (rule[0].test(word)) found.push(spelling(word.replace(rule[0], rule[1]), language));
      });
      return found;
    }
    if ((match = PARTICIPLE.exec(word))) {
      var base = (match[1] || "") + match[2];
      found.push(spelling(base, language), spelling(base + match[3], language));
    }
    [[/heid$/, ""], [/heden$/, ""], [/iviteit$/, "ief"], [/atie$/, "er"], [/ctie$/, "cter"]].forEach(function (rule) {
      if (rule[0].test(word)) found.push(spelling(word.replace(rule[0], rule[1]), language));
    });
    return found;
  }
  function matchable(word, language) {               // the stems by which an editor's word is recognised
    return stems(word, language).filter(function (stem, i) { return i === 0 || stem.length >= 4; });
  }
  function shares(a, b) { return a.some(function (stem) { return b.indexOf(stem) >= 0; }); }

  /* Edit distance with adjacent transpositions (leerlign -> leerling is one), or limit + 1 when larger. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = [], previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current[j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function escapeTitle(title) {
    return String(title).replace(/&(?!(?:[a-z]+|#\d+|#x[0-9a-f]+);)/gi, "&amp;")
      .replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function plain(html) { return String(html).replace(/<[^>]*>/g, " ").replace(/&(?:[a-z]+|#\d+);/gi, " "); }

  function escapeText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* ------------------------------------------------------------------------------------- SETUP */

  function prepare(message) {
    var data = root.leidraadZoekwoorden || {};
    var index = message && message.data;
    if (!index || !Array.isArray(index.docs) || !index.config) return message;
    var extra = {}, known = new Set(index.docs.map(function (doc) { return doc.location; }));
    Object.keys(data).forEach(function (language) {
      var pages = data[language].paginas || {}, titles = data[language].titels || {};
      Object.keys(pages).forEach(function (location) {
        extra[location] = (extra[location] || []).concat(pages[location]);
        // A page left out of the index (the whole guide, all worksheets: they repeat the others) is
        // found by its title and the editors' words alone, never by the text it repeats.
        if (!known.has(location) && titles[location]) {
          known.add(location);
          index.docs.push({ location: location, title: titles[location], text: "" });
        }
      });
    });
    index.docs.forEach(function (doc) {
      var added = (extra[doc.location] || []).slice();
      if (Array.isArray(doc.tags)) added = added.concat(doc.tags.map(String));
      delete doc.tags;                               // never shown as chips
      if (added.length) doc[FIELD] = escapeText(added.join(" "));
      doc.title = escapeTitle(doc.title);
    });
    index.config.fields[FIELD] = { boost: FIELD_BOOST };
    fields = Object.keys(index.config.fields).concat("tags");

    languages = {};
    var titles = {};                                 // page location -> its title (for its sections)
    index.docs.forEach(function (doc) { if (doc.location.indexOf("#") < 0) titles[doc.location] = doc.title; });
    index.docs.forEach(function (doc) {
      var language = languageOf(doc.location);
      var state = languages[language] || (languages[language] = {
        language: language, documents: 0, vocabulary: new Map(), roots: new Map(),
        docs: new Map(), postings: new Map(), headings: new Map()
      });
      var number = state.documents;
      state.documents += 1;
      var page = doc.location.split("#")[0];
      var text = [doc.title, doc.text, doc[FIELD] || ""].join(" ")
        .replace(/<[^>]*>/g, " ").replace(/&(?:[a-z]+|#\d+);/gi, " ");
      var seen = new Map(), all = words(text);
      all.forEach(function (form) {
        var key = fold(form);
        if (seen.has(key)) { seen.set(key, seen.get(key) + 1); return; }
        seen.set(key, 1);
        var entry = state.vocabulary.get(key);
        if (!entry) state.vocabulary.set(key, entry = { form: form, df: 0 });
        entry.df += 1;
      });
      seen.forEach(function (count, key) {
        (state.postings.get(key) || state.postings.set(key, new Map()).get(key)).set(number, count);
      });
      state.length = (state.length || 0) + all.length;
      var heading = new Set(words(plain(doc.title) + " " + (doc[FIELD] || "")).map(fold));
      state.docs.set(doc.location, { number: number, page: page, heading: heading, length: all.length,
        named: new Set(words(plain(titles[page] || "") + " " + (extra[page] || []).join(" ")).map(fold)),
        prior: SIDE_PAGES.test(page) ? SIDE_WEIGHT : OVERVIEW_PAGES.test(page) ? OVERVIEW_WEIGHT : 1 });
    });
    Object.keys(languages).forEach(function (language) {
      var state = languages[language];
      var table = data[language] || {};
      state.sorted = Array.from(state.vocabulary.keys()).sort();
      state.sorted.forEach(function (key) {
        stems(key, language).forEach(function (stem) {
          if (!state.roots.has(stem)) state.roots.set(stem, []);
          state.roots.get(stem).push(key);
        });
      });
      state.stop = new Set((table.stopwoorden || []).map(fold));
      state.common = new Set((table.algemeen || []).map(fold));
      state.single = new Map();                      // root of a one-word key -> the guideline's words
      state.singleKeys = [];                         // the one-word keys, for a typo in one of them
      state.phrases = [];                            // keys of more words: all their roots in the query
      Object.keys(table.woorden || {}).forEach(function (key) {
        var keyWords = words(normalise(key, language)).map(function (w) { return matchable(fold(w), language); });
        var value = [].concat(table.woorden[key]);
        if (keyWords.length === 1) {
          keyWords[0].forEach(function (stem) { state.single.set(stem, (state.single.get(stem) || []).concat(value)); });
          state.singleKeys.push(keyWords[0][0]);
        } else if (keyWords.length > 1) state.phrases.push({ roots: keyWords, value: value, key: key });
      });
      state.phrases.sort(function (a, b) { return b.roots.length - a.roots.length; });
    });
    return message;
  }

  /* ------------------------------------------------------------------------------------- QUERY */

  function normalise(text, language) {
    text = text.toLowerCase().replace(/[\u2019`\u00b4]/g, "'").replace(/(\d+)\s*[x\u00d7]\s*(\d+)/g, "$1x$2");
    if (language === SECOND) text = text.replace(/n't\b/g, " not");
    return text;
  }

  function hasPrefix(state, key) {
    var low = 0, high = state.sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (state.sorted[middle] < key) low = middle + 1; else high = middle;
    }
    return low < state.sorted.length && state.sorted[low].indexOf(key) === 0;
  }

  function formOf(state, key, typed) {
    var entry = state.vocabulary.get(key);
    return entry ? entry.form : typed;
  }

  function isCommon(state, key) {
    if (state.common.has(key)) return true;
    var entry = state.vocabulary.get(key);
    return !!entry && entry.df > COMMON_SHARE * state.documents;
  }

  /* The vocabulary words within the allowed distance of an unknown word, best first (at most two). */
  function corrections(state, key) {
    var cache = state.corrected || (state.corrected = new Map());   // a word typed stays while the next is typed
    if (!cache.has(key)) {
      if (cache.size >= 500) cache.clear();
      cache.set(key, correct(state, key));
    }
    return cache.get(key);
  }
  function correct(state, key) {
    var limit = key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
    if (!limit) return [];
    var found = [];
    state.sorted.forEach(function (candidate) {
      if (candidate.length < 4) return;
      var d = distance(key, candidate, limit), whole = true;
      // a typo in the first part of a longer word (its first letter right: a typo there is rare, and this
      // look at every longer word is what a correction costs)
      if (d > limit && candidate.length > key.length && candidate[0] === key[0]) {
        d = Math.min(distance(key, candidate.slice(0, key.length), limit),
                     distance(key, candidate.slice(0, key.length + 1), limit));
        whole = false;
      }
      if (d <= limit) found.push({ key: candidate, d: d, whole: whole, df: state.vocabulary.get(candidate).df });
    });
    found.sort(function (a, b) { return a.d - b.d || (b.whole - a.whole) || b.df - a.df; });
    return found.filter(function (c) { return c.d === found[0].d; }).slice(0, 2).map(function (c) {
      return c.whole ? c.key : c.key.slice(0, key.length);
    });
  }

  /* An unknown compound as words of the index (gedragsregels -> gedrag + regels), fewest parts first. */
  function compound(state, key) {
    if (key.length < 7) return null;
    var best = [{ parts: [], score: 0 }];
    function known(part) {
      return state.vocabulary.has(part) || (part.length >= 4 && stems(part, state.language).some(function (stem) {
        return stem.length >= 4 && state.roots.has(stem);
      }));
    }
    for (var i = 0; i < key.length; i++) {
      if (!best[i] || best[i].parts.length >= 3) continue;
      for (var j = i + 3; j <= key.length; j++) {
        var part = key.slice(i, j);
        if ((i === 0 && j === key.length) || !known(part)) continue;   // the word itself is no split
        if (part.length === 3 && (i > 0 || !state.vocabulary.has(part))) continue;  // les-overgangen: a known short first word
        var entry = state.vocabulary.get(part);
        var score = best[i].score + 100 - Math.log(1 + (entry ? entry.df : 1));
        [j, key[j] === "s" ? j + 1 : -1, key[j] === "e" ? j + 1 : -1, key.slice(j, j + 2) === "en" ? j + 2 : -1]
          .forEach(function (next) {
            if (next < 0 || next > key.length || (next < key.length && key.length - next < 4)) return;
            if (!best[next] || best[next].score > score) best[next] = { parts: best[i].parts.concat([part]), score: score };
          });
      }
    }
    var result = best[key.length];
    if (result && result.parts.length >= 2) return result.parts;
    // Not all of it is known (collegaconsultatie): the longest known first or last part, at least 5 letters.
    for (var length = key.length - 3; length >= 5; length--) {
      var half = known(key.slice(0, length)) ? [key.slice(0, length)] :
        known(key.slice(key.length - length)) ? [key.slice(key.length - length)] : null;
      if (half) { half.partial = true; return half; }
    }
    return null;
  }

  /* Other forms of a word in the vocabulary (complimentjes -> complimenten, compliment), most used first;
     never a stop word (moe is not moet, moeten). */
  function formsOf(state, key) {
    var found = [];
    stems(key, state.language).forEach(function (stem) {
      (state.roots.get(stem) || []).forEach(function (other) {
        if (other !== key && found.indexOf(other) < 0 && !state.stop.has(other)) found.push(other);
      });
    });
    return found.sort(function (a, b) { return state.vocabulary.get(b).df - state.vocabulary.get(a).df; }).slice(0, 6);
  }

  /* The terms that stand for one word the reader typed: {found: [{term, kind, common}], parts: [words]}.
     A known word is searched as typed and in its other forms; an unknown one is corrected and, when it is
     a compound, split; a known compound found on one or two documents only is split as well (weighing
     less than the word itself, so the page that has the compound comes first). */
  function alternatives(state, typed, allowSplit) {
    var key = fold(typed), found = [];
    var entry = state.vocabulary.get(key);
    var known = !!entry || hasPrefix(state, key);
    var forms = formsOf(state, key);
    var common = !/^\d+$/.test(key) &&
      (isCommon(state, key) || forms.some(function (other) { return isCommon(state, other); }));
    function add(term, kind) {
      found.push({ term: term, kind: kind, common: common || (!/^\d+$/.test(term) && isCommon(state, fold(term))) });
    }
    if (known) add(formOf(state, key, typed), "typed");
    if (entry && key.length <= 3) found[0].exact = true;  // les is les, not lesactiviteiten
    forms.forEach(function (other) { add(formOf(state, other, other), "form"); });
    if (!known && !forms.length) {                   // a form of a longer word: verjaardagjes -> verjaardag*
      stems(key, state.language).forEach(function (stem) {
        if (stem !== key && stem.length >= 5 && hasPrefix(state, stem) && !found.length) add(stem, "form");
      });
    }
    var parts = [];
    if (allowSplit && !common && (!known && !forms.length && !found.length || (entry && entry.df <= 2 && key.length >= 9))) {
      var base = stems(key, state.language).filter(function (stem) { return stem.length >= 7; });
      for (var i = 0; i < base.length && !parts.length; i++) parts = compound(state, base[i]) || [];
    }
    // an unknown word is corrected; also when a cut-off ending made a prefix of it (privacyverklaing ->
    // privacyverkla*, the typo of privacyverklaring: the prefix alone found the page but left the query unsure)
    if (!known && !forms.length && allowSplit && !state.common.has(key)) {
      corrections(state, key).forEach(function (c) { add(formOf(state, c, c), "typo"); });
    }
    return { found: found, parts: parts };
  }

  /* The editors' one-word key an unknown word is a typo of (edit distance 1 from 5 letters, 2 from 9). */
  function misspelt(state, key) {
    var limit = key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
    if (!limit || state.vocabulary.has(key) || hasPrefix(state, key)) return null;
    for (var i = 0; i < state.singleKeys.length; i++) {
      var candidate = state.singleKeys[i];
      if (candidate.length >= 5 && distance(key, candidate, limit) <= limit) return state.single.get(candidate);
    }
    return null;
  }

  /* A Dutch verb whose particle stands apart (loopt ... weg, lacht ... uit, valt ... uit) is one word:
     weglopen, uitlachen, uitvallen. The particle is joined to a verb before it when the joined word is
     one the guideline or the editors know; the verb then stands for it and the particle is used up. A
     particle followed by te and a verb is the infinitive of such a verb (uit te dagen, aan te spreken). */
  var PARTICLE = new RegExp("^(?:" + PARTICLES + ")$");
  function joinParticles(state, typed) {
    function known(key) {
      return matchable(key, state.language).some(function (stem) { return state.single.has(stem); }) ||
        stems(key, state.language).some(function (stem) { return stem.length >= 5 && state.roots.has(stem); });
    }
    typed.forEach(function (particle, i) {
      if (!PARTICLE.test(particle.key)) return;
      // "uit te dagen", "aan te spreken": the particle, te and the verb are one infinitive (uitdagen)
      var verbAfter = typed[i + 2];
      if (typed[i + 1] && typed[i + 1].key === "te" && verbAfter && !verbAfter.joined && verbAfter.key.length >= 3 &&
          known(particle.key + verbAfter.key)) {
        var whole = particle.key + verbAfter.key;
        typed[i + 2] = { text: whole, key: whole, stems: matchable(whole, state.language), used: false, joined: true };
        particle.used = true;
        return;
      }
      for (var j = i - 1; j >= 0; j--) {
        var verb = typed[j];
        if (verb.joined || PARTICLE.test(verb.key) || verb.key.length < 3 || state.stop.has(verb.key)) continue;
        var key = particle.key + verb.key;
        if (!known(key)) continue;
        typed[j] = { text: key, key: key, stems: matchable(key, state.language), used: false, joined: true };
        particle.used = true;
        return;
      }
    });
  }

  /* A compound typed as two words (zelf determinatie, gehechtheids theorie) is one word again when one of
     the two is unknown and the two together are (the start of) a word of the guideline. */
  function joinWords(state, typed) {
    function unknown(w) { return !state.vocabulary.has(w.key) && !hasPrefix(state, w.key); }
    for (var i = 0; i + 1 < typed.length; i++) {
      var a = typed[i], b = typed[i + 1];
      if (a.key.length < 3 || b.key.length < 3 || !(unknown(a) || unknown(b))) continue;
      var key = a.key + b.key;
      if (!state.vocabulary.has(key) && !(key.length >= 8 && hasPrefix(state, key))) continue;
      typed.splice(i, 2, { text: key, key: key, stems: matchable(key, state.language), used: false, joined: true });
    }
  }

  /* Whether the reader wrote lunr's syntax: its signs, or a field of the index before a colon. */
  function lunrSyntax(query) {
    if (LUNR_SYNTAX.test(query)) return true;
    var match;
    FIELD_SYNTAX.lastIndex = 0;
    while ((match = FIELD_SYNTAX.exec(query))) if (fields.indexOf(match[1].toLowerCase()) >= 0) return true;
    return false;
  }

  function rewrite(query, language) {
    var state = languages[language];
    if (!api.aan || !state || typeof query !== "string" || !query.trim() || lunrSyntax(query)) return null;
    var typed = words(normalise(query, language)).map(function (w) {
      return { text: w, key: fold(w), stems: matchable(fold(w), language), used: false };
    });
    joinWords(state, typed);
    if (language !== SECOND) joinParticles(state, typed);
    var groups = [];                                 // [{typed, terms: [{term, kind}]}]
    function misspeltKey(key) { return misspelt(state, key); }
    function synonymsOf(wordStems) {
      for (var i = 0; i < wordStems.length; i++) if (state.single.has(wordStems[i])) return state.single.get(wordStems[i]);
      return null;
    }

    /* Each phrase of the editors' words is one alternative; its words all count (rank: alt, word). */
    function synonymGroup(label, value) {
      var terms = [];
      value.forEach(function (phrase, number) {
        words(normalise(phrase, language)).filter(function (w) { return w.length > 1 && !state.stop.has(fold(w)); })
          .forEach(function (w, position) {
            alternatives(state, w, false).found.forEach(function (alt) {
              terms.push({ term: alt.term, kind: alt.kind === "typed" ? "synonym" : "form", common: alt.common,
                           alt: number + 1, word: position });
            });
          });
      });
      return { typed: label, terms: terms };
    }

    state.phrases.forEach(function (phrase) {
      var matched = [];
      phrase.roots.forEach(function (r) {
        var word = typed.filter(function (w) { return !w.used && matched.indexOf(w) < 0 && shares(w.stems, r); })[0];
        if (word) matched.push(word);
      });
      if (matched.length !== phrase.roots.length) return;
      matched.forEach(function (w) { w.used = true; });
      var group = synonymGroup(matched.map(function (w) { return w.text; }).join(" "), phrase.value);
      matched.forEach(function (w, position) {       // the reader's own words: one more alternative
        alternatives(state, w.text, false).found.forEach(function (alt) {
          group.terms.push({ term: alt.term, kind: alt.kind, common: alt.common, alt: 0, word: position });
        });
      });
      groups.push(group);
    });

    typed.forEach(function (word) {
      if (word.used || state.stop.has(word.key) || (word.text.length < 2 && !/\d/.test(word.text))) return;
      var synonyms = synonymsOf(word.stems) ||        // the editors know this word: no split, no correction
        misspeltKey(word.key);                        // ... or a word of theirs with a typo (bolwby)
      var own = alternatives(state, word.text, !synonyms);
      var group = { typed: word.text, terms: own.found };
      if (synonyms) group.terms = group.terms.concat(synonymGroup(word.text, synonyms).terms);
      if (group.terms.length) groups.push(group);
      own.parts.forEach(function (part) {
        var partGroup = { typed: part, of: word.text, whole: group.terms.length > 0,
          parts: own.parts.partial ? 2 : own.parts.length,          // half known: the other half is unknown
          terms: alternatives(state, part, false).found.map(function (alt) {
          return { term: alt.term, kind: "part", common: alt.common };
        }) };
        var partSynonyms = synonymsOf(matchable(part, language));
        if (partSynonyms) partGroup.terms = partGroup.terms.concat(synonymGroup(part, partSynonyms).terms);
        if (partGroup.terms.length) groups.push(partGroup);
      });
      if (!group.terms.length && !own.parts.length && !state.common.has(word.key)) {
        groups.push({ typed: word.text, terms: [] });  // unknown; an everyday word (blijkbaar) is left out
      }
      if (own.parts.partial && !group.terms.length) {  // the unknown half of a compound: it counts, unfound
        groups.push({ typed: word.text, terms: [], of: word.text, parts: 2, whole: false });
      }
    });

    var strong = groups.some(function (g) { return g.terms.some(function (t) { return !t.common; }); });
    var clauses = new Map();                         // term -> {weight, common}
    groups.forEach(function (group) {
      group.terms.forEach(function (t) {
        var term = t.term.toLowerCase();
        var weight = t.common ? (strong ? WEIGHT.common : 1) : WEIGHT[t.kind];
        var before = clauses.get(term);
        if (!before || before.weight < weight) {
          clauses.set(term, { weight: weight, common: t.common && strong, exact: !!t.exact || /^\d+$/.test(term) });
        }
      });
    });
    if (!clauses.size) return null;
    var text = [];
    clauses.forEach(function (clause, term) {
      // A number is a whole word (2 finds "aanbeveling 2", not 2x10); a common word beside others counts
      // in the running text only, so a title that has it (Contact met leerlingen uit andere klassen)
      // does not outrank the pages about the other words.
      text.push((clause.common ? "text:" : "") + term + (clause.exact ? "" : "*") + "^" + clause.weight);
    });
    // "aanbeveling 2", "recommendation 5.4": the reader names a recommendation by its number.
    var named = /(?:^|\s)(?:aanbeveling(?:en)?|recommendations?|aanb|rec)\.?\s*([1-6])(?:[.,]\d)?(?:\s|$)/.exec(normalise(query, language));
    return { text: text.join(" "), language: language, recommendation: named ? +named[1] : 0,
             situation: SITUATION[language === SECOND ? "en" : "nl"].test(normalise(query, language)), groups: groups.map(function (g) {
      return { typed: g.typed, terms: g.terms.map(function (t) { return t.term.toLowerCase(); }),
               share: g.of ? (g.whole ? 0 : 1 / g.parts) : 1,  // a part of a compound: its share of the word
               word: g.of || g.typed,                           // the word the reader typed
               kinds: g.terms.map(function (t) { return t.kind; }),
               alts: g.terms.map(function (t) { return [t.alt || 0, t.word || 0]; }),
               exact: g.terms.map(function (t) { return !!t.exact || /^\d+$/.test(t.term); }),
               // a number (groep 5, 2026) is a hint beside other words, not what the query is about
               common: /^\d+$/.test(g.typed) || (g.terms.length > 0 && g.terms.every(function (t) { return t.common; })) };
    }) };
  }

  /* -------------------------------------------------------------------------------------- RANK */

  /* The vocabulary words a term stands for: itself when exact, else every word that starts with it. */
  function keysOf(state, term, exact) {
    var key = fold(term);
    if (exact) return state.vocabulary.has(key) ? [key] : [];
    var low = 0, high = state.sorted.length, found = [];
    while (low < high) {
      var middle = (low + high) >> 1;
      if (state.sorted[middle] < key) low = middle + 1; else high = middle;
    }
    for (var i = low; i < state.sorted.length && found.length < 400 && state.sorted[i].indexOf(key) === 0; i++) {
      found.push(state.sorted[i]);
    }
    return found;
  }

  /* Does a longer word extend the term as an ending or as a compound (herstel -> herstels, herstelgesprek:
     a word of the vocabulary follows, after a linking s or e), rather than as another word (regel ->
     regelmatig)? */
  function compoundOf(state, term, key) {
    var rest = key.slice(term.length);
    if (rest.length <= 3) return true;
    return [rest, rest.replace(/^(s|e|en)/, "")].some(function (tail) {
      return tail.length >= 3 && state.vocabulary.has(tail);
    });
  }

  /* One group of the query (a word the reader typed, with its forms, synonyms, parts or correction):
     the documents it matches and how well (doc number -> factor), and its words for headings. */
  function groupMatch(state, group) {
    var parts = new Map(), tf = new Map(), keys = new Map(), tails = [];
    group.terms.forEach(function (term, i) {
      var factor = MATCH[group.kinds[i]] || MATCH.part, whole = fold(term);
      var where = group.alts ? group.alts[i] : [0, 0];
      var alt = parts.get(where[0]) || parts.set(where[0], []).get(where[0]);
      var word = alt[where[1]] || (alt[where[1]] = new Map());
      if (whole.length >= 6) tails.push({ tail: whole, factor: factor, alt: where[0], word: where[1] });
      keysOf(state, term, group.exact[i]).forEach(function (key) {
        var f = key === whole ? factor : factor * (whole.length >= 5 && compoundOf(state, whole, key) ? PREFIX : SHORT_PREFIX);
        (keys.get(key) || keys.set(key, []).get(key)).push({ f: f, alt: where[0], word: where[1] });
        (state.postings.get(key) || new Map()).forEach(function (count, n) {
          if (!(word.get(n) >= f)) word.set(n, f);
          tf.set(n, Math.max(tf.get(n) || 0, count));
        });
      });
    });
    // A document has the group as well as its best alternative: the typed word, or a phrase of the
    // editors' words, of which each word counts for its share (ongewenst gedrag: both, or half).
    var docs = new Map();
    parts.forEach(function (alt) {
      var size = alt.filter(Boolean).length;
      alt.forEach(function (word) {
        if (!word) return;
        word.forEach(function (f, n) { (docs.get(n) || docs.set(n, new Map()).get(n)).set(word, f); });
      });
      docs.forEach(function (found, n) {
        var sum = 0;
        alt.forEach(function (word) { if (word) sum += found.get(word) || 0; });
        found.best = Math.max(found.best || 0, sum / size);
      });
    });
    var best = new Map();
    docs.forEach(function (found, n) { best.set(n, found.best); });
    var sizes = new Map();
    parts.forEach(function (alt, number) { sizes.set(number, alt.filter(Boolean).length); });
    return { docs: best, tf: tf, keys: keys, tails: tails, sizes: sizes };
  }

  /* Typed key by key, a query asks for the same groups again: keep the last few hundred (read only). */
  function cachedMatch(state, group) {
    var key = JSON.stringify([group.terms, group.kinds, group.alts, group.exact]);
    var cache = state.matches || (state.matches = new Map());
    if (!cache.has(key)) {
      if (cache.size >= 300) cache.clear();
      cache.set(key, groupMatch(state, group));
    }
    return cache.get(key);
  }

  /* How well a heading has the group: a word of it, or the last part of a compound in it
     (theorie -> Gehechtheidstheorie). */
  function inHeading(heading, match) {
    var found = new Map();                           // "alt word" -> best factor
    function note(alt, word, f) {
      var key = alt + " " + word;
      if (!(found.get(key) >= f)) found.set(key, f);
    }
    heading.forEach(function (word) {
      (match.keys.get(word) || []).forEach(function (k) { note(k.alt, k.word, k.f); });
      match.tails.forEach(function (t) {
        if (word.length > t.tail.length && word.slice(-t.tail.length) === t.tail) note(t.alt, t.word, t.factor * PREFIX);
      });
    });
    var sums = new Map(), best = 0;
    found.forEach(function (f, key) {
      var alt = +key.split(" ")[0];
      sums.set(alt, (sums.get(alt) || 0) + f);
    });
    sums.forEach(function (sum, alt) { best = Math.max(best, sum / (match.sizes.get(alt) || 1)); });
    return best;
  }

  /* Rank Material's result groups (one per page) by the whole query. Each group of the query weighs by
     how rare its words are in this language's documents (BM25's idf; a common word weighs little, a word
     the index does not know weighs as the rarest: it is what the query is about and nothing has it).
     A section scores the weights of the groups it has (more in its heading); a page its best section, a
     part of what its other sections add, and more when its own title has a word of the query (the query
     names it); glossary, statements and home count half unless named. A situation (ik, mijn groep, een
     leerling) puts pages with advice first; a page with one of three or more meaningful words comes after
     pages with more (ADVICE_PAGES, ONE_WORD_WEIGHT). The score grows with the share of
     the query's weight that the page covers. Returns the ranked groups and how well the best one matches:
     strong, weak (shown with a plain message), or none (outside the guideline: no list at all). */
  function rank(items, understood, debug) {
    var state = understood && languages[understood.language];
    if (!state || !Array.isArray(items)) return { items: items, strength: "strong" };
    var rarest = Math.log(1 + (state.documents + 0.5) / 0.5), average = state.length / state.documents;
    var groups = understood.groups.map(function (g) {
      var part = g.share === undefined ? 1 : g.share;
      if (!g.terms.length) return { weight: UNKNOWN * rarest, common: false, match: null, part: part, word: g.word,
                                    unknown: g.typed.length >= 4 && !/^\d+$/.test(g.typed) };
      var match = cachedMatch(state, g), df = match.docs.size;
      var idf = Math.log(1 + (state.documents - df + 0.5) / (df + 0.5));
      var known = g.kinds.indexOf("synonym") >= 0 ? KNOWN : 1;   // a word the editors know (zoekwoorden.yml)
      return { weight: idf * known * (g.common ? COMMON_WEIGHT : 1), common: g.common, match: match, part: part,
               word: g.word };
    });
    // The words that decide whether a page answers the query at all: every word the reader typed that is
    // unknown to the guideline (cao, doorstroomtoets: nothing has them, so no page is a strong match), and
    // the rarest word that is not common (breuken beside uitleggen: a page with only the everyday word is
    // no answer). A word typed as a compound counts with all its parts.
    var words = new Map();
    groups.forEach(function (g, i) {
      if (g.word === undefined) return;
      var w = words.get(g.word) || words.set(g.word, { weight: 0, groups: [], unknown: false, common: true }).get(g.word);
      w.weight = Math.max(w.weight, g.weight);
      w.groups.push(i);
      if (g.unknown) w.unknown = true;
      if (!g.common) w.common = false;               // relatie (common) + herstel: the word is not common
    });
    var heaviest = null;
    words.forEach(function (w) { if (!w.common && (!heaviest || w.weight > heaviest.weight)) heaviest = w; });
    var keys = [];
    words.forEach(function (w) { if (w.unknown || w === heaviest) keys.push(w); });
    var total = groups.reduce(function (sum, g) { return sum + g.part * g.weight; }, 0) || 1;
    var meaningfulQuery = groups.some(function (g) { return !g.common; });   // not only klas, leerling ...
    var meaningfulGroups = groups.filter(function (g) { return g.match && !g.common; }).length;
    var pages = items.map(function (group) {
      var docs = Array.isArray(group) ? group : [group];
      var best = 0, covered = groups.map(function () { return 0; }), named = 0, info = null, headed = false;
      var section = 0;                                 // the largest share of the query in one section
      docs.forEach(function (doc) {
        var own = doc && state.docs.get(doc.location);
        if (!own) return;
        info = info || own;
        var score = 0, together = 0;                   // together: the query's weight this section has
        groups.forEach(function (g, i) {
          if (!g.match) return;
          var f = g.match.docs.get(own.number) || 0;
          if (!f) return;
          covered[i] = Math.max(covered[i], f);
          together += g.part * g.weight * Math.min(f, 1);
          var n = g.match.tf.get(own.number) || 1;             // BM25: repeats saturate, long sections weigh less
          var saturated = n * (K1 + 1) / (n + K1 * (1 - B + B * own.length / average)) / (K1 + 1);
          var heading = inHeading(own.heading, g.match);
          if (heading >= MATCH.part && !g.common) headed = true;
          score += g.weight * Math.max(f * saturated, HEADING * heading);
        });
        doc.score = score;
        best = Math.max(best, score);
        section = Math.max(section, together / total);
      });
      var union = 0, strict = 0, meaningful = 0;
      groups.forEach(function (g, i) {
        if (!g.match) return;
        if (covered[i] >= MATCH.part && !g.common) meaningful += 1;
        union += g.part * g.weight * covered[i];
        if (covered[i] && info) named += g.weight * NAMED * inHeading(info.named, g.match);
        if (covered[i] >= MATCH.part && (!g.common || !meaningfulQuery)) strict += g.part * g.weight;
      });
      var share = union / total;
      var score = (best + 0.3 * union + named) * (0.5 + Math.min(share, 1));
      if (info && !named) score *= info.prior;
      if (info && !named && understood.situation && !ADVICE_PAGES.test(info.page)) score *= SITUATION_WEIGHT;
      var judged = score;                              // how sure: judged before the next rule (it orders only)
      if (meaningfulGroups >= 3 && meaningful === 1) score *= ONE_WORD_WEIGHT;
      var numbered = !!info && RECOMMENDATION.test(info.page) && +RECOMMENDATION.exec(info.page)[1] === understood.recommendation;
      docs.sort(function (a, b) { return (b.score || 0) - (a.score || 0); });
      if (debug) group._debug = [score, best, union, named, share].map(function (x) { return x.toFixed(2); }).join(" ");
      var answers = keys.every(function (w) {          // the page has each key word (all parts of a compound)
        var whole = 0, parts = 0;
        w.groups.forEach(function (i) {
          if (covered[i] < MATCH.part) return;
          if (groups[i].part >= 1) whole = 1; else parts += groups[i].part;
        });
        return whole + parts >= 0.99;
      });
      return { group: group, score: score, judged: judged, share: share, strict: strict / total, numbered: numbered,
               evident: answers && section >= STRONG_SHARE && (share >= SURE_SHARE || headed || meaningful >= 2) };
    });
    pages.sort(function (a, b) { return b.numbered - a.numbered || b.score - a.score; });
    var first = pages.slice().sort(function (a, b) { return b.numbered - a.numbered || b.judged - a.judged; });
    var top = first.slice(0, 3).reduce(function (best, page) {   // the surest of the first three
      return !best || (page.evident && page.share > best.share) ? page : best;
    }, null);
    if (top) top = { share: top.share, evident: top.evident, strict: Math.max.apply(null, pages.map(function (p) { return p.strict; })) };
    // Strong: the best page has a good share of the query's weight, and more than one rare word somewhere
    // in its text (a word of the query in a heading, two words of it, or nearly all of it). Weak: results
    // that cover part of it, shown under a plain message. None: of the words that mean something (not
    // common ones like klas), none was found: the message and its links, no list. A query of common
    // words only (klas) is no query from outside: it gets its results.
    var strength = !top ? "none" : top.share >= STRONG_SHARE && top.evident ? "strong" :
      top.strict >= 0.2 ? "weak" : "none";
    if (pages.length && pages[0].numbered) strength = "strong";   // the reader named it: aanbeveling 2
    return { items: strength === "none" ? [] : pages.map(function (p) { return p.group; }), strength: strength,
             ranked: debug ? pages.map(function (p) { return p.group; }) : undefined };
  }

  /* ------------------------------------------------------------------------------------ RESULT */

  /* The plain message above results that match only part of the query: the block of links that taal.js
     shows when nothing is found (overrides/partials/search.html), with a line of its own instead of
     "Nothing found" (the words come with zoekwoorden.js, so the page itself carries no extra bytes).
     taal.js hides that block for every answer with results right after tidy(), so this runs after it. */
  function showWeak(show, language) {
    var panel = typeof document === "object" && document.querySelector("[data-zoek-leeg]");
    if (!panel) return;
    Promise.resolve().then(function () {
      var kop = panel.querySelector("p:not([data-zoek-zwak])");
      var line = panel.querySelector("p[data-zoek-zwak]");
      var text = ((root.leidraadZoekwoorden || {})[language] || {}).zwak;
      if (show && !line && kop && text) {
        line = document.createElement("p");
        line.setAttribute("data-zoek-zwak", "");
        line.textContent = text;
        kop.parentNode.insertBefore(line, kop.nextSibling);
      }
      show = show && !!line;
      if (line) line.hidden = !show;
      if (kop) kop.hidden = show;
      if (show) panel.hidden = false;
    });
  }

  /* Found words in the cards are marked like a highlighter on paper, not underlined in the link colour
     (Material's look, which reads as a link inside the card); in forced colours, where backgrounds go,
     an underline marks them. A style element (hooks/csp.py allows inline styles) added with this file,
     so the first load of a page stays as it was. */
  var STYLE = ".md-search-result mark{color:inherit;text-decoration:none;" +
    "background-color:var(--md-typeset-mark-color)}" +
    "@media (forced-colors:active){.md-search-result mark{text-decoration:underline}}";
  if (typeof document === "object" && document.head && !document.querySelector("style[data-zoeken]")) {
    var style = document.createElement("style");
    style.setAttribute("data-zoeken", "");
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  /* Ranked by the whole query; no "missing" words on the cards (Material strikes them through, which reads
     as an error even on the right page). */
  function tidy(result, understood) {
    if (!understood || !result || !Array.isArray(result.items)) {
      showWeak(false, understood && understood.language);
      return result;
    }
    var ranked = rank(result.items, understood);
    result.items = ranked.items;
    result.items.forEach(function (items) {
      (Array.isArray(items) ? items : [items]).forEach(function (item) {
        if (item && item.terms) item.terms = {};
      });
    });
    showWeak(ranked.strength === "weak", understood.language);
    return result;
  }

  /* Material reads the search box on keyup: a query pasted with the mouse (or dropped, or dictated) would
     search nothing. Every other change of the box is passed on as a keyup; Material ignores a value it
     has already searched. A query pasted before this file loaded is searched now. */
  function passOnInput(event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches(".md-search__input")) return;
    if (!box.value.trim()) showWeak(false, null);
    if (event.inputType === "insertText" || event.isComposing) return;   // a key: Material sees its keyup
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  if (typeof document === "object" && document.addEventListener) {
    document.addEventListener("input", passOnInput, true);
    var box = document.querySelector(".md-search__input");
    if (box && box.value.trim()) box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  var api = root.LeidraadZoeken = {
    aan: true,                                       // false: queries go to Material as typed (tests)
    prepare: prepare,
    rewrite: rewrite,
    tidy: tidy,
    rank: rank,
    stems: stems,
    distance: distance
  };
  if (typeof module === "object" && module.exports) module.exports = api;   // node --test
})(typeof window === "object" ? window : globalThis);
