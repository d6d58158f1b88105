/* Self-tests ("Toets jezelf", hooks/toets.py) in the browser: check a chosen answer and explain it, show a
   model answer and let the student mark herself, keep every answer, show the score, start again after asking,
   save to and restore from a file, and print a question sheet (the answer key is in the page: toets.css).
   Storage is bewaren.js: one record per test, "toets:<language>:<hoofdstuk>", one field per question (its id;
   an open question's self-assessment under "<id>:oordeel"). Every word comes from the page
   (<script data-toets-woorden>, hooks/toets.yml); nothing is sent anywhere, and file:// works too.
   A verdict this version does not know (a damaged file, a later version) is refused on import and, found in
   storage, left there untouched and counted as not yet judged.
   Each attempt shows the choices in an order of its own (issue 22): a seed kept beside the answers, under
   "leidraad:volgorde:<record>" (outside bewaren.js's records, so it is no answer: not counted, saved or
   restored), draws each question's order; "Begin opnieuw" draws a new seed, a reload keeps it. The list
   items move, so the keyboard and a screen reader follow the order shown; the letters and the answer key's
   letters follow. A stored answer is the choice's id (its place in data/toets/, the same in both languages), never
   its place on the screen; an earlier version kept the choice's Dutch or English text, which each choice knows
   by its hash (data-toets-oud; hooks/toets.py text_hash) and which still counts. Without JavaScript the built order
   shows. "Oefen wat je fout had" shows only the questions answered wrong (or marked partly / not correct).
   The scoring, the shuffle and the choice of wrong answers also run in Node (tests/js). */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var VERDICTS = ["goed", "deels", "fout"];   /* an open question's self-assessment (hooks/toets.py, ZELF) */
  var ORDER = "leidraad:volgorde:";           /* + record name: the current attempt's seed */
  var LETTERS = "ABCDEF";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function wordsOf(root) {
    try { return JSON.parse(root.querySelector("[data-toets-woorden]").textContent); } catch (error) { return {}; }
  }

  var fill = B.format;

  /** An open question's stored verdict, or undefined when there is none or this version does not know it. */
  function verdictOf(record, id) {
    var own = record.get(id + ":oordeel");
    return VERDICTS.indexOf(own) >= 0 ? own : undefined;
  }

  /** Whether a value of a self-test record is a verdict this version does not know (refused on import). */
  function unknownVerdict(key, value) {
    return /:oordeel$/.test(key) && VERDICTS.indexOf(value) < 0;
  }

  /** A text as a short hex number (FNV-1a, as hooks/toets.py text_hash): how a choice knows its old texts. */
  function textHash(text) { return hash(String(text)).toString(16); }

  /** A kept answer as a choice's id: an id stays as it is; a choice's text (kept by an earlier version, in either
      language) becomes its choice's id when olds ({hash of a text: id}) knows it; anything else stays as it is. */
  function choiceId(value, olds) {
    if (value === undefined || !olds || /^[0-9]+$/.test(String(value))) return value;
    var id = olds[textHash(value)];
    return typeof id === "string" ? id : value;
  }

  /** A choice question's answer in a record, as a choice's id (undefined when there is none). */
  function chosenId(record, q) { return choiceId(record.get(q[0]), q[2]); }

  /** {beantwoord, goed, deels, totaal} of a record, for questions [[id, correct choice's id, {hash of an old text:
      id}], …] ([id, null] for an open question). */
  function score(record, spec) {
    var s = { beantwoord: 0, goed: 0, deels: 0, totaal: spec.length };
    spec.forEach(function (q) {
      var answer = q[1] === null ? verdictOf(record, q[0]) : chosenId(record, q);
      if (answer === undefined) return;
      s.beantwoord += 1;
      if (q[1] === null ? answer === "goed" : answer === q[1]) s.goed += 1;
      if (q[1] === null && answer === "deels") s.deels += 1;
    });
    return s;
  }

  /** The questions of a record answered wrong: a choice that is not the correct one, or an open question
      marked "deels" or "fout"; in the order of spec. */
  function wrong(record, spec) {
    return spec.filter(function (q) {
      if (q[1] === null) { var own = verdictOf(record, q[0]); return own === "deels" || own === "fout"; }
      var answer = chosenId(record, q);
      return answer !== undefined && answer !== q[1];
    }).map(function (q) { return q[0]; });
  }

  /** "klaar" (every question answered), "bezig" (some) or "" (none) for a score. */
  function stand(s) { return !s.beantwoord ? "" : s.beantwoord >= s.totaal ? "klaar" : "bezig"; }

  /** One line of the overview: {stand, score, nalezen}: which sections (each a list of the ids of the
      questions pointing to it) to reread, as indices: those a wrongly answered question points to. */
  function summary(record, spec, sections) {
    var s = score(record, spec), missed = wrong(record, spec), shown = [];
    sections.forEach(function (ids, i) {
      if (ids.some(function (id) { return missed.indexOf(id) >= 0; })) shown.push(i);
    });
    return { stand: stand(s), score: s, nalezen: shown };
  }

  /** A number from a text (FNV-1a), to give each question of an attempt its own stream of random numbers. */
  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }

  /** A repeatable source of numbers in [0, 1) from a seed (mulberry32). */
  function randomFrom(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** A shuffled copy of a list (Fisher-Yates), drawing from random(). */
  function shuffle(list, random) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1)), keep = out[i];
      out[i] = out[j]; out[j] = keep;
    }
    return out;
  }

  /** The order (built positions) in which a question's n choices show in the attempt with this seed. */
  function orderOf(seed, id, n) {
    var places = [];
    for (var i = 0; i < n; i++) places.push(i);
    return shuffle(places, randomFrom(hash(seed + ":" + id)));
  }

  /** A new seed for an attempt, from random(); never one that orders every question as before. */
  function newSeed(random, previous, questions) {
    function all(seed) { return questions.map(function (q) { return orderOf(seed, q[0], q[1]).join(""); }).join("|"); }
    var seed, tries = 0;
    do { seed = String(Math.floor(random() * 4294967296)); tries += 1; }
    while (previous !== null && tries < 20 && all(seed) === all(previous));
    return seed;
  }

  /** The seed of a record's attempt: kept in localStorage beside the answers (null when storage fails). */
  var seeds = {};
  function seedOf(name) {
    try { var kept = window.localStorage.getItem(ORDER + name); if (kept) return kept; } catch (error) { /* below */ }
    return seeds[name] || null;
  }
  function keepSeed(name, seed) {
    seeds[name] = seed;
    try { window.localStorage.setItem(ORDER + name, seed); } catch (error) { /* this page load keeps it */ }
  }

  function scoreText(words, s) {
    if (!s.beantwoord) return words.score_leeg;
    return fill(s.deels ? words.score_deels : words.score, s);
  }

  /** A verdict line: icon (hidden from screen readers, which hear the word) and the word itself. */
  function verdict(words, kind, text) {
    var line = document.createElement("p"), icon = document.createElement("span");
    line.className = "toets-oordeel toets-oordeel--" + kind;
    icon.className = "toets-icoon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = words.icoon[kind];
    line.append(icon, " ", text);
    return line;
  }

  function setup(root) {
    if (root.dataset.toetsKlaar) return;
    root.dataset.toetsKlaar = "1";
    root.classList.add("toets--js");
    var words = wordsOf(root), record = B.open(root.dataset.toets);
    var questions = Array.prototype.slice.call(root.querySelectorAll("[data-toets-vraag]"));
    var status = root.querySelector("[data-toets-status]"), alarm = root.querySelector("[data-toets-melding]");
    /** {hash of a choice's text in either language: the choice's id} for a question's choices. */
    function oldsOf(q) {
      var olds = {};
      each(q.querySelectorAll("input[data-toets-oud]"), function (radio) {
        radio.dataset.toetsOud.split(" ").forEach(function (h) { if (h) olds[h] = radio.value; });
      });
      return olds;
    }
    var spec = questions.map(function (q) {
      var right = q.querySelector("[data-toets-juist]");
      return right ? [q.dataset.toetsVraag, right.value, oldsOf(q)] : [q.dataset.toetsVraag, null];
    });
    function storedChoice(q) { return chosenId(record, spec[questions.indexOf(q)]); }

    var choiceQuestions = questions.filter(function (q) { return q.dataset.soort === "keuze"; });

    /** Show each question's choices in the attempt's order: move the items, re-letter, and the key follows. */
    function arrange(seed) {
      choiceQuestions.forEach(function (q) {
        var list = q.querySelector("[data-toets-keuzes]");
        var items = Array.prototype.slice.call(list.querySelectorAll("[data-toets-keuze]"));
        if (!items[0].dataset.toetsPlek) items.forEach(function (item, i) { item.dataset.toetsPlek = String(i); });
        items.sort(function (a, b) { return a.dataset.toetsPlek - b.dataset.toetsPlek; });
        orderOf(seed, q.dataset.toetsVraag, items.length).forEach(function (place, shown) {
          var item = items[place];
          list.appendChild(item);
          item.querySelector(".toets-letter").textContent = LETTERS.charAt(shown) + ".";
          if (item.querySelector("[data-toets-juist]")) {
            each(root.querySelectorAll("[data-toets-sleutel-letter]"), function (key) {
              if (key.dataset.toetsSleutelLetter === q.dataset.toetsVraag) key.textContent = LETTERS.charAt(shown) + ".";
            });
          }
        });
      });
    }

    function attempt(fresh) {
      var seed = fresh ? null : seedOf(record.name);
      if (!seed) {
        seed = newSeed(Math.random, seedOf(record.name), choiceQuestions.map(function (q) {
          return [q.dataset.toetsVraag, q.querySelectorAll("[data-toets-keuze]").length];
        }));
        keepSeed(record.name, seed);
      }
      arrange(seed);
    }

    function say(message, isAlarm) {
      if (isAlarm) { alarm.textContent = message; alarm.hidden = !message; }
      else if (status.textContent !== message) status.textContent = message;
    }

    function report() {
      if (record.problem) { say(B.statusText(record), true); say("", false); }
      else { say("", true); say(B.statusText(record), false); }
    }

    function showScore() {
      var line = root.querySelector("[data-toets-score]");
      line.hidden = false;
      line.querySelector("[data-toets-score-tekst]").textContent = scoreText(words, score(record, spec));
    }

    function questionText(q) { return q.querySelector("[data-toets-vraagtekst]").textContent.trim(); }

    function mark(q, kind) {
      q.classList.remove("toets-vraag--goed", "toets-vraag--fout", "toets-vraag--deels");
      if (kind) q.classList.add("toets-vraag--" + kind);
    }

    /* --- multiple choice: check the chosen answer, say whether it is right, explain, link ------------ */

    function feedback(q, chosen) {
      var box = q.querySelector("[data-toets-terugkoppeling]"), right = q.querySelector("[data-toets-juist]");
      box.textContent = "";
      if (!chosen) { mark(q, ""); return; }
      var good = chosen === right;
      mark(q, good ? "goed" : "fout");
      box.append(verdict(words, good ? "goed" : "fout", good ? words.goed : words.niet_goed));
      if (!good) {
        var correct = document.createElement("p"), strong = document.createElement("strong");
        strong.textContent = right.labels[0].textContent.trim();
        correct.append(words.juiste_antwoord + " ", strong);
        box.append(correct);
      }
      box.append(q.querySelector("template[data-toets-uitleg]").content.cloneNode(true));
    }

    function choice(q) {
      var stored = storedChoice(q), found = null;
      each(q.querySelectorAll("input[type=radio]"), function (radio) {
        radio.checked = stored !== undefined && radio.value === stored;
        if (radio.checked) found = radio;
      });
      feedback(q, found);
    }

    /* --- open questions: keep the text, show the model answer, mark yourself ----------------------- */

    function reveal(q, open, focus) {
      var model = q.querySelector("[data-toets-model]"), button = q.querySelector("[data-toets-toon]");
      model.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open && focus) model.querySelector(".toets-model__kop").focus();
    }

    function judged(q, value, announce) {
      var box = q.querySelector("[data-toets-terugkoppeling]");
      box.textContent = "";
      mark(q, value || "");
      if (value && announce !== false && words.zelf && words.zelf[value]) {
        var label = words.zelf[value];   /* in the middle of a sentence: "deels goed", "partly correct" */
        box.append(verdict(words, value, fill(words.oordeel_gezet, { oordeel: label.charAt(0).toLowerCase() + label.slice(1) })));
      }
    }

    function open(q) {
      var id = q.dataset.toetsVraag, text = record.get(id), own = verdictOf(record, id);
      var field = q.querySelector("[data-toets-antwoord]");
      if (field !== document.activeElement) field.value = text === undefined ? "" : String(text);
      each(q.querySelectorAll("[data-toets-oordeel]"), function (radio) { radio.checked = radio.value === own; });
      if (own) reveal(q, true, false);
      else if (text === undefined) reveal(q, false, false);
      judged(q, own);
    }

    /* --- practise what you got wrong: only those questions, answered afresh ------------------------- */

    var practiseButton = root.querySelector("[data-toets-actie='oefen']");

    function practise(on) {
      var ids = on ? wrong(record, spec) : [];
      if (on && !ids.length) { say(words.oefen_niets, false); return; }
      questions.forEach(function (q) {
        var item = q.closest("li"), show = !on || ids.indexOf(q.dataset.toetsVraag) >= 0;
        item.hidden = !show;
        if (on && show) {   /* a clean start: the old choice and its answer are not shown (still stored) */
          each(q.querySelectorAll("input[type=radio]"), function (radio) { radio.checked = false; });
          q.querySelector("[data-toets-terugkoppeling]").textContent = "";
          mark(q, "");
          if (q.dataset.soort !== "keuze") reveal(q, false, false);
        }
      });
      root.classList.toggle("toets--oefenen", on);
      practiseButton.setAttribute("aria-pressed", on ? "true" : "false");
      practiseButton.textContent = on ? words.oefen_alles : words.oefen;
      say(on ? B.text("oefen_bezig", { n: ids.length }, words) : "", false);   /* "1 vraag": B.text takes the _1 text */
      if (on) questions.filter(function (q) { return !q.closest("li").hidden; })[0].querySelector("input, textarea").focus();
    }

    function restore() {
      questions.forEach(function (q) { if (q.dataset.soort === "keuze") choice(q); else open(q); });
      showScore();
    }

    function keep(key, value, question) {
      var change = {};
      change[key] = [value, question];
      record.set(change);
      report();
      showScore();
    }

    questions.forEach(function (q) {
      var id = q.dataset.toetsVraag;
      each(q.querySelectorAll("button[hidden]"), function (button) { button.hidden = false; });
      if (q.dataset.soort === "keuze") {
        q.querySelector("[data-toets-controleer]").addEventListener("click", function () {
          var chosen = q.querySelector("input[type=radio]:checked");
          if (!chosen) {
            var box = q.querySelector("[data-toets-terugkoppeling]"), hint = document.createElement("p");
            hint.textContent = words.kies_eerst;
            box.textContent = "";
            box.append(hint);
            return;
          }
          keep(id, chosen.value, questionText(q));
          feedback(q, chosen);
        });
        /* a new choice is not checked yet: its old feedback goes, and the page says it is kept when checked (kept
           at once, an unchecked choice would count in the score and show its verdict after a reload) */
        q.addEventListener("change", function (event) {
          if (event.target.type !== "radio" || event.target.value === storedChoice(q)) return;
          feedback(q, null);
          if (!words.bewaard_na_controle) return;   /* the word reaches the page through hooks/toets.py's script_words */
          var hint = document.createElement("p");
          hint.textContent = words.bewaard_na_controle;
          q.querySelector("[data-toets-terugkoppeling]").append(hint);
        });
      } else {
        q.querySelector("[data-toets-antwoord]").addEventListener("input", function (event) {
          keep(id, event.target.value, questionText(q));
        });
        q.querySelector("[data-toets-toon]").addEventListener("click", function (event) {
          reveal(q, event.currentTarget.getAttribute("aria-expanded") !== "true", true);
        });
        each(q.querySelectorAll("[data-toets-oordeel]"), function (radio) {
          radio.addEventListener("change", function () {
            keep(id + ":oordeel", radio.value, questionText(q) + " (" + words.oordeel_sleutel + ")");
            judged(q, radio.value);
          });
        });
      }
    });

    var bar = root.querySelector("[data-toets-knoppen]");
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-toets-actie]");
      if (!button) return;
      if (button.dataset.toetsActie === "afdrukken") { window.print(); return; }
      if (button.dataset.toetsActie === "oefen") { practise(button.getAttribute("aria-pressed") !== "true"); return; }
      var answers = record.entries();
      if (!answers.length) { say(words.niets, false); return; }
      if (!window.confirm(B.text("opnieuw_vraag", { n: answers.length }, words))) return;
      var change = {};
      answers.forEach(function (entry) { change[entry.key] = [null, entry.q]; });
      record.set(change);
      if (practiseButton.getAttribute("aria-pressed") === "true") practise(false);
      attempt(true);
      restore();
      if (record.problem) report(); else say(words.gewist, false);
    });
    /* What a file would replace is named by the question as this page words it (a stored text is in the
       language it was answered in); a self-assessment ("<id>:oordeel") by its question too. */
    function question(name, key) {
      var id = String(key).split(":")[0];   /* a key from a file: compared, never put into a selector */
      var q = name === record.name && questions.filter(function (each) { return each.dataset.toetsVraag === id; })[0];
      return q ? questionText(q) : "";
    }
    B.fileButtons(bar, {
      names: function () { return [record.name]; },
      question: question,
      say: say,
      restored: restore
    });
    record.onChange(restore);
    attempt(false);
    restore();
    if (!B.available()) { record.problem = "geblokkeerd"; report(); }
    else if (B.notice(record)) say(B.notice(record), true);
    else say(B.text("privacy"), false);
    B.privateWindow(function (likely) { if (likely) say(B.text("prive"), true); });
  }

  /** The list of tests: each test's score from this browser's answers. */
  function overview(root) {
    var words = wordsOf(root);
    var intro = root.querySelector("[data-toets-overzicht-uitleg]");
    if (intro) intro.hidden = false;
    each(root.querySelectorAll("[data-toets-score-voor]"), function (line) {
      var spec;
      try { spec = JSON.parse(line.dataset.toetsSpec); } catch (error) { return; }
      var item = line.closest("li"), sections = Array.prototype.slice.call(item.querySelectorAll("[data-toets-vragen]"));
      var result = summary(B.open(line.dataset.toetsScoreVoor), spec,
                           sections.map(function (section) { return section.dataset.toetsVragen.split(" "); }));
      line.textContent = scoreText(words, result.score);
      item.querySelector("[data-toets-stand]").textContent = result.stand ? words["stand_" + result.stand] + ":" : "";
      sections.forEach(function (section, i) { section.hidden = result.nalezen.indexOf(i) < 0; });
      item.querySelector("[data-toets-nalezen]").hidden = !result.nalezen.length;
    });
  }

  function init() {
    each(document.querySelectorAll(".toets[data-toets]"), setup);
    each(document.querySelectorAll(".toets-overzicht"), overview);
  }

  if (browser) {
    B.rule("toets", unknownVerdict);
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module === "object") {
    module.exports = { score: score, scoreText: scoreText, verdictOf: verdictOf, unknownVerdict: unknownVerdict,
                       wrong: wrong, stand: stand, summary: summary, shuffle: shuffle, randomFrom: randomFrom, orderOf: orderOf,
                       newSeed: newSeed, hash: hash, textHash: textHash, choiceId: choiceId };
  }
})();
