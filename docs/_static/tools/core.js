/* The "Your numbers" tools: what they share. Plain JavaScript, no library, no request:
   nothing the reader types leaves the page, and nothing is kept.
   Each function here is the twin of one in neckguide/entries.py (read the same way, rounded
   the same way, shown the same way); tests/browser/test_tools.py checks they agree.
   The figures come from the JSON the build writes from the registry (never typed here). */
(function () {
  "use strict";
  var source = document.getElementById("neckguide-tools-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var NUMBER = new RegExp("^(?:" + data.number + ")$");
  var tools = {};

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }

  function message(code, values) {
    return fill(data.messages[code], values || {});
  }

  /* round_half_up: floor(x * 10^n + 0.5) / 10^n, as readers round. */
  function roundHalfUp(x, places) {
    var scale = Math.pow(10, places || 0);
    return Math.floor(x * scale + 0.5) / scale;
  }

  /* Python's round() to a whole number: halves go to the even neighbour. */
  function roundHalfEven(x) {
    var whole = Math.floor(x), part = x - whole;
    if (part > 0.5) return whole + 1;
    if (part < 0.5) return whole;
    return whole % 2 === 0 ? whole : whole + 1;
  }

  /* shown_number: rounded half up, thousands commas, a real minus sign. */
  function shown(x, places, trim) {
    places = places || 0;
    var rounded = roundHalfUp(x, places);
    if (rounded === 0) rounded = 0;
    var text = rounded.toFixed(places), point = text.indexOf(".");
    var whole = point < 0 ? text : text.slice(0, point), rest = point < 0 ? "" : text.slice(point);
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest;
    if (trim && text.indexOf(".") >= 0) text = text.replace(/0+$/, "").replace(/\.$/, "");
    return text.replace(/-/g, "\u2212");
  }

  function EntryError(code, values) {
    this.code = code;
    this.message = message(code, values);
  }

  /* read_number: the number in a field, or an EntryError saying what to change. */
  function readNumber(text, rules) {
    var typed = text.trim().replace(/\u2212/g, "-");
    if (!typed) throw new EntryError("empty", {example: rules.example});
    if (!NUMBER.test(typed)) throw new EntryError("not_a_number", {example: rules.example});
    var number = parseFloat(typed.replace(/,/g, "")) + 0;
    var point = typed.indexOf("."), decimals = point < 0 ? 0 : typed.length - point - 1;
    if (rules.places !== undefined && decimals > rules.places) {
      throw new EntryError(rules.places === 0 ? "whole_number" : "too_many_places", {example: rules.example});
    }
    if (number < 0 && 0 <= rules.low) throw new EntryError("negative");
    if (!(rules.low <= number && number <= rules.high)) {
      throw new EntryError("out_of_range", {low: shown(rules.low), high: shown(rules.high)});
    }
    return number;
  }

  /* One field: its number, or null with its message put in errors. */
  function field(errors, name, text, rules) {
    try {
      return readNumber(text, rules);
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      errors[name] = error.message;
      return null;
    }
  }

  function age(errors, text) {
    return field(errors, "age", text, {low: data.age[0], high: data.age[1], places: 0, example: "65"});
  }

  /* The value for an age in a table of runs [last age, value, ...]. */
  function band(bands, years, column) {
    for (var i = 0; i < bands.length; i++) if (years <= bands[i][0]) return bands[i][1 + (column || 0)];
    return null;
  }

  function has(errors) {
    return Object.keys(errors).length > 0;
  }

  /* What the reader has entered, read from the form. */
  function reader(form) {
    return {
      text: function (name) { var el = form.elements[name]; return el ? el.value : ""; },
      choice: function (name) { var el = form.elements[name]; return el ? el.value : ""; },
      checked: function (name) { var el = form.elements[name]; return !!(el && el.checked); }
    };
  }

  function pristine(form) {
    var fields = form.querySelectorAll("input");
    for (var i = 0; i < fields.length; i++) {
      var el = fields[i];
      if ((el.type === "text" && el.value.trim()) || ((el.type === "radio" || el.type === "checkbox") && el.checked)) return false;
    }
    return true;
  }

  /* Show a twin's answer: messages beside fields, the sentences in the status region. */
  function show(form, answer, prompt) {
    var errors = answer.errors || {};
    form.querySelectorAll(".tool-message").forEach(function (place) {
      var name = place.getAttribute("data-for"), text = prompt ? "" : (errors[name] || "");
      place.textContent = text;
      var el = form.elements[name];
      if (el && el.tagName === "INPUT" && el.type === "text") {
        if (text) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      }
    });
    var status = form.querySelector(".tool-result");
    var lines = prompt ? [status.getAttribute("data-prompt")] : has(errors) ? [data.text.check] : answer.lines;
    status.replaceChildren.apply(status, lines.map(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      return p;
    }));
    form.setAttribute("data-result", prompt ? "" : JSON.stringify(has(errors) ? {errors: errors} : answer.result));
    var box = form.closest(".tool");
    if (box) box.classList.toggle("tool--used", !prompt);
  }

  /* tools.register(name, run): run(values, data) → {errors, lines, result, draw?}. */
  function register(name, run) {
    tools[name] = run;
  }

  function start(form) {
    var run = tools[form.getAttribute("data-tool")];
    if (!run) return;
    var status = form.querySelector(".tool-result");
    status.setAttribute("data-prompt", status.textContent.trim());
    var always = form.hasAttribute("data-always");
    function update() {
      var prompt = !always && pristine(form);
      var answer = prompt ? {errors: {}} : run(reader(form), data);
      show(form, answer, prompt);
      if (answer.draw) answer.draw(form); else if (run.clear) run.clear(form);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    var print = form.querySelector(".tool-print");
    if (print) print.addEventListener("click", function () { window.print(); });
    form.hidden = false;
    update();
  }

  /* Icon arrays: the same paths neckguide.sphinx_ext.icon_array draws. */
  function iconPaths(affected, spared) {
    var g = data.icons, d = {broke: "", spared: "", rest: ""};
    for (var rank = 0; rank < g.columns * g.rows; rank++) {
      var kind = rank < affected ? "broke" : rank < affected + spared ? "spared" : "rest";
      var x = (rank % g.columns) * g.cell, y = (g.rows - 1 - Math.floor(rank / g.columns)) * g.cell;
      d[kind] += "M" + x + " " + y + g.shapes[kind];
    }
    return d;
  }

  function drawIcons(svg, affected, spared, title) {
    var d = iconPaths(affected, spared);
    ["broke", "spared", "rest"].forEach(function (kind) {
      svg.querySelector(".ia-" + kind).setAttribute("d", d[kind]);
    });
    svg.querySelector("title").textContent = title;
  }

  window.neckguideTools = {
    data: data, register: register, fill: fill, message: message, field: field, age: age,
    band: band, has: has, shown: shown, roundHalfUp: roundHalfUp, roundHalfEven: roundHalfEven,
    readNumber: readNumber, drawIcons: drawIcons, iconPaths: iconPaths
  };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.tool-form[data-tool]").forEach(start);
  });
})();
