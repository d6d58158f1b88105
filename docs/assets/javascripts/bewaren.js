/* Keeping what a teacher or student types: the one storage layer of the site (docs/privacy.md; ENGINEERS.md).
 *
 * Every tool (worksheets, self-tests, the circle self-reflection, the team scan) keeps its answers as a
 * *record* in this browser's localStorage, under "leidraad:v3:<kind>:<name>", e.g.
 * "leidraad:v3:werkblad:2x10-oefening": one record for both languages, since a question's key is the same
 * in Dutch and English. A page may name it with its language ("werkblad:nl:2x10-oefening", as the hooks
 * write it): open() drops that part. A record is {"velden": {key: {"v": value, "t": ms, "q": question}}}:
 * one entry per answer, keyed by the question's identity (not its position on the page or the file's
 * path), with the time it changed and the question's text (in the language it was typed in), so that
 *   - a copy of the site in another folder, a newer zip, http or file://, nl or en all find the same answers;
 *   - two tabs merge field by field (the newer entry wins), through the `storage` event;
 *   - an answer whose question is gone is never dropped: it shows under "Antwoorden zonder vraag";
 *   - a cleared answer is a dated empty entry ("v": null), so the clearing reaches other tabs and files.
 * What the teacher types is what is stored, whatever the clock says: a new answer is dated after every
 * stored time of its field, and saving reads the typed values back. Saving is reported only when it
 * happened; full, blocked or missing storage is said plainly, what is on the screen stays, and the file is
 * offered instead. A stored record that cannot be read is copied aside ("leidraad:apart:<name>") before
 * anything is written over it, named in the status line and taken along in "Bewaar als bestand".
 * The second format kept a record per language ("leidraad:v2:<kind>:<language>:<name>"). The first time a
 * record is opened and has no v3 entry, both languages' v2 records are joined into it (join): per field the
 * newest entry; when the other language holds a different answer, that one is kept beside it as an answer
 * without a question ("v2:<language>:<key>"), which a worksheet lists with its question and copy and remove
 * buttons and which goes into every file. The v2 entries stay where they are: nothing is deleted.
 * A tool's marks that an old format was carried over ("v1") are kept per language ("v1:nl").
 *
 * "Bewaar als bestand" and "Zet terug uit bestand" are wired here; what they do (writing, checking and
 * applying a file, with their words) is in bewaren-bestand.js, loaded the first time a page needs it (withFiles).
 * The reminder of a week is decided here, on every page that keeps work (due): a record whose newest answer is
 * newer than its last save to a file (bewaren-bestand.js notes that time per record in localStorage
 * "leidraad:bestand"), and that save, or when it was never saved its first answer, is seven days old or more;
 * only then is bewaren-bestand.js loaded to put the reminder, in its own words, on the page. What only pages
 * with a form, a test or Mijn werk use (a form's controls, the private-window hint) is in bewaren-formulier.js,
 * loaded on those pages only (hooks/pagina_bestanden.py): the circle explorer's first load stays within its budget.
 * Nothing is ever sent anywhere; downloads and file reading work from file:// without a network.
 * The words come from the page (<script type="application/json" id="bewaren-teksten">, hooks/bewaren.yml);
 * the logic also runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var format = (browser ? window.LeidraadTaal : require("./taal.js")).format;
  var PREFIX = "leidraad:v3:", OLD = "leidraad:v2:";
  var SAVED = "leidraad:bestand";  /* record name -> when it was last saved to a file (bewaren-bestand.js) */
  var ASIDE = "leidraad:apart:";   /* a stored record that could not be read, kept as it was */
  var UNSAFE = Object.getOwnPropertyNames(Object.prototype);   /* __proto__, constructor, toString … */
  var WEEK = 7 * 864e5;          /* the reminder comes when answers have waited this long for a file */
  var intern = { words: {} };    /* what bewaren-bestand.js (and tests/js) share, filled in below */
  var rules = {};                /* kind of record -> function (key, value): true when the value is unknown */
  var unsaved = {};              /* record name -> true while a change could not be stored */

  /** An interface text of words (hooks/bewaren.yml's unless given), filled in from values; a count of one
      (values.n === 1) takes the singular "<key>_1" when there is one, so that no count reads "1 collega's" or
      "1 files": the one place where the site's scripts choose singular or plural (teamscan.js passes its own
      words; Dutch and English both take the plural for 0). */
  function text(key, values, words) {
    var table = words || intern.words, own = values && values.n === 1 ? table[key + "_1"] : 0;
    if (typeof own !== "string") own = typeof table[key] === "string" ? table[key] : key;
    return format(own, values);
  }

  function empty(value) {
    return value === null || value === undefined || value === "" || value === false;
  }

  function plain(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function safe(key) { return UNSAFE.indexOf(key) < 0; }

  function scalar(value) { return ["string", "boolean", "number"].indexOf(typeof value) >= 0; }

  /** localStorage, or null when this browser does not give it (blocked cookies, some private modes). */
  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;
    }
  }

  /** A stored record's text: {data} (null when there is none), or {broken: true} when it cannot be read.
      Unsafe keys and entries that are not objects are left out. */
  function read(json) {
    if (json === null || json === undefined) return { data: null };
    var data;
    try { data = JSON.parse(json); } catch (error) { return { broken: true }; }
    if (!plain(data) || !plain(data.velden)) return { broken: true };
    var out = { velden: {} };
    Object.keys(data).forEach(function (k) { if (k !== "velden" && safe(k)) out[k] = data[k]; });
    Object.keys(data.velden).forEach(function (key) {
      if (safe(key) && plain(data.velden[key])) out.velden[key] = data.velden[key];
    });
    return { data: out };
  }

  function time(entry) { return entry && typeof entry.t === "number" ? entry.t : 0; }

  /** Two records merged field by field: per key the newer entry wins (on a tie, the first). */
  function merge(a, b) {
    var out = { velden: {} };
    [a, b].forEach(function (record) {
      if (!record || !plain(record.velden)) return;
      Object.keys(record).forEach(function (k) { if (k !== "velden" && safe(k)) out[k] = out[k] || record[k]; });
      Object.keys(record.velden).forEach(function (key) {
        var entry = record.velden[key], have = out.velden[key];
        if (safe(key) && plain(entry) && (!have || time(entry) > time(have))) out.velden[key] = entry;
      });
    });
    return out;
  }

  /** The record's name without a language: "werkblad:nl:x" -> "werkblad:x" (a v3 name stays as it is). */
  function canonical(name) { return String(name).replace(/^([a-z]+):[a-z]{2}:/, "$1:"); }

  /** Records of one tool in several languages ({nl: record, en: record}) as one: per field the newest entry;
      an answer of another language that differs from it is kept as "v2:<language>:<key>" (never lost). */
  function join(parts) {
    var out = merge(), lang, key;
    for (lang in parts) { out = merge(out, parts[lang]); out["v1:" + lang] = parts[lang].v1; }
    delete out.v1;
    for (lang in parts) {
      for (key in parts[lang].velden) {
        var entry = parts[lang].velden[key], won = out.velden[key];
        if (won && won !== entry && scalar(entry.v) && !empty(entry.v) && entry.v !== won.v) out.velden["v2:" + lang + ":" + key] = entry;
      }
    }
    return out;
  }

  /** One tool's answers in this browser (lang: the page's language, for its marks). */
  function Record(name, lang) {
    this.name = name;
    this.key = PREFIX + name;
    this.listeners = [];
    this.aside = "";             /* where an unreadable stored record was copied to */
    this.problem = "";
    var s = storage(), raw = null;
    if (!s) this.problem = "geblokkeerd";
    try { raw = s ? s.getItem(this.key) : null; } catch (error) { this.problem = "geblokkeerd"; }
    var found = read(raw);
    this.data = found.data || { velden: {} };
    this.broken = !!found.broken;
    if (this.broken) this.putAside(raw);
    if (this.broken && !this.aside && !this.problem) this.problem = "vol";   /* said at once, before any typing */
    if (raw === null && s) this.carry(s);
    this.view(lang);
  }

  /** Join the v2 records of both languages into this one and store it (once: then a v3 record exists). */
  Record.prototype.carry = function (s) {
    var parts = {}, found = 0, i = this.name.indexOf(":") + 1;
    for (var lang in { nl: 0, en: 0 }) {
      var name = this.name.slice(0, i) + lang + ":" + this.name.slice(i), raw = null;
      try { raw = s.getItem(OLD + name); } catch (error) { /* none */ }
      var old = read(raw);
      if (old.data) found = parts[lang] = old.data;
      else if (old.broken) this.putAside(raw, name);
    }
    if (found) { this.data = join(parts); this.save({}); }
  };

  /** Show the marks of the page's language as the tool asks for them (record.data.v1). */
  Record.prototype.view = function (lang) {
    if (lang) { this.lang = lang; this.data.v1 = this.data["v1:" + lang]; }
  };

  /** Copy an unreadable stored record to its own key (once per content); without a copy, never write over it. */
  Record.prototype.putAside = function (raw, name) {
    var s = storage();
    try {
      for (var i = 0; i < 100; i++) {
        var key = ASIDE + (name || this.name) + (i ? ":" + i : ""), there = s.getItem(key);
        if (there === raw) { this.aside = key; return; }
        if (there === null) { s.setItem(key, raw); this.aside = s.getItem(key) === raw ? key : ""; return; }
      }
    } catch (error) { this.aside = ""; }
  };

  Record.prototype.stored = function () {
    var s = storage();
    try {
      return s ? read(s.getItem(this.key)).data : null;
    } catch (error) {
      return null;
    }
  };

  /** The value of one answer (undefined when there is none, or when it is no text, number or tick). */
  Record.prototype.get = function (key) {
    var entry = this.data.velden[key];
    return entry && scalar(entry.v) && !empty(entry.v) ? entry.v : undefined;
  };

  /** Answers with a value, as [{key, v, q}]. */
  Record.prototype.entries = function () {
    var velden = this.data.velden;
    return Object.keys(velden).filter(function (key) { return scalar(velden[key].v) && !empty(velden[key].v); })
      .map(function (key) { return { key: key, v: velden[key].v, q: typeof velden[key].q === "string" ? velden[key].q : "" }; });
  };

  /** Change answers ({key: [value, question]}) and store them; returns "" or what went wrong. Each answer is
      dated after every time its field has here or in storage, so a clock that was once ahead cannot make the
      stored answer win over the one just typed. */
  Record.prototype.set = function (changes, when) {
    var now = when || Date.now(), velden = this.data.velden, theirs = (this.stored() || { velden: {} }).velden;
    var expected = {};
    Object.keys(changes).forEach(function (key) {
      if (!safe(key)) return;
      var value = changes[key][0], question = changes[key][1], mine = velden[key];
      var t = Math.max(now, time(mine) + 1, time(theirs[key]) + 1);
      velden[key] = { v: empty(value) ? (value === false ? false : null) : value, t: t, q: question || (mine || {}).q || "" };
      expected[key] = velden[key].v;
    });
    return this.save(expected);
  };

  /** Mark a record property for the page's language (e.g. that its old format was carried over) and store it. */
  Record.prototype.mark = function (property) {
    this.data[property] = this.data[property + ":" + this.lang] = true;
    return this.save({});
  };

  /** Write the record, merged with what another tab may have written, then read it back: "" only when every
      value in expected ({key: value}) is what storage now holds. */
  Record.prototype.save = function (expected) {
    var s = storage();
    if (!s) {
      this.problem = "geblokkeerd";
    } else if (this.broken && !this.aside) {
      this.problem = "vol";      /* the unreadable record could not be copied aside (no room): not written over */
    } else {
      try {
        this.data = merge(this.stored(), this.data);
        s.setItem(this.key, JSON.stringify(this.data));
        var back = read(s.getItem(this.key)).data;
        this.problem = back && Object.keys(expected || {}).every(function (key) {
          return back.velden[key] && back.velden[key].v === expected[key];
        }) ? "" : "onbekend";
      } catch (error) {
        this.problem = error && (error.name === "QuotaExceededError" || error.code === 22) ? "vol" : "geblokkeerd";
      }
    }
    if (this.problem) unsaved[this.name] = true; else delete unsaved[this.name];
    return this.problem;
  };

  /** Take in what another tab stored; returns the keys whose value changed here. */
  Record.prototype.refresh = function (json) {
    var theirs = json === undefined ? this.stored() : read(json).data;
    if (!theirs) return [];
    var before = this.data.velden, merged = merge(this.data, theirs), changed = [];
    Object.keys(merged.velden).forEach(function (key) {
      if (!before[key] || before[key].v !== merged.velden[key].v) changed.push(key);
    });
    this.data = merged;
    return changed;
  };

  Record.prototype.onChange = function (listener) {
    this.listeners.push(listener);
  };

  var records = {};

  /** The record of a tool, e.g. open("werkblad:nl:2x10-oefening") or open("werkblad:2x10-oefening"): the same
      record in every language; one object per record and page. */
  function open(name) {
    var lang = (/^[a-z]+:([a-z]{2}):/.exec(name) || [])[1], own = canonical(name);
    if (!records[own]) records[own] = new Record(own, lang);
    else records[own].view(lang);
    return records[own];
  }

  /** A known kind of record (e.g. "toets") says which values it does not know (toets.js: verdicts). */
  function rule(kind, unknown) { rules[kind] = unknown; }

  var self = browser && document.currentScript ? document.currentScript.src : "";

  /** callback(api) once the file part (bewaren-bestand.js, beside this script) is there; loaded when first
      needed (loading it twice does no harm). */
  function withFiles(callback) {
    if (api.check) return callback(api);
    var script = document.createElement("script");
    script.src = self.replace(/bewaren(\.min)?\.js([?#].*)?$/, "bewaren-bestand$1.js");
    script.onload = function () { callback(api); };
    document.head.appendChild(script);
  }

  /** Wire a tool's file buttons: [data-bewaar] downloads (file name in data-bestandsnaam, "{datum}" filled in),
      [data-terug] opens the [data-bestand] chooser, whose file is imported after asking. options:
      names() -> record names for the file (null: everything) and the only records a restore takes (null: the
      records this page opened; the others are named and left out), say(message, alarm), restored(),
      question(name, key) -> the page's text of a question, if it shows it. */
  function fileButtons(root, options) {
    var input = root.querySelector("[data-bestand]");
    root.addEventListener("click", function (event) {
      var save = event.target.closest("[data-bewaar]"), back = event.target.closest("[data-terug]");
      if (save) withFiles(function (F) { F.saveClicked(save, options); });
      if (back && input) input.click();
    });
    if (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        input.value = "";
        if (!file) return;
        /* the records this page owns (Mijn werk, options.alles: every record); the rest is named, not taken */
        var own = options.alles ? undefined : (options.names() || Object.keys(records));
        withFiles(function (F) { F.chosen(file, options, own); });
      });
    }
  }

  /** The status line's text for a record: saved, or why not; and where an unreadable record was kept. */
  function statusText(record) {
    if (record.problem) return text("niet_opgeslagen_" + record.problem);
    return text("opgeslagen") + (record.aside ? " " + text("apart", { sleutel: record.aside }) : "");
  }

  /** What a page says about a record as it opens: why it cannot save, or where an unreadable one was kept. */
  function notice(record) {
    return record.problem ? statusText(record) : record.aside ? text("apart", { sleutel: record.aside }) : "";
  }

  /** A value of the first format (v1), or null: only a plain object of answers is one. */
  function oldValues(json) {
    try {
      var old = JSON.parse(json);
      return plain(old) ? old : null;
    } catch (error) {
      return null;
    }
  }

  /** Whether a record's answers wait for a file: changed after it was last saved to one (at), and that save
      (or, never saved, its first answer) is a week old or more. */
  function due(velden, at, now) {
    var times = Object.keys(velden).map(function (key) { return time(velden[key]); });
    return Math.max.apply(0, times.concat(0)) > (at || 0) && now - (at || Math.min.apply(0, times)) >= WEEK;
  }

  /** When each record was last saved to a file ({name: ms}; unreadable: never). */
  function savedAt() {
    try { return JSON.parse(storage().getItem(SAVED)) || {}; } catch (error) { return {}; }
  }

  var api = {
    open: open, canonical: canonical, join: join, fileButtons: fileButtons, withFiles: withFiles, rule: rule, statusText: statusText, notice: notice,
    text: text, format: format, empty: empty, merge: merge, oldValues: oldValues, due: due,
    available: function () { return !!storage(); },
    intern: intern
  };
  intern = Object.assign(intern, { plain: plain, safe: safe, scalar: scalar, storage: storage, read: read, time: time,
                                   records: records, rules: rules, unsaved: unsaved, PREFIX: PREFIX, OLD: OLD, ASIDE: ASIDE,
                                   SAVED: SAVED, savedAt: savedAt, WEEK: WEEK });

  if (browser) {
    window.addEventListener("storage", function (event) {
      var record = event.key && event.key.indexOf(PREFIX) === 0 && records[event.key.slice(PREFIX.length)];
      var changed = record && record.refresh ? record.refresh(event.newValue) : [];
      if (changed.length) record.listeners.forEach(function (listener) { listener(changed); });
    });
    /* a quiet reminder when this page's answers have waited a week for a file (bewaren-bestand.js shows it) */
    window.addEventListener("load", function () {
      var at = savedAt(), names = Object.keys(records);
      if (names.some(function (name) { return due(records[name].data.velden, at[name], Date.now()); })) {
        withFiles(function (F) { F.remind(names); });
      }
    });
    window.addEventListener("beforeunload", function (event) {
      if (Object.keys(unsaved).length) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    try { intern.words = JSON.parse(document.getElementById("bewaren-teksten").textContent) || {}; } catch (error) { /* keys */ }
    window.LeidraadBewaren = api;
  }
  if (typeof module === "object") module.exports = api;   /* Node: tests/js */
})();
