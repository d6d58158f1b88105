/* Self-tests ("Toets jezelf", hooks/toets.py) in the browser: check a chosen answer and explain it, show a
   model answer and let the student mark herself, keep every answer, show the score, start again after asking,
   save to and restore from a file, and print a question sheet (the answer key is in the page: toets.css).
   Storage is bewaren.js: one record per test, "toets:<language>:<hoofdstuk>", one field per question (its id;
   an open question's self-assessment under "<id>:oordeel"). Every word comes from the page
   (<script data-toets-woorden>, hooks/toets.yml); nothing is sent anywhere, and file:// works too.
   A verdict this version does not know (a damaged file, a later version) is refused on import and, found in
   storage, left there untouched and counted as not yet judged. The scoring also runs in Node (tests/js). */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren.js");
  if (!B) return;
  var VERDICTS = ["goed", "deels", "fout"];   /* an open question's self-assessment (hooks/toets.py, ZELF) */

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

  /** {beantwoord, goed, deels, totaal} of a record, for questions [[id, correct text or null (open)], …]. */
  function score(record, spec) {
    var s = { beantwoord: 0, goed: 0, deels: 0, totaal: spec.length };
    spec.forEach(function (q) {
      var answer = q[1] === null ? verdictOf(record, q[0]) : record.get(q[0]);
      if (answer === undefined) return;
      s.beantwoord += 1;
      if (q[1] === null ? answer === "goed" : answer === q[1]) s.goed += 1;
      if (q[1] === null && answer === "deels") s.deels += 1;
    });
    return s;
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
    var spec = questions.map(function (q) {
      var right = q.querySelector("[data-toets-juist]");
      return [q.dataset.toetsVraag, right ? right.value : null];
    });

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
      var stored = record.get(q.dataset.toetsVraag), found = null;
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
          if (event.target.type !== "radio" || event.target.value === record.get(id)) return;
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
      var answers = record.entries();
      if (!answers.length) { say(words.niets, false); return; }
      if (!window.confirm(fill(words.opnieuw_vraag, { n: answers.length }))) return;
      var change = {};
      answers.forEach(function (entry) { change[entry.key] = [null, entry.q]; });
      record.set(change);
      restore();
      if (record.problem) report(); else say(words.gewist, false);
    });
    B.fileButtons(bar, {
      names: function () { return [record.name]; },
      say: say,
      restored: restore
    });
    record.onChange(restore);
    restore();
    if (!B.available()) { record.problem = "geblokkeerd"; report(); }
    else if (B.notice(record)) say(B.notice(record), true);
    else say(B.text("privacy"), false);
    B.privateWindow(function (likely) { if (likely) say(B.text("prive"), true); });
  }

  /** The list of tests: each test's score from this browser's answers. */
  function overview(root) {
    var words = wordsOf(root);
    each(root.querySelectorAll("[data-toets-score-voor]"), function (line) {
      var spec;
      try { spec = JSON.parse(line.dataset.toetsSpec); } catch (error) { return; }
      line.textContent = scoreText(words, score(B.open(line.dataset.toetsScoreVoor), spec));
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
    module.exports = { score: score, scoreText: scoreText, verdictOf: verdictOf, unknownVerdict: unknownVerdict };
  }
})();
