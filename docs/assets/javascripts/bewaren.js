/* Keeping what a teacher or student types: the one storage layer of the site (README "Je antwoorden bewaren").
 *
 * Every tool (worksheets, the circle self-reflection, and later tools) keeps its answers as a *record* in
 * this browser's localStorage, under "leidraad:v2:<kind>:<language>:<name>", e.g.
 * "leidraad:v2:werkblad:nl:2x10-oefening". A record is {"velden": {key: {"v": value, "t": ms, "q": question}}}:
 * one entry per answer, keyed by the question's identity (not its position on the page or the file's
 * path), with the time it changed and the question's text, so that
 *   - a copy of the site in another folder, a newer zip, http or file:// all find the same answers;
 *   - two tabs merge field by field (the newer entry wins), through the `storage` event;
 *   - an answer whose question is gone is never dropped: it shows under "Antwoorden zonder vraag";
 *   - a cleared answer is a dated empty entry ("v": null), so the clearing reaches other tabs and files.
 * Saving is reported only when it happened (read back); full, blocked or missing storage is said plainly,
 * what is on the screen stays, and the file is offered instead.
 *
 * "Bewaar als bestand" writes a versioned JSON file (formaat, versie, gemaakt, gegevens: {record: {...}});
 * "Zet terug uit bestand" reads one, says what will change and asks first, then merges field by field.
 * Nothing is ever sent anywhere; downloads and file reading work from file:// without a network.
 * The words come from the page (<script type="application/json" id="bewaren-teksten">, hooks/bewaren.yml).
 */
