/* The file part of bewaren.js (docs/privacy.md; ENGINEERS.md): "Bewaar als bestand" and "Zet terug uit bestand".
 *
 * bewaren.js loads it from the site (file:// too) the first time a page saves to or reads from a file, so a
 * page that is only filled in does not carry it (the first-load budget, tests/site/test_budgets.py).
 * Saving writes a versioned JSON file: {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 3,
 * "gemaakt": …, "gegevens": {record: {"velden": {key: {"v", "t", "q"}}}}}, and under "apart" what this browser
 * kept aside because it could not be read. Version 3 names a record without a language ("werkblad:2x10-oefening",
 * one record for nl and en); files of version 2 (and 1) name it with one ("werkblad:nl:2x10-oefening") and are
 * still read: their records of both languages are joined as bewaren.js joins stored ones (the newest answer per
 * question, the other language's different answer kept as an answer without a question). Version 3 because a
 * site of version 2 refuses the new names: it then says the file is newer, not that it is damaged. Each save
 * notes per record when it was saved (localStorage "leidraad:bestand"), for the reminder of a week (remind). Reading a file checks its shape and size before anything is
 * applied (a limit on bytes, records, answers and nesting; every key and value of the right kind; unsafe keys
 * such as __proto__ refused; a value a tool does not know, by its rule); a refusal names the file and what is
 * wrong in it. A page takes only its own records (a worksheet's restore never changes the team scan) and names
 * what it leaves out and where to restore that. Then it says what will change, in our own question texts, asks
 * first, and applies all of it or, when storage fails half-way, none of it.
 * The logic also runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren-formulier.js");   /* Node: bewaren.js and its form part */
  if (!B) return;
  var I = B.intern;              /* what bewaren.js shares with this part only */
  var text = B.text, empty = B.empty, open = B.open;
  var plain = I.plain, safe = I.safe, scalar = I.scalar, storage = I.storage, read = I.read;
  var ASIDE = I.ASIDE, canonical = B.canonical;
  var FORMAT = "leidraad-leerkracht-leerlingrelaties";
  var VERSION = 3;
  /* A file larger, wider or deeper than this is no answers file (every worksheet, test and scan in both
     languages holds a few hundred answers in about 100 records, nested 5 deep). */
  var LIMITS = { bytes: 5 * 1024 * 1024, records: 300, answers: 5000, depth: 6, key: 300 };
  var NAME = /^[a-z]+:(?:[a-z]{2}:)?[\w.-]+$/;   /* v3: kind:name; v2 and v1: kind:language:name */

  function short(value) { value = String(value); return value.length > 60 ? value.slice(0, 59) + "…" : value; }

  var savedAt = I.savedAt;   /* when each record was last saved to a file ({name: ms}; unreadable: never) */

  /* The words only a file and the reminder of a week need, in both languages: here rather than on every page
     (hooks/bewaren.yml has the rest, which the page carries), so a page that is only filled in does not carry
     them (the circle explorer's budget). {n}, {reden}, {naam}, {sleutel}, {waarde}, {nieuw}, {anders}, {wat},
     {datum} are filled in; a key ending in _1 is the text for n = 1. A word the page carries wins. */
  var WORDS = {
    bestand_bewaard: { nl: "Bestand gemaakt met {n} antwoorden. Je vindt het bij je downloads.", en: "File made with {n} answers. You will find it among your downloads." },
    bestand_bewaard_1: { nl: "Bestand gemaakt met 1 antwoord. Je vindt het bij je downloads.", en: "File made with 1 answer. You will find it among your downloads." },
    bestand_leeg: { nl: "Er is nog niets ingevuld om te bewaren.", en: "Nothing has been filled in yet to save." },
    import_geen_json: { nl: "Dit bestand is niet gebruikt: het is geen antwoordenbestand (geen JSON). Er is niets veranderd.", en: "This file was not used: it is not an answers file (not JSON). Nothing has changed." },
    import_ander: { nl: "Dit bestand is niet gebruikt: het komt niet van deze site. Er is niets veranderd.", en: "This file was not used: it does not come from this site. Nothing has changed." },
    import_nieuwer: { nl: "Dit bestand is niet gebruikt: het is gemaakt met een nieuwere versie van de site. Open het in de nieuwste versie. Er is niets veranderd.", en: "This file was not used: it was made by a newer version of the site. Open it in the newest version. Nothing has changed." },
    import_te_groot: { nl: "Dit bestand is niet gebruikt: het is groter dan 5 MB, te groot voor een antwoordenbestand. Er is niets veranderd.", en: "This file was not used: it is larger than 5 MB, too large for an answers file. Nothing has changed." },
    import_kapot_reden: { nl: "Dit bestand is niet gebruikt: het is beschadigd of onvolledig ({reden}). Er is niets veranderd.", en: "This file was not used: it is damaged or incomplete ({reden}). Nothing has changed." },
    reden_te_groot: { nl: "te groot of te diep genest", en: "too large or nested too deep" },
    reden_onderdeel: { nl: "„{naam}” klopt niet", en: "“{naam}” is wrong" },
    reden_antwoord: { nl: "antwoord „{sleutel}” in „{naam}” klopt niet", en: "answer “{sleutel}” in “{naam}” is wrong" },
    reden_waarde: { nl: "„{waarde}” past niet bij „{sleutel}” in „{naam}”", en: "“{waarde}” does not fit “{sleutel}” in “{naam}”" },
    import_mislukt: { nl: "Niet overgenomen: deze browser kon het niet bewaren (is de opslag vol?). Er is niets veranderd.", en: "Not taken over: this browser could not keep it (is its storage full?). Nothing has changed." },
    import_mislukt_geblokkeerd: { nl: "Niet overgenomen: deze browser staat opslaan niet toe. Er is niets veranderd.", en: "Not taken over: this browser does not allow saving. Nothing has changed." },
    import_onleesbaar: { nl: "Dit bestand kon niet worden gelezen. Er is niets veranderd.", en: "This file could not be read. Nothing has changed." },
    import_vraag: { nl: "Dit bestand bevat {nieuw} en {anders}. Wil je ze overnemen?", en: "This file holds {nieuw} and {anders}. Do you want to take them over?" },
    antwoorden_n: { nl: "{n} antwoorden", en: "{n} answers" },
    n_nieuw: { nl: "{n} nieuwe antwoorden", en: "{n} new answers" },
    n_nieuw_1: { nl: "1 nieuw antwoord", en: "1 new answer" },
    n_anders: { nl: "{n} antwoorden die anders zijn dan wat hier staat", en: "{n} answers that differ from what is here" },
    n_anders_1: { nl: "1 antwoord dat anders is dan wat hier staat", en: "1 answer that differs from what is here" },
    import_weggelaten: { nl: "Niet overgenomen, want het hoort niet bij deze pagina:", en: "Not taken over, as it does not belong to this page:" },
    import_niets_hier: { nl: "Dit bestand bevat niets voor deze pagina. Er is niets veranderd.", en: "This file holds nothing for this page. Nothing has changed." },
    weggelaten: { nl: "{wat}: zet het terug op de pagina waar het bij hoort", en: "{wat}: restore it on the page it belongs to" },
    weggelaten_werkblad: { nl: "andere werkbladen", en: "other worksheets" },
    weggelaten_teamscan: { nl: "de teamscan (de teamscan-pagina)", en: "the team scan (the team scan page)" },
    weggelaten_reflectie: { nl: "een zelfreflectie", en: "a self-reflection" },
    weggelaten_toets: { nl: "een zelftoets", en: "a self-test" },
    weggelaten_anders: { nl: "iets anders", en: "something else" },
    import_overschreven: { nl: "Deze antwoorden worden vervangen:", en: "These answers will be replaced:" },
    import_afgebroken: { nl: "Niets overgenomen.", en: "Nothing taken over." },
    import_niets: { nl: "Dit bestand bevat niets wat hier nog niet staat. Er is niets veranderd.", en: "This file holds nothing that is not here already. Nothing has changed." },
    import_klaar: { nl: "{n} antwoorden overgenomen uit het bestand.", en: "{n} answers taken over from the file." },
    import_klaar_1: { nl: "1 antwoord overgenomen uit het bestand.", en: "1 answer taken over from the file." },
    herinnering: { nl: "Je werk is veranderd en sinds {datum} niet meer als bestand bewaard. Sommige browsers (zoals Safari) wissen het na een week zonder bezoek.", en: "Your work has changed and has not been saved to a file since {datum}. Some browsers (such as Safari) delete it after a week without a visit." },
    herinnering_nooit: { nl: "Je werk staat sinds {datum} alleen in deze browser en is nog nooit als bestand bewaard. Sommige browsers (zoals Safari) wissen het na een week zonder bezoek.", en: "Your work has been only in this browser since {datum} and has never been saved to a file. Some browsers (such as Safari) delete it after a week without a visit." },
    herinnering_link: { nl: "Bewaar alles op Mijn werk.", en: "Save all of it on My work." }
  };

  /** WORDS in one language ("nl" or "en") as {key: text}. */
  function wordsIn(lang) {
    var out = {};
    Object.keys(WORDS).forEach(function (key) { out[key] = WORDS[key][lang] || WORDS[key].nl; });
    return out;
  }

  if (browser) {
    var own = wordsIn(/^en\b/.test(document.documentElement.lang || "") ? "en" : "nl");
    Object.keys(own).forEach(function (key) { if (!(key in I.words)) I.words[key] = own[key]; });
  }

  /** Every record this browser holds (name -> record data), with what this page has not stored yet. */
  function allStored() {
    var s = storage(), out = {}, PREFIX = I.PREFIX;
    try {
      for (var i = 0; s && i < s.length; i++) {
        var key = s.key(i);
        if (key && key.indexOf(PREFIX) === 0) {
          var data = read(s.getItem(key)).data;
          if (data) out[key.slice(PREFIX.length)] = data;
        }
      }
    } catch (error) { /* nothing readable */ }
    Object.keys(I.records).forEach(function (name) { out[name] = B.merge(out[name], I.records[name].data); });
    return out;
  }

  /** Records of a checked file under their v3 names: the records of one tool in several languages (v2 files)
      joined into one (B.join). */
  function upgrade(gegevens) {
    var groups = {}, out = {};
    Object.keys(gegevens).forEach(function (name) {
      var lang = (/^[a-z]+:([a-z]{2}):/.exec(name) || [])[1] || "", own = canonical(name);
      (groups[own] = groups[own] || {})[lang] = gegevens[name];
    });
    Object.keys(groups).forEach(function (name) {
      var parts = groups[name], langs = Object.keys(parts);
      out[name] = langs.length === 1 && !langs[0] ? parts[""] : B.join(parts);
    });
    return out;
  }

  /** Unreadable records kept aside, for some records (all when names is null): {key: text as it was}. */
  function asideStored(names) {
    var s = storage(), out = {};
    try {
      for (var i = 0; s && i < s.length; i++) {
        var key = s.key(i), name = key && key.indexOf(ASIDE) === 0 ? canonical(key.slice(ASIDE.length)).split(":").slice(0, 2).join(":") : "";
        if (name && (!names || names.indexOf(name) >= 0)) out[key] = s.getItem(key);
      }
    } catch (error) { /* nothing readable */ }
    return out;
  }

  /** The file's contents for some records (all when names is null): only answers with a value, and under
      "apart" what could not be read (the format stays: readers look only at "gegevens"). */
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
    var data = { formaat: FORMAT, versie: VERSION, gemaakt: new Date().toISOString(), gegevens: gegevens };
    var aside = asideStored(names);
    if (Object.keys(aside).length) data.apart = aside;
    return data;
  }

  /** Download a file of some records (all when names is null); returns the number of answers in it, and
      notes for each record in it when it was saved to a file. */
  function download(names, fileName) {
    var data = fileData(names), count = 0, at = savedAt(), now = Date.now();
    Object.keys(data.gegevens).forEach(function (name) { count += Object.keys(data.gegevens[name].velden).length; });
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName.replace("{datum}", new Date().toISOString().slice(0, 10));
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    Object.keys(data.gegevens).concat(names || []).forEach(function (name) { at[name] = now; });
    try { storage().setItem(I.SAVED, JSON.stringify(at)); } catch (error) { /* the reminder may come too soon */ }
    return count + (data.apart ? 1 : 0);
  }

  /** Whether a JSON text nests arrays and objects deeper than max (checked before parsing it). */
  function tooDeep(json, max) {
    var depth = 0, quoted = false;
    for (var i = 0; i < json.length; i++) {
      var c = json.charCodeAt(i);
      if (quoted) { if (c === 92) i++; else if (c === 34) quoted = false; }
      else if (c === 34) quoted = true;
      else if (c === 123 || c === 91) { if (++depth > max) return true; }
      else if (c === 125 || c === 93) depth--;
    }
    return false;
  }

  /** The file's version as a number (a missing one is the current, "2" is 2), or null when it is none. */
  function versionOf(versie) {
    if (versie === undefined) return VERSION;
    if (typeof versie === "string" && /^\s*\d{1,3}\s*$/.test(versie)) return Number(versie);
    return typeof versie === "number" && versie >= 1 && Math.floor(versie) === versie ? versie : null;
  }

  /** Check a file's text: {data}, or {error: message} saying plainly why it is refused. Shape, size, depth
      and every key and value are checked here, before anything is applied. */
  function check(json, size) {
    if (size > LIMITS.bytes || (json && json.length > LIMITS.bytes)) return { error: text("import_te_groot") };
    function damaged(reason, values) { return { error: text("import_kapot_reden", { reden: text(reason, values) }) }; }
    json = String(json === undefined || json === null ? "" : json);
    if (tooDeep(json, LIMITS.depth)) return damaged("reden_te_groot");
    var data;
    try {
      data = JSON.parse(json);
    } catch (error) {
      return { error: text("import_geen_json") };
    }
    if (!plain(data) || data.formaat !== FORMAT) return { error: text("import_ander") };
    var version = versionOf(data.versie);
    if (version === null) return damaged("reden_onderdeel", { naam: "versie: " + short(JSON.stringify(data.versie)) });
    if (version > VERSION) return { error: text("import_nieuwer") };
    if (!plain(data.gegevens)) return damaged("reden_onderdeel", { naam: "gegevens" });
    var names = Object.keys(data.gegevens), total = 0;
    if (names.length > LIMITS.records) return damaged("reden_te_groot");
    for (var i = 0; i < names.length; i++) {
      var name = names[i], record = data.gegevens[name];
      if (!safe(name) || !NAME.test(name)) return damaged("reden_onderdeel", { naam: short(name) });
      if (!plain(record) || !plain(record.velden)) return damaged("reden_onderdeel", { naam: name });
      var keys = Object.keys(record.velden), unknown = I.rules[name.split(":")[0]];
      total += keys.length;
      if (total > LIMITS.answers) return damaged("reden_te_groot");
      for (var j = 0; j < keys.length; j++) {
        var key = keys[j], entry = record.velden[key], where = { naam: name, sleutel: short(key) };
        if (!key || !safe(key) || key.length > LIMITS.key) return damaged("reden_antwoord", where);
        if (!plain(entry) || !(entry.v === null || scalar(entry.v)) || (entry.q !== undefined && typeof entry.q !== "string") ||
            (entry.t !== undefined && typeof entry.t !== "number")) return damaged("reden_antwoord", where);
        if (unknown && !empty(entry.v) && unknown(key, entry.v, name)) {
          where.waarde = short(entry.v);
          return damaged("reden_waarde", where);
        }
      }
    }
    data.gegevens = upgrade(data.gegevens);
    return { data: data };
  }

  /** What importing data would change: [{name, key, q, v, was}] of added and of overwritten answers. Each is
      named by our question (question(name, key) from the page, else the stored one), the file's only when
      this browser has none. */
  function changes(data, question) {
    var stored = allStored(), added = [], replaced = [];
    Object.keys(data.gegevens).forEach(function (name) {
      var velden = data.gegevens[name].velden, here = (stored[name] || { velden: {} }).velden;
      Object.keys(velden).forEach(function (key) {
        var mine = Object.prototype.hasOwnProperty.call(here, key) ? here[key] : null, entry = velden[key];
        if (empty(entry.v) || (mine && mine.v === entry.v)) return;
        var ours = (question && question(name, key)) || (mine && mine.q);
        var change = { name: name, key: key, q: ours || entry.q || key, v: entry.v };
        /* An answer she emptied or unticked here is hers too: it is named as replaced, not counted as new. */
        if (mine) { change.was = mine.v; replaced.push(change); } else added.push(change);
      });
    });
    return { added: added, replaced: replaced };
  }

  /** The lines that name what will be replaced: "• <question>", one line per name with its count when several
      answers share it (a page that names a record rather than each question: Mijn werk), at most eight. */
  function named(changed) {
    var order = [], count = {};
    changed.forEach(function (c) {
      var label = short(c.q);
      if (!count[label]) order.push(label);
      count[label] = (count[label] || 0) + 1;
    });
    var lines = order.slice(0, 8).map(function (label) {
      return "• " + label + (count[label] > 1 ? " (" + text("antwoorden_n", { n: count[label] }) + ")" : "");
    });
    if (order.length > 8) lines.push("• …");
    return lines;
  }

  /** Why the records of a file that are not this page's are left out: one line per kind of record, e.g.
      "• de teamscan (de teamscan-pagina): zet het terug op de pagina waar het bij hoort" ("" when none). */
  function leftOut(names) {
    var kinds = [];
    names.forEach(function (name) {
      var kind = name.split(":")[0], known = ["werkblad", "teamscan", "reflectie", "toets"].indexOf(kind) >= 0;
      kind = known ? kind : "anders";
      if (kinds.indexOf(kind) < 0) kinds.push(kind);
    });
    return kinds.length ? text("import_weggelaten") + "\n" + kinds.map(function (kind) {
      return "• " + text("weggelaten", { wat: text("weggelaten_" + kind) });
    }).join("\n") : "";
  }

  /** Apply a checked file after asking; returns {message, changed: [record names], ok}. Only the records in own
      are taken (all when own is undefined): a page takes its own tool's answers, and names what it leaves out
      and where that goes. All or nothing: when storage fails on one record, every record written before it is
      put back as it was. */
  function apply(data, ask, question, own) {
    var plan = changes(data, question), other = [];
    if (own) {
      ["added", "replaced"].forEach(function (part) {
        plan[part] = plan[part].filter(function (c) {
          if (own.indexOf(c.name) >= 0) return true;
          if (other.indexOf(c.name) < 0) other.push(c.name);
          return false;
        });
      });
    }
    var total = plan.added.length + plan.replaced.length, left = leftOut(other);
    if (!total && left) return { ok: false, message: text("import_niets_hier") + "\n" + left, changed: [] };
    if (!total) { inFile(data, own); return { ok: true, message: text("import_niets"), changed: [] }; }
    var lines = named(plan.replaced);
    var asked = text("import_vraag", { nieuw: text("n_nieuw", { n: plan.added.length }),
                                       anders: text("n_anders", { n: plan.replaced.length }) }) +
      (lines.length ? "\n\n" + text("import_overschreven") + "\n" + lines.join("\n") : "") +
      (left ? "\n\n" + left : "");
    if (!ask(asked)) return { ok: false, message: text("import_afgebroken"), changed: [] };
    var byRecord = {};
    plan.added.concat(plan.replaced).forEach(function (c) {
      (byRecord[c.name] = byRecord[c.name] || {})[c.key] = [c.v, c.q];
    });
    var names = Object.keys(byRecord), s = storage(), before = [], problem = s ? "" : "geblokkeerd";
    for (var i = 0; i < names.length && !problem; i++) {
      var record = open(names[i]);
      try {
        before.push({ record: record, data: JSON.stringify(record.data), problem: record.problem, raw: s.getItem(record.key) });
      } catch (error) { problem = "geblokkeerd"; break; }
      record.refresh();
      problem = record.set(byRecord[names[i]]);
    }
    if (problem) {
      before.reverse().forEach(function (was) {
        try {
          if (was.raw === null) s.removeItem(was.record.key); else s.setItem(was.record.key, was.raw);
        } catch (error) { /* putting back what fitted before frees room: it does not fail */ }
        was.record.data = JSON.parse(was.data);
        was.record.problem = was.problem;
        if (was.problem) I.unsaved[was.record.name] = true; else delete I.unsaved[was.record.name];
      });
      /* blocked storage is not full storage: the message says which (SecurityError, no storage, or quota) */
      return { ok: false, message: text(problem === "geblokkeerd" ? "import_mislukt_geblokkeerd" : "import_mislukt"), changed: [] };
    }
    names.forEach(function (name) {
      open(name).listeners.forEach(function (listener) { listener(Object.keys(byRecord[name])); });
    });
    inFile(data, own);
    return { ok: true, message: text("import_klaar", { n: total }) + (left ? "\n" + left : ""), changed: names };
  }

  /** After a file was taken over: a record whose every answer in this browser is also in the file, the same,
      counts as saved to a file on the day the file was made (never later than now). So Mijn werk says "saved to a
      file on …" instead of "not yet saved to a file", and the week's reminder does not ask for a file she has.
      A record with an answer the file lacks or holds otherwise keeps what it had. */
  function inFile(data, own) {
    var made = Math.min(Date.parse(data.gemaakt), Date.now()), stored = allStored(), at = savedAt(), noted = false;
    if (!(made > 0)) return;
    Object.keys(data.gegevens).forEach(function (name) {
      if ((own && own.indexOf(name) < 0) || !stored[name] || (at[name] || 0) >= made) return;
      var here = stored[name].velden, there = data.gegevens[name].velden, keys = Object.keys(here);
      var all = keys.every(function (key) {
        return empty(here[key].v) || (Object.prototype.hasOwnProperty.call(there, key) && there[key].v === here[key].v);
      });
      if (all && keys.some(function (key) { return !empty(here[key].v); })) { at[name] = made; noted = true; }
    });
    if (noted) {
      try { storage().setItem(I.SAVED, JSON.stringify(at)); } catch (error) { /* then Mijn werk says "not yet" */ }
    }
  }

  /** Read a chosen file's text (a file over the limit is refused before it is read): done({text} | {error}). */
  function readFile(file, done) {
    if (file.size > LIMITS.bytes) { done({ error: text("import_te_groot") }); return; }
    var reader = new FileReader();
    reader.onload = function () { done({ text: String(reader.result) }); };
    reader.onerror = function () { done({ error: text("import_onleesbaar") }); };
    reader.readAsText(file);
  }

  /** Read a chosen file and import it: calls done({ok, message}); a refusal starts with the file's name. */
  function importFile(file, ask, done, question, own) {
    if (!file) return;
    readFile(file, function (result) {
      var checked = result.error ? result : check(result.text, file.size);
      done(checked.error ? { ok: false, message: file.name + ": " + checked.error } : apply(checked.data, ask, question, own));
    });
  }

  /** A file button's click (bewaren.js fileButtons): download the tool's records and say so. */
  function saveClicked(button, options) {
    var n = download(options.names(), button.dataset.bestandsnaam);
    options.say(n ? text("bestand_bewaard", { n: n }) : text("bestand_leeg"), false);
  }

  /** A file chosen with a tool's "Zet terug uit bestand": import it after asking, and say what happened. */
  function chosen(file, options, own) {
    importFile(file, function (asked) { return window.confirm(asked); }, function (result) {
      options.restored();
      options.say("", result.ok);            /* never a green line beside a red one */
      options.say(result.message, !result.ok);
    }, options.question, own);
  }

  /** The records (of names; all when null) whose answers wait for a file (B.due): [name]. */
  function waiting(names, now) {
    var stored = allStored(), at = savedAt();
    return Object.keys(stored).filter(function (name) {
      return (!names || names.indexOf(name) >= 0) && B.due(stored[name].velden, at[name], now);
    });
  }

  /** The reminder's text for these records, or "" when none waits: since when the oldest of them has not
      been saved to a file (or, never saved, since its first answer). */
  function reminder(names, now) {
    var late = waiting(names, now), stored = allStored(), at = savedAt();
    if (!late.length) return "";
    var since = Math.min.apply(0, late.map(function (name) {
      var velden = stored[name].velden;
      return at[name] || Math.min.apply(0, Object.keys(velden).map(function (key) { return velden[key].t || now; }));
    }));
    return text(late.some(function (name) { return at[name]; }) ? "herinnering" : "herinnering_nooit",
                { datum: new Date(since).toLocaleDateString((browser && document.documentElement.lang) || "nl",
                                                             { dateStyle: "long" }) });   /* 7 December 2026, never 12/7 */
  }

  /** Put a quiet reminder at the top of the page, with a link to "Mijn werk" (its address in the words). */
  function remind(names) {
    var line = reminder(names, Date.now()), article = document.querySelector("article") || document.body;
    if (!line || document.querySelector("[data-herinnering]")) return;
    var note = document.createElement("p"), link = document.createElement("a");
    note.className = "bewaren-herinnering";
    note.setAttribute("data-herinnering", "");
    note.setAttribute("role", "note");
    note.textContent = line + " ";
    if (I.words.mijn_werk_href) {
      link.href = I.words.mijn_werk_href;
      link.textContent = text("herinnering_link");
      note.appendChild(link);
    }
    var heading = article.querySelector("h1");
    if (heading) heading.after(note); else article.prepend(note);
  }

  /* what bewaren.js and teamscan.js use; the rest only for Node (tests/js) */
  B.check = check;
  B.readFile = readFile;
  B.importFile = importFile;
  B.download = download;
  B.saveClicked = saveClicked;
  B.chosen = chosen;
  B.remind = remind;
  B.reminder = reminder;
  B.waiting = waiting;
  B.allStored = allStored;
  B.savedAt = savedAt;
  if (typeof module === "object") {
    module.exports = Object.assign(B, { changes: changes, apply: apply, fileData: fileData, tooDeep: tooDeep, upgrade: upgrade,
                                        versionOf: versionOf, LIMITS: LIMITS, WORDS: WORDS, wordsIn: wordsIn });
  }
})();
