/* The interpersonal circle (markup from hooks/cirkel.py):
   - explorer: choosing a sector (radio group, or a click in the circle) shows its panel, highlights
     the sector and draws the arrow to the pupil behaviour it tends to invite;
   - self-reflection: two sliders per sector redraw two profiles live; answers are kept only in
     localStorage (per page, language and block) and restored on reload.
   No fetch, no outside resources: it works from file:// too. Geometry mirrors hooks/cirkel.py. */
(function () {
  "use strict";

  var SECTOR = 45;
  var MAX = 10;

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

  function geometry(svg) {
    return {
      cx: parseFloat(svg.getAttribute("data-cx")),
      cy: parseFloat(svg.getAttribute("data-cy")),
      r: parseFloat(svg.getAttribute("data-r"))
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
      var invited = arrow ? arrow.getAttribute("data-naar") : "";
      each(root.querySelectorAll(".cirkel-paneel"), function (panel) {
        panel.hidden = panel.getAttribute("data-sector") !== id;
      });
      each(svg.querySelectorAll(".cirkel-gekozen, .cirkel-label"), function (el) {
        el.classList.toggle("is-aan", el.getAttribute("data-sector") === id);
      });
      each(svg.querySelectorAll(".cirkel-uitgenodigd"), function (el) {
        el.classList.toggle("is-aan", el.getAttribute("data-sector") === invited);
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
        var radio = radioFor(area.getAttribute("data-sector"));
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
        if ("#" + panel.id === location.hash) { start = radioFor(panel.getAttribute("data-sector")) || start; }
      });
    }
    start.checked = true;
    root.classList.add("is-actief");
    show(start.value);
  }

  function reflection(root) {
    var svg = root.querySelector("svg");
    var g = geometry(svg);
    var sliders = root.querySelectorAll("input[type=range]");
    var note = root.querySelector("[data-notitie]");
    var order = Array.prototype.map.call(svg.querySelectorAll(".cirkel-label"), function (label) {
      return label.getAttribute("data-sector");
    });
    var key = ["cirkel-reflectie", location.pathname, document.documentElement.lang, root.id].join(":");

    function values(kind) {
      var out = {};
      each(sliders, function (slider) {
        if (slider.getAttribute("data-profiel") === kind) {
          out[slider.getAttribute("data-sector")] = Number(slider.value);
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

    function save() {
      try {
        localStorage.setItem(key, JSON.stringify({ nu: values("nu"), gewenst: values("gewenst"), notitie: note.value }));
      } catch (error) { /* storage off or full: the page still works, it just forgets */ }
    }

    function load() {
      try {
        return JSON.parse(localStorage.getItem(key) || "null");
      } catch (error) {
        return null;
      }
    }

    var saved = load();
    if (saved && typeof saved === "object") {
      each(sliders, function (slider) {
        var value = (saved[slider.getAttribute("data-profiel")] || {})[slider.getAttribute("data-sector")];
        if (typeof value === "number" && value >= 0 && value <= MAX) { slider.value = String(value); }
      });
      if (typeof saved.notitie === "string") { note.value = saved.notitie; }
    }
    each(sliders, function (slider) {
      slider.addEventListener("input", function () { draw(); save(); });
    });
    note.addEventListener("input", save);
    root.querySelector("[data-wissen]").addEventListener("click", function () {
      try { localStorage.removeItem(key); } catch (error) { /* nothing stored */ }
      each(sliders, function (slider) { slider.value = "0"; });
      note.value = "";
      draw();
    });
    root.classList.add("is-actief");
    draw();
  }

  function start() {
    each(document.querySelectorAll("[data-cirkel-verkenner]"), explorer);
    each(document.querySelectorAll("[data-cirkel-reflectie]"), reflection);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
