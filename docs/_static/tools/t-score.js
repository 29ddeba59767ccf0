/* T-score reader: the twin of neckguide.your_numbers.tool_t_scores (and its wording,
   neckguide.sphinx_ext.tool_text). */
(function (T) {
  "use strict";
  var SITE_WORDS = {lower_spine: "lower spine", total_hip: "total hip", femoral_neck: "femoral neck"};

  function category(d, score) {
    if (score >= d.normal) return "normal";
    if (score <= d.osteoporosis) return "osteoporosis";
    return "low bone mass";
  }

  T.register("t-score", function (values, data) {
    var d = data["t-score"], say = data.text["t-score"], errors = {}, typed = {}, site = null;
    d.sites.forEach(function (name) {
      var text = values.text(name);
      if (text.trim()) {
        var n = T.field(errors, name, text, {low: d.limits[0], high: d.limits[1], places: 1, example: "\u22122.1"});
        if (n !== null) typed[name] = n;
      }
    });
    if (!T.has(typed) && !T.has(errors)) errors[d.sites[0]] = T.message("no_t_score");
    var group = values.choice("group");
    if (d.groups.indexOf(group) < 0) errors.group = T.message("choose");
    if (T.has(errors)) return {errors: errors};
    d.sites.forEach(function (name) {
      if (name in typed && (site === null || typed[name] < typed[site])) site = name;
    });
    var applies = d.applies.indexOf(group) >= 0, smallBreak = values.checked("small_break");
    var byScore = applies ? category(d, typed[site]) : null;
    var result = {
      lowest: typed[site], site: site, category: applies && smallBreak ? "osteoporosis" : byScore,
      applies: applies, small_break: smallBreak, by_score: byScore
    };
    var lines = [T.fill(say.lowest, {score: T.shown(result.lowest, 1), site: SITE_WORDS[site]})];
    if (!applies) {
      lines.push(T.fill(say.not_for_you, {age: T.shown(d.z_below_age)}));
      if (smallBreak) lines.push(say.break_young);
      lines.push(say.ask_not_for_you);
    } else {
      lines.push(T.fill(say[byScore], {normal: T.shown(d.normal, 1), osteo: T.shown(d.osteoporosis, 1)}));
      if (smallBreak) lines.push(say["break"]);
      lines.push(T.fill(say["ask_" + result.category], {years: T.shown(d.years)}));
    }
    return {errors: {}, lines: lines, result: result};
  });
})(window.neckguideTools);
