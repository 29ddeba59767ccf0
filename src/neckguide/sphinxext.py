"""The guide's Sphinx extension: figures from the registry, page front matter, safety checks.

Everything here reports problems as Sphinx warnings with the page and line, so the strict
build (``-W``) stops and tells the writer what to change.

- ``{fact}`name``` shows a figure from ``facts/`` with a numbered mark linking to its source,
  listed under "Where these figures come from" at the end of the page.
- ``{worked}`-2.7``` shows a number in a worked example; the page's doctests must use it.
- ``{food}`id``` shows a food with its portion ("1 cup of low-fat (1%) milk").
- ``{food-table}`` lists the registry's foods for one nutrient; ``{references}`` lists every
  source and the figures it supports; ``{tscore-scale}`` draws the T-score picture.
- Every topic page's front matter is checked; raw HTML in a page is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from neckguide import front_matter
from neckguide import registry as reg
from neckguide.tscore_svg import tscore_scale_svg

logger = logging.getLogger(__name__)


def registry() -> reg.Registry:
    return reg.load()


class generated_raw(nodes.raw):
    """Raw HTML made by this extension (allowed), as opposed to raw HTML typed into a page."""


def visit_generated_raw(self, node: nodes.Node) -> None:
    self.body.append(node.astext())
    raise nodes.SkipNode


def skip_node(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


def depend_on_registry(env: Any) -> None:
    """Rebuild the page being read whenever a file in facts/ changes."""
    for path in registry().files:
        env.note_dependency(str(path))


def citation(source: reg.Source) -> nodes.paragraph:
    """ "Organisation. Title (linked). Year." as on the references page and each page's list."""
    para = nodes.paragraph()
    para += nodes.Text(f"{source.organisation}. ")
    para += nodes.reference("", source.title, refuri=source.url)
    para += nodes.Text(f". {source.year}.")
    return para


def _source_mark(env: Any, source_id: str) -> nodes.superscript:
    """A numbered mark [n] linking to the page's own list of sources."""
    used: list[str] = env.temp_data.setdefault("neckguide_sources", [])
    if source_id not in used:
        used.append(source_id)
    number = used.index(source_id) + 1
    source = registry().source(source_id)
    link = nodes.reference(
        "",
        f"[{number}]",
        refid=f"source-{source_id}",
        reftitle=source.citation,
        classes=["fact-source"],
    )
    return nodes.superscript("", "", link)


class FactRole(SphinxRole):
    """``{fact}`calcium.daily.women_51_70``` → "1,200 mg" with a link to its source."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        try:
            fact = registry().fact(name)
        except reg.RegistryError as err:
            logger.warning(
                "%s", err, location=self.get_location(), type="neckguide", subtype="fact"
            )
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        depend_on_registry(self.env)
        value = nodes.inline(fact.display, fact.display, classes=["fact"])
        return [value, _source_mark(self.env, fact.source)], []


class FoodRole(SphinxRole):
    """``{food}`milk_low_fat``` → "1 cup of low-fat (1%) milk"."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            food = registry().food(self.text.strip())
        except reg.RegistryError as err:
            logger.warning(
                "%s", err, location=self.get_location(), type="neckguide", subtype="fact"
            )
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        text = f"{food.portion} of {food.name}"
        return [nodes.inline(text, text, classes=["food"])], []


class WorkedRole(SphinxRole):
    """``{worked}`1,107``` → a number from a worked example (a doctest on the page uses it)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = self.text.strip().replace("-", "−")
        return [nodes.inline(text, text, classes=["worked"])], []


class FoodTable(SphinxDirective):
    """A table of the registry's foods that have a figure for one nutrient."""

    required_arguments = 1  # calcium | vitamin_d
    option_spec: ClassVar = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        nutrient = self.arguments[0]
        foods = [f for f in registry().foods.values() if nutrient in f.nutrients]
        if not foods:
            logger.warning(
                "no food in facts/foods.toml has a %r figure",
                nutrient,
                location=self.get_location(),
            )
            return []
        heading = {"calcium": "Calcium", "vitamin_d": "Vitamin D"}.get(nutrient, nutrient)
        foods.sort(key=lambda f: -f.nutrients[nutrient].numbers[0])
        lines = [f"| Food | Portion | {heading} |", "|---|---|---|"]
        lines += [
            f"| {f.name.capitalize()} | {f.portion} | {{fact}}`foods.{f.id}.{nutrient}` |"
            for f in foods
        ]
        if "caption" in self.options:
            lines = [f":::{{table}} {self.options['caption']}", *lines, ":::"]
        return self.parse_text_to_nodes("\n".join(lines))


class TScoreScale(SphinxDirective):
    """The T-score scale picture, drawn from the registry's WHO thresholds."""

    def run(self) -> list[nodes.Node]:
        facts = registry()
        depend_on_registry(self.env)
        svg = tscore_scale_svg(
            normal_at_or_above=facts["tscore.normal_at_or_above"],
            osteoporosis_at_or_below=facts["tscore.osteoporosis_at_or_below"],
        )
        figure = generated_raw("", f'<figure class="tscore-scale">{svg}</figure>', format="html")
        mark = _source_mark(self.env, facts.fact("tscore.osteoporosis_at_or_below").source)
        caption = nodes.paragraph("", "", classes=["figure-source"])
        caption += nodes.Text("Source of the category limits: ")
        caption += mark
        return [figure, caption]


