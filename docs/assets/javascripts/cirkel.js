/* The interpersonal circle (markup from hooks/cirkel.py):
   - explorer: choosing a sector (radio group, or a click in the circle) shows its panel, highlights
     the sector and draws the arrow to the pupil behaviour it tends to invite;
   - self-reflection: two sliders per sector redraw two profiles live; answers are kept by bewaren.js
     (in this browser only, with a file to save them) and restored on reload.
   No fetch, no outside resources: it works from file:// too. Geometry mirrors hooks/cirkel.py; it and the
   carrying over of the first format also run in Node (tests/js). */
(function () {
  "use strict";

  var SECTOR = 45;
  var MAX = 10;
  var self = typeof document === "object" && document.currentScript ? document.currentScript.src : "";

  function num(value) {
    return String(Number(value.toFixed(2)));
  }

  function point(angle, radius, g) {
    var a = angle * Math.PI / 180;
    return [g.cx + radius * Math.sin(a), g.cy - radius * Math.cos(a)];
  }

  /* Path data of sector `index` out to `radius`, written exactly as cirkel.py's wedge(). */
  function wedge(index, radius, g) {
    var start = point(index * SECTOR, radius, g);
    var end = point((index + 1) * SECTOR, radius, g);
    var r = num(radius);
    return "M" + num(g.cx) + " " + num(g.cy) + "L" + num(start[0]) + " " + num(start[1]) +
      "A" + r + " " + r + " 0 0 1 " + num(end[0]) + " " + num(end[1]) + "Z";
  }

  function profilePath(values, order, g) {
    return order.map(function (id, index) {
      var value = values[id] || 0;
      return value > 0 ? wedge(index, g.r * value / MAX, g) : "";
    }).join("");
  }

  /** The changes that carry first-format answers over. olds: [{nu: {sector: n}, gewenst: {…}, notitie}], one
      per stored key that could be read; question(slider) and note: the questions as the page shows them. */
  function v1Changes(olds, sliders, question, note) {
    var changes = {};
    olds.forEach(function (old) {
      each(sliders, function (slider) {
        var value = Object(old[slider.dataset.profiel])[slider.dataset.sector];
        if (typeof value === "number" && value > 0 && value <= MAX) {
          changes[slider.dataset.sleutel] = [String(value), question(slider)];
        }
      });
      if (typeof old.notitie === "string" && old.notitie) { changes.notitie = [old.notitie, note]; }
    });
    return changes;
  }

  /** Whether a value fits a slider ({min, max, step}): a whole step from min to max, in digits as the slider
      writes it ("11", "-5", "abc", "1e9" or, in whole steps, "5.5" do not fit). */
  function fits(value, s) {
    var n = Number(value), steps = (n - s.min) / s.step;
    return /^-?\d+(\.\d+)?$/.test(String(value)) && n >= s.min && n <= s.max && Math.abs(steps - Math.round(steps)) < 1e-9;
  }

  /** The import rule of self-reflection records (bewaren.js): a slider's value must fit it (sliders: key ->
      {min, max, step} as the page has them; a slider not on this page: the template's 0 to MAX in whole steps),
      the note is text, and any other field is unknown (it would be counted, never shown). */
  function unknownReflection(sliders) {
    return function (key, value) {
      if (key === "notitie") { return typeof value !== "string"; }
      return !/^(nu|gewenst):[\w-]+$/.test(key) || !fits(value, sliders[key] || { min: 0, max: MAX, step: 1 });
    };
  }

  var limits = {};   /* the sliders of every self-reflection on this page, for its import rule */

  function geometry(svg) {
    return {
      cx: parseFloat(svg.dataset.cx),
      cy: parseFloat(svg.dataset.cy),
      r: parseFloat(svg.dataset.r)
    };
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function explorer(root) {
    var svg = root.querySelector("svg");
    var radios = root.querySelectorAll("input[type=radio]");

    function show(id) {
      var arrow = svg.querySelector('.cirkel-pijl[data-van="' + id + '"]');
      var invited = arrow ? arrow.dataset.naar : "";
      each(root.querySelectorAll(".cirkel-paneel"), function (panel) {
        panel.hidden = panel.dataset.sector !== id;
      });
      each(svg.querySelectorAll(".cirkel-gekozen, .cirkel-label"), function (el) {
        el.classList.toggle("is-aan", el.dataset.sector === id);
      });
      each(svg.querySelectorAll(".cirkel-uitgenodigd"), function (el) {
        el.classList.toggle("is-aan", el.dataset.sector === invited);
      });
      each(svg.querySelectorAll(".cirkel-pijl"), function (el) {
        el.classList.toggle("is-aan", el === arrow);
      });
      root.setAttribute("data-gekozen", id);
    }

    function radioFor(id) {
      var found = null;
      each(radios, function (radio) { if (radio.value === id) { found = radio; } });
      return found;
    }

    each(radios, function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) { show(radio.value); } });
    });
    each(svg.querySelectorAll(".cirkel-keuze"), function (area) {
      area.addEventListener("click", function () {
        var radio = radioFor(area.dataset.sector);
        if (radio) {
          radio.checked = true;
          radio.focus({ preventScroll: true });
          show(radio.value);
        }
      });
    });

    /* A link to a panel (…#cirkel-1-begrijpend) opens that sector. */
    var start = root.querySelector("input[type=radio]:checked") || radios[0];
    if (location.hash) {
      each(root.querySelectorAll(".cirkel-paneel"), function (panel) {
        if ("#" + panel.id === location.hash) { start = radioFor(panel.dataset.sector) || start; }
      });
    }
    start.checked = true;
    root.classList.add("is-actief");
    show(start.value);
  }

  /* The self-reflection: answers are a record of bewaren.js ("reflectie:<language>:<page>"), one field per
     slider ("nu:leidend", "gewenst:leidend" …) and the note; the first format (per page path) is carried over. */
  function reflection(root) {
    var svg = root.querySelector("svg");
    var g = geometry(svg);
    var sliders = root.querySelectorAll("input[type=range]");
    var note = root.querySelector("[data-notitie]");
    var order = Array.prototype.map.call(svg.querySelectorAll(".cirkel-label"), function (label) {
      return label.dataset.sector;
    });
    var B = window.LeidraadBewaren;
    var record = B ? B.open(root.dataset.record) : null;
    each(sliders, function (slider) {
      limits[slider.dataset.sleutel] = { min: +slider.min, max: +slider.max, step: +slider.step || 1 };
    });
    if (B) { B.rule("reflectie", unknownReflection(limits)); }

    function values(kind) {
      var out = {};
      each(sliders, function (slider) {
        if (slider.dataset.profiel === kind) {
          out[slider.dataset.sector] = Number(slider.value);
        }
      });
      return out;
    }

    function draw() {
      ["nu", "gewenst"].forEach(function (kind) {
        svg.querySelector('[data-profiel="' + kind + '"]').setAttribute("d", profilePath(values(kind), order, g));
      });
      each(sliders, function (slider) {
        var output = slider.parentNode.querySelector("output");
        if (output) { output.value = slider.value; }
      });
    }

    function question(control) {
      var ids = (control.getAttribute("aria-labelledby") || "").split(" ");
      var words = ids.map(function (id) { var el = document.getElementById(id); return el ? el.textContent : ""; });
      return control === note ? root.querySelector("label[for='" + note.id + "']").textContent : words.join(" · ");
    }

    function say(message, alarm) {
      var status = root.querySelector("[data-cirkel-status]"), alert = root.querySelector("[data-cirkel-melding]");
      alert.hidden = !alarm;
      if (alarm) { alert.textContent = message; } else { status.textContent = message; }
    }

    function show() {
      each(sliders, function (slider) {
        var value = Number(record.get(slider.dataset.sleutel) || 0);
        slider.value = String(value >= 0 && value <= MAX ? value : 0);
      });
      note.value = record.get("notitie") || "";
      draw();
    }

    function keep(control) {
      var change = {};
      change[control.dataset.sleutel] = [control === note ? note.value : control.value, question(control)];
      record.set(change);
      if (record.problem) { say(B.statusText(record), true); } else { say(B.statusText(record), false); }
    }

    function migrate() {
      if (record.data.v1) { return; }
      var suffix = ":" + document.documentElement.lang + ":" + root.id, olds = [];
      try {
        for (var i = 0; i < localStorage.length; i++) {
          var key = localStorage.key(i);
          if (key && key.indexOf("cirkel-reflectie:") === 0 && key.slice(-suffix.length) === suffix) {
            var old = B.oldValues(localStorage.getItem(key));   /* an unreadable key does not stop the others */
            if (old) { olds.push(old); }
          }
        }
      } catch (error) { return; }
      var changes = v1Changes(olds, sliders, question, question(note));
      if (Object.keys(changes).length) { record.set(changes); }
      record.mark("v1");
    }

    each(sliders, function (slider) {
      slider.addEventListener("input", function () { draw(); if (record) { keep(slider); } });
    });
    /* paper shows the whole note: a textarea prints only its visible box, so print a copy that grows */
    window.addEventListener("beforeprint", function () {
      var copy = note.nextElementSibling;
      if (!copy || !copy.classList.contains("cirkel-notitie__afdruk")) {
        copy = document.createElement("div");
        copy.className = "cirkel-notitie__afdruk";
        copy.setAttribute("aria-hidden", "true");
        note.after(copy);
      }
      copy.textContent = note.value;
    });
    /* today's date, on screen and on paper: what the profiles say is how the teacher sees herself today */
    var day = root.querySelector("[data-cirkel-datum]");
    if (day) { day.textContent = new Date().toLocaleDateString(root.getAttribute("lang"), { day: "numeric", month: "long", year: "numeric" }); }
    root.classList.add("is-actief");
    if (!record) { draw(); return; }
    migrate();
    show();
    /* snapshots: cirkel-momenten.js, loaded only once there is one or the teacher saves the first */
    var moments = null, box = root.querySelector("[data-cirkel-momenten]");
    function withMoments(callback) {
      if (moments) { callback(moments); return; }
      var script = document.createElement("script");
      script.src = self.replace(/cirkel(\.min)?\.js([?#].*)?$/, "cirkel-momenten$1.js");
      script.onload = function () {
        moments = moments || window.LeidraadMomenten.start({ root: root, record: record, B: B, order: order, values: values, say: say,
          path: function (v) { return profilePath(v, order, g); } });
        callback(moments);
      };
      document.head.appendChild(script);
    }
    if (box) {
      box.hidden = false;
      box.querySelector("[data-moment-bewaar]").addEventListener("click", function () { withMoments(function (m) { m.save(); }); });
    }
    function momentsIfAny() {   /* on load, and when a file or another tab brings the first snapshot */
      if (box && record.entries().some(function (e) { return e.key.indexOf("moment:") === 0; })) { withMoments(function () {}); }
    }
    momentsIfAny();
    root.querySelector("[data-afdrukken]").addEventListener("click", function () { window.print(); });
    note.addEventListener("input", function () { keep(note); });
    record.onChange(function () { show(); momentsIfAny(); });
    root.querySelector("[data-cirkel-knoppen]").hidden = false;
    if (B.notice(record)) { say(B.notice(record), true); }   /* blocked storage, or a record kept aside */
    B.fileButtons(root, { names: function () { return [record.name]; }, say: say, restored: show });
    root.querySelector("[data-wissen]").addEventListener("click", function () {
      var entries = record.entries().filter(function (e) { return e.key.indexOf("moment:") !== 0; });   /* snapshots stay */
      if (!entries.length) { say(B.text("wissen_niets"), false); return; }
      if (!window.confirm(B.text("wissen_vraag_reflectie", { n: entries.length }))) { return; }
      var change = {};
      entries.forEach(function (entry) { change[entry.key] = [null, entry.q]; });
      record.set(change);
      show();
      say(record.problem ? B.statusText(record) : B.text("gewist"), !!record.problem);
    });
  }

  function start() {
    each(document.querySelectorAll("[data-cirkel-verkenner]"), explorer);
    each(document.querySelectorAll("[data-cirkel-reflectie]"), reflection);
  }

  if (typeof document === "object") {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  }
  if (typeof module === "object") {
    module.exports = { wedge: wedge, profilePath: profilePath, v1Changes: v1Changes, fits: fits,
                       unknownReflection: unknownReflection };
  }
}());
