/* Your 10-year risk picture: the twin of neckguide.your_numbers.tool_risk_picture; the
   pictures are drawn like neckguide.sphinx_ext.icon_array's. */
(function (T) {
  "use strict";
  var OUTCOMES = {major: "major break", hip: "hip break"};

  function draw(form, counts, medicine) {
    var say = T.data.text["risk-picture"];
    Object.keys(OUTCOMES).forEach(function (outcome) {
      var box = form.querySelector('[data-picture="' + outcome + '"]');
      var c = counts ? counts[outcome] : null;
      var panels = [["without", c ? c[0] : 0, 0]];
      /* A hip break has no medicine side: the trials' result is for spine breaks. */
      if (outcome === "major") panels.push(["with", c ? c[1] : 0, c ? c[0] - c[1] : 0]);
      panels.forEach(function (p) {
        var panel = box.querySelector('[data-panel="' + p[0] + '"]');
        var words = {count: p[1], spared: p[2], outcome: OUTCOMES[outcome], medicine: medicine};
        panel.querySelector(".icon-array-number").textContent = c ? T.fill(say.panel, words) : "";
        T.drawIcons(panel.querySelector("svg"), p[1], p[2],
          c ? T.fill(say["title_" + p[0]], words) : panel.querySelector(".icon-array-heading").textContent + ": type your numbers first");
      });
    });
  }

  function run(values, data) {
    var d = data["risk-picture"], say = data.text["risk-picture"], errors = {};
    var major = T.field(errors, "major", values.text("major"), {low: 0, high: 100, places: 1, example: "20"});
    var hip = T.field(errors, "hip", values.text("hip"), {low: 0, high: 100, places: 1, example: "3"});
    var medicine = values.choice("medicine");
    if (!(medicine in d.medicines)) errors.medicine = T.message("choose");
    if (major !== null && hip !== null && hip > major) errors.hip = T.message("hip_above_major");
    if (T.has(errors) || major === null || hip === null) return {errors: errors};
    var ratio = d.medicines[medicine];
    function people(percent) { return Math.floor(percent + 0.5); }
    var r = {
      medicine: medicine,
      major_without: people(major), major_with: people(major * ratio),
      hip_without: people(hip)
    };
    var years = T.shown(d.years);
    return {
      errors: {}, result: r,
      lines: [
        T.fill(say.major, {without: r.major_without, years: years, medicine: medicine, "with": r.major_with}),
        T.fill(say.hip, {without: r.hip_without}),
        T.fill(say.approximate, {medicine: medicine})
      ],
      draw: function (form) {
        draw(form, {major: [r.major_without, r.major_with], hip: [r.hip_without]}, medicine);
      }
    };
  }
  run.clear = function (form) { draw(form, null, ""); };
  T.register("risk-picture", run);
})(window.neckguideTools);
