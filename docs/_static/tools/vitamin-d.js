/* Vitamin D units: the twin of neckguide.your_numbers.tool_vitamin_d. */
(function (T) {
  "use strict";
  T.register("vitamin-d", function (values, data) {
    var d = data["vitamin-d"], say = data.text["vitamin-d"], errors = {};
    var unit = values.choice("unit");
    var highest = d.max_iu / (unit === "mcg" ? d.iu_per_mcg : 1);
    var n = T.field(errors, "amount", values.text("amount"), {low: 0, high: highest, example: "1,000"});
    if (unit !== "IU" && unit !== "mcg") errors.unit = T.message("choose");
    if (T.has(errors) || n === null) return {errors: errors};
    var iu = unit === "IU" ? n : n * d.iu_per_mcg, mcg = unit === "IU" ? n / d.iu_per_mcg : n;
    var words = {
      iu: T.shown(iu), mcg: T.shown(mcg, 2, true),
      upper_iu: T.shown(d.upper_iu), upper_mcg: T.shown(d.upper_iu / d.iu_per_mcg, 2, true)
    };
    var level = iu > d.upper_iu ? "over" : iu === d.upper_iu ? "at" : "below";
    return {
      errors: {}, lines: [T.fill(say[unit], words), T.fill(say[level], words)],
      result: {iu: iu, micrograms: mcg, upper_limit_iu: d.upper_iu, over_limit: iu > d.upper_iu}
    };
  });
})(window.neckguideTools);
