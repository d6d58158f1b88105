/* Worksheets (hooks/werkbladen.py) in the browser: keep what a teacher fills in, in this browser only
   (localStorage: one entry per page, language and worksheet), count the tally, print filled in or blank,
   and write the page's address on paper. Nothing is sent anywhere; it works from file:// too. */
(function () {
  "use strict";

  var PREFIX = "werkbladen:v1:";

  /** The localStorage key of one worksheet on this page in this language. */
  function storageKey(form) {
    return PREFIX + (document.documentElement.lang || "") + ":" + location.pathname + "#" + form.id;
  }

  /** The fields of a worksheet that hold something a teacher typed or ticked. */
  function fields(form) {
    return form.querySelectorAll("input[id], textarea[id]");
  }

  /** What the worksheet holds now, as {id: text or true}. */
  function read(form) {
    var data = {};
    fields(form).forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) data[field.id] = true;
      } else if (field.value !== "") {
        data[field.id] = field.value;
      }
    });
    return data;
  }

  /** Put saved values back into the worksheet. */
  function write(form, data) {
    fields(form).forEach(function (field) {
      var value = data[field.id];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = value === true;
      } else {
        field.value = typeof value === "string" ? value : "";
      }
    });
  }

  /** The saved values of a worksheet ({} when none or when storage is blocked). */
  function load(form) {
    try {
      return JSON.parse(localStorage.getItem(storageKey(form)) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  /** Save the worksheet in this browser and say so in the status line. */
  function save(form) {
    var data = read(form);
    try {
      if (Object.keys(data).length) {
        localStorage.setItem(storageKey(form), JSON.stringify(data));
      } else {
        localStorage.removeItem(storageKey(form));
      }
      status(form, "opgeslagen");
    } catch (error) {
      /* storage full or blocked: the sheet still works, it is just not kept */
    }
  }

  /** Show a status message ("opgeslagen", "gewist") in the toolbar that serves this worksheet. */
  function status(form, which) {
    toolbars(form).forEach(function (bar) {
      var line = bar.querySelector("[data-werkblad-status]");
      if (line && line.dataset[which] && line.textContent !== line.dataset[which]) {
        line.textContent = line.dataset[which];
      }
    });
  }

  /** The toolbars that act on a worksheet: its own, and a page-wide one. */
  function toolbars(form) {
    return Array.prototype.slice.call(document.querySelectorAll("[data-werkblad-knoppen]")).filter(function (bar) {
      return bar.dataset.werkbladKnoppen === "pagina" || bar.closest(".werkblad") === form;
    });
  }

  /** A whole number from a tally field (empty or invalid counts as 0). */
  function count(field) {
    var n = parseInt(field.value, 10);
    return isNaN(n) || n < 0 ? 0 : n;
  }

  /** "3,5 : 1" style ratio of positive to negative in the page's number format. */
  function ratio(plus, min, lang) {
    if (!plus && !min) return "";
    if (!min) return plus + " : 0";
    return (Math.round((plus / min) * 10) / 10).toLocaleString(lang) + " : 1";
  }

  /** Recompute every tally table of a worksheet: ratio per day, totals, and the 3:1 check. */
  function tally(form) {
    var lang = document.documentElement.lang || "nl";
    form.querySelectorAll("[data-werkblad-turven]").forEach(function (table) {
      var sumPlus = 0, sumMin = 0;
      table.querySelectorAll("[data-turf-rij]").forEach(function (row) {
        var plus = count(row.querySelector("[data-turf='plus']"));
        var min = count(row.querySelector("[data-turf='min']"));
        sumPlus += plus;
        sumMin += min;
        row.querySelector("[data-turf-verhouding]").textContent = ratio(plus, min, lang);
      });
      var total = table.querySelector("[data-turf-verhouding-totaal]");
      table.querySelector("[data-turf-totaal='plus']").textContent = sumPlus || sumMin ? sumPlus : "";
      table.querySelector("[data-turf-totaal='min']").textContent = sumPlus || sumMin ? sumMin : "";
      if (!sumPlus && !sumMin) {
        total.textContent = "";
      } else {
        var reached = sumPlus >= 3 * sumMin;
        total.textContent = ratio(sumPlus, sumMin, lang) + " · " +
          (reached ? "✓ " + table.dataset.gehaald : table.dataset.nietGehaald);
        total.dataset.gehaald = reached ? "ja" : "nee";
      }
    });
  }

  /** Empty a worksheet and forget what was saved for it. */
  function clear(form) {
    write(form, {});
    try {
      localStorage.removeItem(storageKey(form));
    } catch (error) { /* nothing saved */ }
    tally(form);
    status(form, "gewist");
  }

  var blankNext = false;   /* the next print should be blank ("Leeg afdrukken") */
  var stash = null;        /* what the fields held while a blank copy prints */

  /** Empty every field on the page for a blank print, keeping what they held (storage is not touched). */
  function blankOut() {
    if (stash) return;
    stash = [];
    document.querySelectorAll("form.werkblad").forEach(function (form) {
      fields(form).forEach(function (field) {
        stash.push({ field: field, value: field.value, checked: field.checked });
        if (field.type === "checkbox" || field.type === "radio") field.checked = false;
        else field.value = "";
      });
      tally(form);
    });
    document.documentElement.classList.add("werkblad-leeg");
  }

  /** Put back what the fields held before a blank print. */
  function restore() {
    if (!stash) return;
    stash.forEach(function (kept) {
      if (kept.field.type === "checkbox" || kept.field.type === "radio") kept.field.checked = kept.checked;
      else kept.field.value = kept.value;
    });
    stash = null;
    document.querySelectorAll("form.werkblad").forEach(tally);
    document.documentElement.classList.remove("werkblad-leeg");
  }

  /** Print with what was filled in, or blank: then nothing of it reaches paper or PDF, not even hidden. */
  function print(blank) {
    blankNext = blank;
    window.print();
  }

  /** Handle a toolbar button for its worksheet, or for every worksheet of the page. */
  function act(button) {
    var bar = button.closest("[data-werkblad-knoppen]");
    var forms = bar.dataset.werkbladKnoppen === "pagina"
      ? Array.prototype.slice.call(document.querySelectorAll("form.werkblad"))
      : [button.closest("form.werkblad")];
    var action = button.dataset.werkbladActie;
    if (action === "afdrukken") print(false);
    if (action === "leeg-afdrukken") print(true);
    if (action === "wissen" && window.confirm(button.dataset.werkbladVraag)) forms.forEach(clear);
  }

  /** Wire up one worksheet: restore, save on every change, tally buttons. */
  function setup(form) {
    if (form.dataset.werkbladKlaar) return;
    form.dataset.werkbladKlaar = "1";
    form.classList.add("werkblad--js");
    write(form, load(form));
    tally(form);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function () { tally(form); save(form); });
    form.addEventListener("change", function () { tally(form); save(form); });
    form.addEventListener("click", function (event) {
      var plus = event.target.closest("[data-turf-erbij]");
      if (plus) {
        var field = document.getElementById(plus.dataset.turfErbij);
        field.value = count(field) + 1;
        tally(form);
        save(form);
      }
    });
  }

  /** Start every worksheet and toolbar on the page, and fill in the address for print. */
  function init() {
    document.querySelectorAll("form.werkblad").forEach(setup);
    document.querySelectorAll("[data-werkblad-knoppen][hidden]").forEach(function (bar) {
      bar.hidden = false;
      bar.addEventListener("click", function (event) {
        var button = event.target.closest("[data-werkblad-actie]");
        if (button) act(button);
      });
    });
    document.querySelectorAll("[data-werkblad-adres]").forEach(function (line) {
      try {
        line.textContent = new URL(line.dataset.werkbladAdres, location.href).href.split("#")[0];
      } catch (error) { /* keep the relative address */ }
    });
  }

  window.addEventListener("beforeprint", function () { if (blankNext) blankOut(); });
  window.addEventListener("afterprint", function () { blankNext = false; restore(); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
