"""Rule: every label of every picture is whole and readable, on a laptop and on a phone.

Measured in Chromium, on the page as a reader gets it (every dropdown opened and every tab
panel shown, so hidden pictures count too):

- each ``<text>`` of each SVG picture — drawn inline (the T-score scale, icon arrays) or
  shown with ``<img>`` — lies inside the picture: its box (``getBBox()``, carried into the
  picture's own coordinates) inside the ``viewBox``;
- at :data:`PHONE_WIDTH` px, the smallest label of each picture is at least
  :data:`MIN_LABEL_PX` px tall (its font size, times the scale the picture is drawn at);
- nothing on the page is wider than a :data:`PHONE_WIDTH` px screen (no sideways scrolling).

A picture shown with ``<img>`` is measured in its own document (the SVG file opened on its
own), and its scale read from the ``<img>`` on the page. The functions take Playwright
objects, so the tests use their session browser and ``python -m neckguide.rendered`` its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neckguide.checks import Problem
from neckguide.rendered.site import BuiltSite

PHONE_WIDTH = 360
#: The smallest label a picture may have on a phone, in CSS pixels (its font size).
MIN_LABEL_PX = 11
#: How far (in the picture's units) a label may reach past the edge: antialiasing.
EDGE_TOLERANCE = 0.5

# Measures every <text> of one <svg> element in the picture's own units: its box and font
# size, and the picture's viewBox. (Used on a page for inline pictures, and on the SVG file
# itself for pictures shown with <img>.)
MEASURE_SVG = """
svg => {
  const vb = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
    ? svg.viewBox.baseVal
    : {x: 0, y: 0, width: svg.width.baseVal.value, height: svg.height.baseVal.value};
  const root = svg.getScreenCTM();
  if (!root) return null;
  const toPicture = root.inverse();
  const labels = [];
  for (const text of svg.querySelectorAll('text')) {
    const own = text.getScreenCTM();
    const content = text.textContent.trim();
    if (!own || !content) continue;
    let box;
    try { box = text.getBBox(); } catch (e) { continue; }
    if (!box.width && !box.height) continue;
    const m = toPicture.multiply(own);
    const corners = [[box.x, box.y], [box.x + box.width, box.y],
                     [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    const xs = corners.map(p => p.x), ys = corners.map(p => p.y);
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    labels.push({
      text: content.replace(/\\s+/g, ' ').slice(0, 60),
      left: Math.min(...xs), right: Math.max(...xs),
      top: Math.min(...ys), bottom: Math.max(...ys),
      fontSize: parseFloat(getComputedStyle(text).fontSize) * scale,
    });
  }
  return {viewBox: {x: vb.x, y: vb.y, width: vb.width, height: vb.height}, labels,
          title: (svg.querySelector('title') || {}).textContent || ''};
}
"""

# Opens every dropdown and shows every tab panel, then lists the page's pictures: inline
# SVGs with labels (measured at once, with their scale on screen) and SVGs shown with <img>
# (their address and drawn size), and how wide the page is.
LIST_PICTURES = (
    """
async () => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const style = document.createElement('style');
  style.textContent = '.sd-tab-set > .sd-tab-content { display: block !important; }';
  document.head.append(style);
  await new Promise(requestAnimationFrame);
  document.getAnimations().forEach(a => a.finish());
  const measure = """
    + MEASURE_SVG
    + """;
  const shown = el => el.checkVisibility() && el.getBoundingClientRect().width > 0;
  const inline = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.ownerSVGElement || !svg.querySelector('text') || !shown(svg)) continue;
    const measured = measure(svg);
    if (!measured) continue;
    const ctm = svg.getScreenCTM();
    measured.pxPerUnit = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
    inline.push(measured);
  }
  const images = [];
  for (const img of document.querySelectorAll('img')) {
    const src = img.currentSrc || img.src;
    if (!/\\.svg([?#]|$)/i.test(src) || !shown(img)) continue;
    const box = img.getBoundingClientRect();
    images.push({src, width: box.width, height: box.height, alt: img.alt || ''});
  }
  return {inline, images, viewport: innerWidth,
          scrollWidth: document.scrollingElement.scrollWidth};
}
"""
)


@dataclass(frozen=True)
class Picture:
    """One picture as measured: what it is called, its viewBox, its labels (in its units)
    and how many CSS pixels one unit is drawn at on this page."""

    name: str
    view_box: dict[str, float]
    labels: list[dict[str, Any]]
    px_per_unit: float


def outside(picture: Picture) -> list[str]:
    """The labels that reach past the edge of their picture, and by how much.

    >>> box = {"x": 0, "y": 0, "width": 100, "height": 50}
    >>> label = {"text": "Keep your chin level", "left": -4, "right": 60, "top": 10,
    ...          "bottom": 20, "fontSize": 12}
    >>> outside(Picture("chin.svg", box, [label], 1.0))
    ['“Keep your chin level” is cut off at the left edge (by 4 units)']
    """
    box = picture.view_box
    edges = {
        "left": box["x"],
        "right": box["x"] + box["width"],
        "top": box["y"],
        "bottom": box["y"] + box["height"],
    }
    found = []
    for label in picture.labels:
        over = {
            "left": edges["left"] - label["left"],
            "right": label["right"] - edges["right"],
            "top": edges["top"] - label["top"],
            "bottom": label["bottom"] - edges["bottom"],
        }
        cut = [(edge, amount) for edge, amount in over.items() if amount > EDGE_TOLERANCE]
        for edge, amount in cut:
            found.append(f"“{label['text']}” is cut off at the {edge} edge (by {amount:.0f} units)")
    return found


def smallest_label(picture: Picture) -> tuple[float, str] | None:
    """The smallest label's height on screen (CSS px) and its text.

    >>> label = {"text": "Start", "left": 0, "right": 9, "top": 0, "bottom": 9, "fontSize": 16}
    >>> smallest_label(Picture("x.svg", {}, [label], 0.5))
    (8.0, 'Start')
    """
    if not picture.labels:
        return None
    label = min(picture.labels, key=lambda lab: lab["fontSize"])
    return label["fontSize"] * picture.px_per_unit, label["text"]


def _measure_file(context: Any, src: str, cache: dict[str, Any]) -> dict[str, Any] | None:
    """An SVG file measured in its own document (once per address)."""
    if src not in cache:
        tab = context.new_page()
        try:
            tab.goto(src)
            cache[src] = tab.evaluate(f"() => ({MEASURE_SVG})(document.documentElement)")
        finally:
            tab.close()
    return cache[src]


def pictures_on(page: Any, cache: dict[str, Any]) -> tuple[list[Picture], dict[str, int]]:
    """Every picture with labels on the open ``page`` (measured at its current width), and
    the page's width and the width of the screen."""
    found = page.evaluate(LIST_PICTURES)
    pictures = [
        Picture(
            item["title"].strip() or "an inline picture",
            item["viewBox"],
            item["labels"],
            item["pxPerUnit"],
        )
        for item in found["inline"]
    ]
    for image in found["images"]:
        measured = _measure_file(page.context, image["src"], cache)
        if not measured or not measured["labels"]:
            continue
        box = measured["viewBox"]
        scale = min(image["width"] / box["width"], image["height"] / box["height"])
        name = image["src"].split("?")[0].rsplit("/", 1)[-1]
        pictures.append(Picture(name, box, measured["labels"], scale))
    # The screen's width, not innerWidth: a phone widens its layout to a page too wide for it.
    screen = (page.viewport_size or {}).get("width", found["viewport"])
    widths = {"viewport": screen, "scroll": found["scrollWidth"]}
    return pictures, widths


def page_problems(
    site: BuiltSite, path: str, page: Any, cache: dict[str, Any], *, phone: bool
) -> list[Problem]:
    """The problems of the pictures on ``page`` (showing ``path``), as a phone or not."""
    pictures, widths = pictures_on(page, cache)
    problems = []
    where = "on a phone" if phone else "on a laptop"
    for picture in pictures:
        for cut in outside(picture):
            problems.append(
                site.problem(
                    path,
                    picture.name,
                    f"{path}: in the picture {picture.name}, {cut} ({where}): move the label "
                    "inside the picture, or widen its viewBox",
                )
            )
        smallest = smallest_label(picture) if phone else None
        if smallest and smallest[0] < MIN_LABEL_PX - 0.05:
            px, text = smallest
            problems.append(
                site.problem(
                    path,
                    picture.name,
                    f"{path}: on a {PHONE_WIDTH} px phone the labels of {picture.name} are "
                    f"{px:.1f} px tall (“{text}”); they must be at least {MIN_LABEL_PX} px: "
                    "make the labels larger in the drawing, or draw it narrower",
                )
            )
    if phone and widths["scroll"] > widths["viewport"]:
        problems.append(
            site.problem(
                path,
                "",
                f"{path} scrolls sideways on a {widths['viewport']} px phone: it is "
                f"{widths['scroll']} px wide",
            )
        )
    return problems


def site_problems(site: BuiltSite, phone: Any, laptop: Any, base: str) -> list[Problem]:
    """Every page of ``site`` (served at ``base``) in a phone and a laptop context."""
    problems: list[Problem] = []
    cache: dict[str, Any] = {}
    for context, is_phone in ((phone, True), (laptop, False)):
        tab = context.new_page()
        try:
            for path in site.pages():
                if path in ("search.html", "genindex.html"):
                    continue
                tab.goto(base + path)
                problems += page_problems(site, path, tab, cache, phone=is_phone)
        finally:
            tab.close()
    return problems