class References(SphinxDirective):
    """Every cited source, with the figures in the guide that come from it."""

    def run(self) -> list[nodes.Node]:
        facts = registry()
        depend_on_registry(self.env)
        by_source: dict[str, list[reg.Fact]] = {}
        for fact in facts.facts.values():
            by_source.setdefault(fact.source, []).append(fact)
        result = nodes.enumerated_list(classes=["references"])
        for source in facts.cited_sources():
            item = nodes.list_item("", citation(source), ids=[f"ref-{source.id}"])
            figures = nodes.bullet_list(classes=["reference-figures"])
            for fact in by_source[source.id]:
                says = fact.says or fact.name
                figures += nodes.list_item("", nodes.paragraph("", f"{says}: {fact.display}"))
            item += figures
            result += item
        return [result]


def add_summary_and_sources(app: Sphinx, doctree: nodes.document) -> None:
    """After a page is read: check its front matter, put the summary under the title and
    the page's own numbered sources at the end (each page stands alone as a handout)."""
    env = app.env
    docname = env.docname
    meta = env.metadata.get(docname, {})
    path = env.doc2path(docname)
    if docname.startswith("topics/"):
        for key in front_matter.REQUIRED:
            if not str(meta.get(key, "")).strip():
                logger.warning(
                    "front matter is missing %r: add `%s: ...` between the --- lines at the top "
                    "(see CONTRIBUTING.md, 'Page template')",
                    key,
                    key,
                    location=(path, 1),
                )
        for key in front_matter.DATES:
            if key in meta and front_matter.review_date(meta[key]) is None:
                logger.warning(
                    "front matter %r must be a date written YYYY-MM-DD (got %r)",
                    key,
                    meta[key],
                    location=(path, 1),
                )
    if meta.get("summary"):
        title = next(iter(doctree.findall(nodes.title)), None)
        summary = nodes.paragraph("", str(meta["summary"]), classes=["page-summary"])
        if title is not None:
            section = title.parent
            section.insert(section.index(title) + 1, summary)
    used: list[str] = env.temp_data.get("neckguide_sources", [])
    if used:
        section = nodes.section(ids=["where-these-figures-come-from"], classes=["page-sources"])
        section += nodes.title("", "Where these figures come from")
        listing = nodes.enumerated_list()
        for source_id in used:
            source = registry().source(source_id)
            listing += nodes.list_item("", citation(source), ids=[f"source-{source_id}"])
        section += listing
        top = next(iter(doctree.findall(nodes.section)), None)
        (top or doctree).append(section)


def refuse_raw_html(app: Sphinx, doctree: nodes.document) -> None:
    """Raw HTML typed into a page could carry script into the site: refuse it."""
    for node in doctree.findall(nodes.raw):
        if isinstance(node, generated_raw):
            continue
        logger.warning(
            "raw HTML is not allowed in pages (%s...): use MyST Markdown or a directive instead "
            "(CONTRIBUTING.md, 'Writing a page')",
            node.astext().strip()[:40],
            location=node,
            type="neckguide",
            subtype="raw-html",
        )


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Give templates the review dates in a reader's format."""
    meta = context.get("meta") or {}
    for key in front_matter.DATES:
        value = meta.get(key)
        if value:
            day = front_matter.review_date(value)
            context[key] = front_matter.reader_date(day) if day else str(value)


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """sitemap.xml of every page at ``html_baseurl``. Written from the whole project each time
    (sphinx-sitemap lists only the pages rewritten by an incremental build)."""
    if exception or app.builder.format != "html" or not app.config.html_baseurl:
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    urls = [
        f"  <url><loc>{base}{app.builder.get_target_uri(doc)}</loc></url>"
        for doc in sorted(app.env.found_docs)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(urls)
        + "\n</urlset>\n"
    )
    Path(app.outdir, "sitemap.xml").write_text(xml, encoding="utf-8")


class UniqueTableIds(SphinxPostTransform):
    """Furo wraps each table in a container and copies the table's id onto it, so a captioned
    table's id appears twice (invalid HTML, and a broken anchor in PDFs). Keep it on the table."""

    formats = ("html",)
    default_priority = 501  # just after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = []


def check_registry(app: Sphinx, config: Any) -> None:
    """Stop at once, with the registry's own message, if facts/ has a mistake."""
    try:
        registry()
    except reg.RegistryError as err:
        raise ConfigError(f"the facts registry has a problem: {err}") from None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", check_registry)
    app.add_node(
        generated_raw,
        html=(visit_generated_raw, None),
        text=(skip_node, None),
        latex=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_role("fact", FactRole())
    app.add_role("food", FoodRole())
    app.add_role("worked", WorkedRole())
    app.add_directive("food-table", FoodTable)
    app.add_directive("tscore-scale", TScoreScale)
    app.add_directive("references", References)
    app.connect("doctree-read", add_summary_and_sources)
    app.connect("doctree-read", refuse_raw_html)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_sitemap)
    app.add_post_transform(UniqueTableIds)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
