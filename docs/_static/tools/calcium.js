/* Calcium counter: the twin of neckguide.your_numbers.tool_calcium (calcium_for_day). */
(function (T) {
  "use strict";
  T.register("calcium", function (values, data) {
    var d = data.calcium, say = data.text.calcium, errors = {}, day = [];
    d.foods.forEach(function (food) {
      var text = values.text(food[0]);
      if (text.trim()) {
        var n = T.field(errors, food[0], text, {low: 0, high: d.servings, example: "1"});
        if (n !== null) day.push([food[0], n, food[1]]);
      }
    });
    var sex = values.choice("sex");
    if (sex !== "female" && sex !== "male") errors.sex = T.message("choose");
    var years = T.age(errors, values.text("age"));
    if (T.has(errors) || years === null) return {errors: errors};
    var total = 0;
    day.forEach(function (item) { total += item[2] * item[1]; });
    var result = {
      total_mg: T.roundHalfEven(total),
      needed_mg: T.band(d.needs, years, sex === "female" ? 0 : 1),
      upper_limit_mg: T.band(d.upper, years)
    };
    var short = Math.max(0, result.needed_mg - result.total_mg);
    var lines = [
      T.fill(say.total, {total: T.shown(result.total_mg)}),
      T.fill(say.need, {person: sex === "female" ? "woman" : "man", age: T.shown(years), need: T.shown(result.needed_mg)}),
      short ? T.fill(say.short, {short: T.shown(short)}) : say.met
    ];
    if (result.total_mg > result.upper_limit_mg) lines.push(T.fill(say.over_upper, {upper: T.shown(result.upper_limit_mg)}));
    return {
      errors: {}, lines: lines, result: result,
      draw: function (form) {
        var each = {};
        day.forEach(function (item) { each[item[0]] = T.shown(item[2] * item[1]) + " mg"; });
        form.querySelectorAll("output[data-food]").forEach(function (out) {
          out.textContent = each[out.getAttribute("data-food")] || "";
        });
      }
    };
  });
})(window.neckguideTools);
