/* Snapshots of the self-reflection (cirkel.js loads this file the first time a page needs it: when the
   record holds a snapshot, or when the teacher saves the first one). "Bewaar als momentopname" keeps
   today's two profiles in the reflection's own record (bewaren.js), under "moment:<YYYY-MM-DD>", as a JSON
   text; the list shows every snapshot, newest first, and "Vergelijk" draws one's "now" profile as a dotted
   outline beside today's (solid, filled) and the wish (dashed), named in the legend. Nothing is sent
   anywhere; it works from file:// too. The list logic also runs in Node (tests/js/cirkel.test.js). */
(function () {
  "use strict";

  var PREFIX = "moment:";
  var MAX = 10;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** The record key of a snapshot taken on a date (local time): "moment:2026-12-07". */
  function momentKey(date) {
    return PREFIX + date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /** A snapshot's stored text: the two profiles, each {sector: 0–10}, for the sectors given. */
  function momentValue(nu, gewenst, order) {
    function only(values) {
      var out = {};
      order.forEach(function (id) { out[id] = Number(values[id]) || 0; });
      return out;
    }
    return JSON.stringify({ nu: only(nu), gewenst: only(gewenst) });
  }

  /** A stored snapshot text read back: {nu, gewenst} with numbers 0–10 for known sectors, or null. */
  function readMoment(text, order) {
    var data;
    try { data = JSON.parse(text); } catch (error) { return null; }
    if (!data || typeof data !== "object") return null;
    var out = {};
    var ok = ["nu", "gewenst"].every(function (kind) {
      var values = data[kind];
      if (!values || typeof values !== "object") return false;
      out[kind] = {};
      order.forEach(function (id) {
        var n = Number(values[id]);
        out[kind][id] = isFinite(n) && n >= 0 && n <= MAX ? n : 0;
      });
      return true;
    });
    return ok ? out : null;
  }

  /** The snapshots among a record's entries ([{key, v}]), newest first: [{key, datum: "YYYY-MM-DD", nu, gewenst}]. */
  function momentList(entries, order) {
    return entries.filter(function (entry) {
      return entry.key.indexOf(PREFIX) === 0 && /^\d{4}-\d{2}-\d{2}$/.test(entry.key.slice(PREFIX.length));
    }).map(function (entry) {
      var profiles = readMoment(entry.v, order);
      return profiles && { key: entry.key, datum: entry.key.slice(PREFIX.length), nu: profiles.nu, gewenst: profiles.gewenst };
    }).filter(Boolean).sort(function (a, b) { return a.datum < b.datum ? 1 : a.datum > b.datum ? -1 : 0; });
  }

  /** "2026-12-07" as the page's language writes a date ("7 december 2026", "December 7, 2026"). */
  function longDate(day, lang) {
    var parts = day.split("-");
    return new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]))
      .toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
  }

  /** Wire the snapshots of one reflection; returns {save}. c: {root, record, B, order, values(kind), path(values), say}. */
  function start(c) {
    var root = c.root, box = root.querySelector("[data-cirkel-momenten]");
    var list = box.querySelector("[data-moment-lijst]"), legend = root.querySelector("[data-legenda-eerder]");
    var lang = root.getAttribute("lang") || document.documentElement.lang || "nl";
    var svg = root.querySelector("svg"), shown = "";
    var outline = svg.querySelector('[data-profiel="eerder"]');
    if (!outline) {
      outline = document.createElementNS("http://www.w3.org/2000/svg", "path");
      outline.setAttribute("class", "cirkel-profiel cirkel-profiel--eerder");
      outline.setAttribute("data-profiel", "eerder");
      outline.setAttribute("fill", "none");
      var now = svg.querySelector('[data-profiel="nu"]');
      now.parentNode.insertBefore(outline, now.nextSibling);
    }
    function word(name, values) { return c.B.format(box.dataset[name] || name, values); }

    function compare(moment) {
      shown = moment ? moment.key : "";
      outline.setAttribute("d", moment ? c.path(moment.nu) : "");
      legend.hidden = !moment;
      if (moment) legend.querySelector("span").textContent = word("legenda", { datum: longDate(moment.datum, lang) });
    }

    function render() {
      var moments = momentList(c.record.entries(), c.order);
      list.innerHTML = "";
      moments.forEach(function (moment) {
        var item = document.createElement("li"), label = document.createElement("span");
        label.textContent = longDate(moment.datum, lang);
        var look = button(word("vergelijk"), function () { compare(shown === moment.key ? null : moment); render(); });
        look.setAttribute("aria-pressed", String(shown === moment.key));
        var remove = button(word("verwijder"), function () {
          if (!window.confirm(word("verwijderVraag", { datum: longDate(moment.datum, lang) }))) return;
          var change = {};
          change[moment.key] = [null, ""];
          c.record.set(change);
          if (shown === moment.key) compare(null);
          render();
        });
        item.append(label, " ", look, " ", remove);
        list.appendChild(item);
      });
      list.hidden = !moments.length;
      var still = moments.filter(function (m) { return m.key === shown; })[0];
      compare(still || null);
    }

    function button(text, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button";
      b.textContent = text;
      b.addEventListener("click", action);
      return b;
    }

    function save() {   /* "Bewaar als momentopname" (cirkel.js calls it: the button is there before this file) */
      var change = {}, today = new Date();
      change[momentKey(today)] = [momentValue(c.values("nu"), c.values("gewenst"), c.order),
                                  word("vraag", { datum: longDate(momentKey(today).slice(PREFIX.length), lang) })];
      c.record.set(change);
      render();
      c.say(c.record.problem ? c.B.statusText(c.record) : word("bewaard", { datum: longDate(momentKey(today).slice(PREFIX.length), lang) }),
            !!c.record.problem);
    }
    c.record.onChange(render);
    render();
    return { save: save };
  }

  var api = { start: start, momentKey: momentKey, momentValue: momentValue, readMoment: readMoment,
              momentList: momentList, longDate: longDate, PREFIX: PREFIX };
  if (typeof window === "object") window.LeidraadMomenten = api;
  if (typeof module === "object") module.exports = api;
}());
