/* Protein for your weight: the twin of neckguide.your_numbers.tool_protein (protein_range). */
(function (T) {
  "use strict";
  T.register("protein", function (values, data) {
    var d = data.protein, say = data.text.protein, errors = {};
    var unit = values.choice("unit"), limits = unit === "lb" ? d.lb : d.kg;
    var n = T.field(errors, "weight", values.text("weight"), {low: limits[0], high: limits[1], example: "154"});
    if (unit !== "lb" && unit !== "kg") errors.unit = T.message("choose");
    var years = T.age(errors, values.text("age"));
    if (T.has(errors) || n === null || years === null) return {errors: errors};
    var kg = unit === "lb" ? n * d.kg_per_lb : n;
    var per = years >= d.older_from ? d.older : [d.rda, d.rda];
    var result = {weight_kg: kg, low_g: T.roundHalfEven(kg * per[0]), high_g: T.roundHalfEven(kg * per[1])};
    var other = unit === "lb" ? kg : n / d.kg_per_lb;
    var lines = [T.fill(say[unit], {weight: T.shown(n, 1, true), other: T.shown(other)})];
    lines.push(result.low_g === result.high_g
      ? T.fill(say.single, {low: T.shown(result.low_g)})
      : T.fill(say.range, {low: T.shown(result.low_g), high: T.shown(result.high_g)}));
    lines.push(say.kidney);
    return {errors: {}, lines: lines, result: result};
  });
})(window.neckguideTools);
