/* Stay Independent check: the twin of neckguide.your_numbers.tool_stay_independent
   (stay_independent_score, and the CDC's rule: at risk with 4 points or more, or a fall). */
(function (T) {
  "use strict";
  T.register("stay-independent", function (values, data) {
    var d = data["stay-independent"], say = data.text["stay-independent"], score = 0;
    d.points.forEach(function (points, i) { if (values.checked("q" + i)) score += points; });
    var fell = values.checked("q0"), atRisk = fell || score >= d.at_risk;
    var lines = [T.fill(say.score, {score: score, points: score === 1 ? "point" : "points"})];
    if (fell) lines.push(say.fell);
    else lines.push(T.fill(atRisk ? say.high : say.low, {at_risk: T.shown(d.at_risk)}));
    if (atRisk) lines.push(say.next);
    return {errors: {}, lines: lines, result: {score: score, fell: fell, at_risk: atRisk}};
  });
})(window.neckguideTools);