(function () {
  "use strict";

  var PREFIX = "leidraad:v2:";
  var FORMAT = "leidraad-leerkracht-leerlingrelaties";
  var VERSION = 2;
  var MAX_FILE = 5 * 1024 * 1024;
  var words = {};
  var unsaved = {};              /* record name -> true while a change could not be stored */

  function text(key, values) {
    var template = words[key] || key;
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function empty(value) {
    return value === null || value === undefined || value === "" || value === false;
  }

  /** localStorage, or null when this browser does not give it (blocked cookies, some private modes). */
  function storage() {
    try {
      var s = window.localStorage;
      return s || null;
    } catch (error) {
      return null;
    }
  }

  function parse(json) {
    try {
      var data = JSON.parse(json || "null");
      return data && typeof data === "object" && data.velden && typeof data.velden === "object" ? data : null;
    } catch (error) {
      return null;
    }
  }

  /** Two records merged field by field: per key the newer entry wins. */
  function merge(a, b) {
    var out = { velden: {} };
    [a, b].forEach(function (record) {
      if (!record) return;
      Object.keys(record).forEach(function (k) { if (k !== "velden") out[k] = out[k] || record[k]; });
      Object.keys(record.velden).forEach(function (key) {
        var entry = record.velden[key], have = out.velden[key];
        if (entry && typeof entry === "object" && (!have || (entry.t || 0) > (have.t || 0))) out.velden[key] = entry;
      });
    });
    return out;
  }

  /** One tool's answers in this browser. */
  function Record(name) {
    this.name = name;
    this.key = PREFIX + name;
    this.data = this.stored() || { velden: {} };
    this.listeners = [];
    this.problem = storage() ? "" : "geblokkeerd";
  }

  Record.prototype.stored = function () {
    var s = storage();
    if (!s) return null;
    try {
      return parse(s.getItem(this.key));
    } catch (error) {
      return null;
    }
  };

  /** The value of one answer (undefined when there is none). */
  Record.prototype.get = function (key) {
    var entry = this.data.velden[key];
    return entry && !empty(entry.v) ? entry.v : undefined;
  };

  /** Answers with a value, as [{key, v, q}]. */
  Record.prototype.entries = function () {
    var velden = this.data.velden;
    return Object.keys(velden).filter(function (key) { return !empty(velden[key].v); })
      .map(function (key) { return { key: key, v: velden[key].v, q: velden[key].q || "" }; });
  };

  /** Change answers ({key: [value, question]}) and store them; returns "" or what went wrong. */
  Record.prototype.set = function (changes, when) {
    var now = when || Date.now(), velden = this.data.velden;
    Object.keys(changes).forEach(function (key) {
      var value = changes[key][0], question = changes[key][1];
      velden[key] = { v: empty(value) ? (value === false ? false : null) : value, t: now, q: question || (velden[key] || {}).q || "" };
    });
    return this.save();
  };

  /** Mark a record property (e.g. that an old format was carried over) and store it. */
  Record.prototype.mark = function (property) {
    this.data[property] = true;
    return this.save();
  };

  /** Write the record, merged with what another tab may have written; report honestly. */
  Record.prototype.save = function () {
    var s = storage();
    if (!s) {
      this.problem = "geblokkeerd";
    } else {
      try {
        this.data = merge(this.stored(), this.data);
        var json = JSON.stringify(this.data);
        s.setItem(this.key, json);
        this.problem = s.getItem(this.key) === json ? "" : "onbekend";
      } catch (error) {
        this.problem = error && (error.name === "QuotaExceededError" || error.code === 22) ? "vol" : "geblokkeerd";
      }
    }
    if (this.problem) unsaved[this.name] = true; else delete unsaved[this.name];
    return this.problem;
  };

  /** Take in what another tab stored; returns the keys whose value changed here. */
  Record.prototype.refresh = function (json) {
    var theirs = json === undefined ? this.stored() : parse(json);
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

  /** The record of a tool, e.g. open("werkblad:nl:2x10-oefening"); one object per name and page. */
  function open(name) {
    if (!records[name]) records[name] = new Record(name);
    return records[name];
  }

  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf(PREFIX) !== 0) return;
    var record = records[event.key.slice(PREFIX.length)];
    if (!record) return;
    var changed = record.refresh(event.newValue);
    if (changed.length) record.listeners.forEach(function (listener) { listener(changed); });
  });

  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(unsaved).length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  /** Every record this browser holds (name -> record data). */
  function allStored() {
    var s = storage(), out = {};
    try {
      for (var i = 0; s && i < s.length; i++) {
        var key = s.key(i);
        if (key && key.indexOf(PREFIX) === 0) {
          var data = parse(s.getItem(key));
          if (data) out[key.slice(PREFIX.length)] = data;
        }
      }
    } catch (error) { /* nothing readable */ }
    Object.keys(records).forEach(function (name) { out[name] = merge(out[name], records[name].data); });
    return out;
  }

  /** The file's contents for some records (all when names is null): only answers with a value. */
  function fileData(names) {
    var stored = allStored(), gegevens = {};
    Object.keys(stored).forEach(function (name) {
      if (names && names.indexOf(name) < 0) return;
      var velden = {};
      Object.keys(stored[name].velden).forEach(function (key) {
        if (!empty(stored[name].velden[key].v)) velden[key] = stored[name].velden[key];
      });
      if (Object.keys(velden).length) gegevens[name] = { velden: velden };
    });
    return { formaat: FORMAT, versie: VERSION, gemaakt: new Date().toISOString(), gegevens: gegevens };
  }

  /** Download a file of some records; returns the number of answers in it. */
  function download(names, fileName) {
    var data = fileData(names), count = 0;
    Object.keys(data.gegevens).forEach(function (name) { count += Object.keys(data.gegevens[name].velden).length; });
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName.replace("{datum}", new Date().toISOString().slice(0, 10));
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    return count;
  }

  /** Check a file's text: the data, or {error: message} saying plainly why it is refused. */
  function check(json, size) {
    if (size > MAX_FILE) return { error: text("import_te_groot") };
    var data;
    try {
      data = JSON.parse(json);
    } catch (error) {
      return { error: text("import_geen_json") };
    }
    if (!data || typeof data !== "object" || data.formaat !== FORMAT) return { error: text("import_ander") };
    if (typeof data.versie !== "number" || data.versie > VERSION) return { error: text("import_nieuwer") };
    if (!data.gegevens || typeof data.gegevens !== "object") return { error: text("import_kapot") };
    var names = Object.keys(data.gegevens);
    for (var i = 0; i < names.length; i++) {
      var record = data.gegevens[names[i]];
      if (!/^[a-z]+:[a-z]{2}:[\w.-]+$/.test(names[i]) || !record || typeof record.velden !== "object") {
        return { error: text("import_kapot") };
      }
      var keys = Object.keys(record.velden);
      for (var j = 0; j < keys.length; j++) {
        var entry = record.velden[keys[j]];
        if (!entry || typeof entry !== "object" || ["string", "boolean", "number"].indexOf(typeof entry.v) < 0) {
          return { error: text("import_kapot") };
        }
      }
    }
    return { data: data };
  }

  /** What importing data would change: [{name, key, q, v, was}] of added and of overwritten answers. */
  function changes(data) {
    var stored = allStored(), added = [], replaced = [];
    Object.keys(data.gegevens).forEach(function (name) {
      var velden = data.gegevens[name].velden, here = (stored[name] || { velden: {} }).velden;
      Object.keys(velden).forEach(function (key) {
        var mine = here[key], entry = velden[key];
        if (empty(entry.v) || (mine && mine.v === entry.v)) return;
        var change = { name: name, key: key, q: entry.q || (mine && mine.q) || key, v: entry.v };
        if (mine && !empty(mine.v)) { change.was = mine.v; replaced.push(change); } else added.push(change);
      });
    });
    return { added: added, replaced: replaced };
  }

  /** Apply a checked file after asking; returns {message, changed: [record names], ok}. */
  function apply(data, ask) {
    var plan = changes(data);
    var total = plan.added.length + plan.replaced.length;
    if (!total) return { ok: true, message: text("import_niets"), changed: [] };
    var lines = plan.replaced.slice(0, 8).map(function (c) { return "• " + c.q; });
    if (plan.replaced.length > 8) lines.push("• …");
    var question = text("import_vraag", { nieuw: plan.added.length, anders: plan.replaced.length }) +
      (lines.length ? "\n\n" + text("import_overschreven") + "\n" + lines.join("\n") : "");
    if (!ask(question)) return { ok: false, message: text("import_afgebroken"), changed: [] };
    var byRecord = {}, problem = "";
    plan.added.concat(plan.replaced).forEach(function (c) {
      (byRecord[c.name] = byRecord[c.name] || {})[c.key] = [c.v, c.q];
    });
    Object.keys(byRecord).forEach(function (name) {
      var record = open(name);
      record.refresh();
      problem = record.set(byRecord[name]) || problem;
      record.listeners.forEach(function (listener) { listener(Object.keys(byRecord[name])); });
    });
    if (problem) return { ok: false, message: text("niet_opgeslagen_" + problem), changed: Object.keys(byRecord) };
    return { ok: true, message: text("import_klaar", { n: total }), changed: Object.keys(byRecord) };
  }

  /** Read a chosen file and import it: calls done({ok, message}). */
  function importFile(file, ask, done) {
    if (!file) return;
    if (file.size > MAX_FILE) { done({ ok: false, message: text("import_te_groot") }); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var checked = check(String(reader.result), file.size);
      done(checked.error ? { ok: false, message: checked.error } : apply(checked.data, ask));
    };
    reader.onerror = function () { done({ ok: false, message: text("import_onleesbaar") }); };
    reader.readAsText(file);
  }

  /** Wire a tool's file buttons: [data-bewaar] downloads (file name in data-bestandsnaam, "{datum}" filled in),
      [data-terug] opens the [data-bestand] chooser, whose file is imported after asking. options:
      names() -> record names for the file (null: everything), say(message, alarm), restored(). */
  function fileButtons(root, options) {
    var input = root.querySelector("[data-bestand]");
    root.addEventListener("click", function (event) {
      var save = event.target.closest("[data-bewaar]"), back = event.target.closest("[data-terug]");
      if (save) {
        var n = download(options.names(), save.dataset.bestandsnaam);
        options.say(n ? text("bestand_bewaard", { n: n }) : text("bestand_leeg"), false);
      }
      if (back && input) input.click();
    });
    if (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        input.value = "";
        importFile(file, function (question) { return window.confirm(question); }, function (result) {
          options.restored();
          options.say(result.message, !result.ok);
        });
      });
    }
  }

  /** The status line's text for a record: saved, or why not. */
  function statusText(record) {
    return record.problem ? text("niet_opgeslagen_" + record.problem) : text("opgeslagen");
  }

  /** Whether this looks like a private window, as far as the browser lets a page tell (README). */
  function privateWindow(callback) {
    if (!(navigator.storage && navigator.storage.estimate)) { callback(false); return; }
    navigator.storage.estimate().then(function (estimate) {
      callback(typeof estimate.quota === "number" && estimate.quota < 120 * 1024 * 1024);
    }, function () { callback(false); });
  }

  /* --- a form's controls: the one way worksheets and the team scan read and show an answer ---------- */

  /** A control's answer: text, a tick (true/false) or the chosen value of a group of radio buttons. */
  function valueOf(control, form) {
    if (control.type === "checkbox") return control.checked;
    if (control.type === "radio") {
      var chosen = form.querySelector('input[type=radio][data-sleutel="' + control.dataset.sleutel + '"]:checked');
      return chosen ? chosen.value : "";
    }
    return control.value;
  }

  function show(control, value) {
    if (control.type === "checkbox") control.checked = value === true;
    else if (control.type === "radio") control.checked = value !== undefined && String(value) === control.value;
    else control.value = value === undefined || value === null || value === true ? "" : String(value);
  }

  /** Keep a control's answer in the record, with the question as the reader sees it. */
  function keepAnswer(record, control, form, question) {
    var change = {};
    change[control.dataset.sleutel] = [valueOf(control, form), question];
    record.set(change);
  }

  /** Put the record's answers into the form's [data-sleutel] controls (only the keys given, or all), leaving
      the field being typed in (the focused field of the focused tab: it gets the other tab's text when the
      teacher leaves it). */
  function fill(form, record, keys) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-sleutel]"), function (control) {
      if (keys && keys.indexOf(control.dataset.sleutel) < 0) return;
      if (keys && control === document.activeElement && document.hasFocus()) return;
      show(control, record.get(control.dataset.sleutel));
    });
  }

  function loadWords() {
    var source = document.getElementById("bewaren-teksten");
    if (!source) return;
    try { words = JSON.parse(source.textContent); } catch (error) { words = {}; }
  }

  loadWords();
  window.LeidraadBewaren = {
    open: open, download: download, importFile: importFile, fileButtons: fileButtons, check: check, changes: changes, apply: apply,
    statusText: statusText, text: text, empty: empty, merge: merge, privateWindow: privateWindow,
    allStored: allStored, PREFIX: PREFIX, available: function () { return !!storage(); },
    valueOf: valueOf, show: show, fill: fill, keepAnswer: keepAnswer
  };
})();
