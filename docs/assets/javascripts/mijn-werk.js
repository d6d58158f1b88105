/* "Mijn werk" (hooks/mijn_werk.py): everything this browser keeps, in one list and one file.
 *
 * One row per record of bewaren.js with answers: the page it belongs to (a link; the table of pages comes from
 * the build, in bewaren.js's words as "paginas": {record: [link, title]}), when it last changed (the newest
 * "t" of its answers), how many answers it holds and when it was last saved to a file. A record of the second
 * format (one per language) that no tool has opened since is carried over here first (bewaren.js open), so
 * the list is complete. The buttons save every record to one file and restore one (bewaren.js fileButtons).
 * The page asks the browser to keep the data (navigator.storage.persist, where it exists) and says what it
 * answered; the reminder of a week (bewaren-bestand.js reminder) shows here too. Works from file://; the
 * list's logic also runs in Node (tests/js).
 */
(function () {
  "use strict";

  var browser = typeof window === "object" && typeof document === "object";
  var B = browser ? window.LeidraadBewaren : require("./bewaren-bestand.js");
  if (!B) return;
  var I = B.intern;

  function text(key, values) { return B.text(key, values); }

  /** The rows of the list, newest change first: [{name, kind, href, title, changed, saved, count}]. stored:
      name -> record data; pages: name -> [link, title]; at: name -> when saved to a file. */
  function rows(stored, pages, at) {
    return Object.keys(stored).map(function (name) {
      var velden = stored[name].velden, keys = Object.keys(velden), page = pages[name] || [];
      var count = keys.filter(function (key) { return I.scalar(velden[key].v) && !B.empty(velden[key].v); }).length;
      var changed = Math.max.apply(0, keys.map(function (key) { return typeof velden[key].t === "number" ? velden[key].t : 0; }).concat(0));
      return { name: name, kind: name.split(":")[0], href: page[0] || "", title: page[1] || name.slice(name.indexOf(":") + 1),
               changed: changed, saved: at[name] || 0, count: count };
    }).filter(function (row) { return row.count; }).sort(function (a, b) { return b.changed - a.changed || (a.name < b.name ? -1 : 1); });
  }

  /** The words for what the browser answered when asked to keep the data: true, false or undefined (not asked). */
  function persistText(answer) {
    return text(answer === true ? "persist_ja" : answer === false ? "persist_nee" : "persist_onbekend");
  }

  function when(ms) {
    var lang = document.documentElement.lang || "nl";
    return new Date(ms).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
  }

  /** Carry over the records of the second format that no tool has opened since (bewaren.js open does it). */
  function carryAll() {
    var s = I.storage(), names = [];
    try {
      for (var i = 0; s && i < s.length; i++) {
        var key = s.key(i);
        if (key && key.indexOf(I.OLD) === 0) names.push(B.canonical(key.slice(I.OLD.length)));
      }
    } catch (error) { /* nothing readable */ }
    names.forEach(function (name) { B.open(name); });
  }

  function cell(row, content) {
    var td = document.createElement("td");
    if (typeof content === "string") td.textContent = content; else td.appendChild(content);
    row.appendChild(td);
    return td;
  }

  /** The kind of tool before a title ("Werkblad: …"), unless the title already begins with it ("Teamscan: waar
      staan we?", not "Teamscan: Teamscan: …"). */
  function prefix(kind, title) {
    var word = text("soort_" + kind);
    return title.indexOf(word) === 0 ? "" : word + ": ";
  }

  function show(root) {
    var list = root.querySelector("[data-mijn-werk-lijst]"), found = rows(B.allStored(), I.words.paginas || {}, B.savedAt());
    list.textContent = "";
    found.forEach(function (item) {
      var tr = document.createElement("tr"), what = document.createElement("span"), link = document.createElement("a");
      tr.dataset.record = item.name;
      what.append(prefix(item.kind, item.title));
      if (item.href) { link.href = item.href; link.textContent = item.title; what.appendChild(link); }
      else what.append(item.title + " " + text("geen_pagina"));
      what.append(" (" + text("antwoorden", { n: item.count }) + ")");
      cell(tr, what);
      cell(tr, item.changed ? when(item.changed) : "");
      cell(tr, item.saved ? text("bewaard_op", { datum: when(item.saved) }) : text("nooit_bewaard"));
      list.appendChild(tr);
    });
    root.querySelector("[data-mijn-werk-tabel]").hidden = !found.length;
    root.querySelector("[data-mijn-werk-leeg]").hidden = !!found.length;
    var reminder = root.querySelector("[data-mijn-werk-herinnering]"), line = B.reminder(null, Date.now());
    reminder.textContent = line;
    reminder.hidden = !line;
  }

  function askToKeep(root) {
    var line = root.querySelector("[data-mijn-werk-opslag]");
    function say(answer) { line.textContent = persistText(answer); line.hidden = false; }
    if (!(navigator.storage && navigator.storage.persist)) { say(undefined); return; }
    line.textContent = text("persist_vragen");
    line.hidden = false;
    navigator.storage.persist().then(function (granted) { say(!!granted); }, function () { say(false); });
  }

  function setup(root) {
    if (root.dataset.mijnWerkKlaar) return;
    root.dataset.mijnWerkKlaar = "1";
    function say(message, alarm) {
      var line = root.querySelector(alarm ? "[data-mijn-werk-melding]" : "[data-mijn-werk-status]");
      if (alarm) line.hidden = !message;
      line.textContent = message;
      show(root);
    }
    carryAll();
    root.querySelector("[data-mijn-werk-knoppen]").hidden = false;
    /* What a file would replace is named by its tool and page in this page's language ("Werkblad: Een
       herstelgesprek voorbereiden (2 antwoorden)"): this page has no questions, and a stored question text is
       in the language it was last typed in. */
    function question(name) {
      var page = (I.words.paginas || {})[name];
      return page ? prefix(name.split(":")[0], page[1]) + page[1] : "";
    }
    B.fileButtons(root, { names: function () { return null; }, alles: true, say: say, question: question,
                          restored: function () { show(root); } });
    window.addEventListener("storage", function () { show(root); });
    show(root);
    askToKeep(root);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mijn-werk]"), setup);
  }

  if (browser) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module === "object") module.exports = { rows: rows, persistText: persistText };
})();
