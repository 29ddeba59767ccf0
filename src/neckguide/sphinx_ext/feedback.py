"""Feedback from readers: each page (and so each handout) says how to report a mistake or
ask a question about it. On the web, a link opens a GitHub issue already naming the page
(the form ``.github/ISSUE_TEMPLATE/page-feedback.yml``); on paper, the short address to go
to and the page's title to quote (``partials/feedback.html``). The repository is the one
config value ``neckguide_repository``.

>>> feedback_link("https://github.com/org/guide", "Common questions",
...               "https://guide.example.org/topics/faq.html")
'https://github.com/org/guide/issues/new?template=page-feedback.yml&title=Page%3A+Common+questions&page=https%3A%2F%2Fguide.example.org%2Ftopics%2Ffaq.html'
>>> short_address("https://github.com/org/guide/")
'github.com/org/guide/issues'
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sphinx.application import Sphinx

#: The issue form the link opens (its field ``page`` is filled in).
FORM = "page-feedback.yml"


def feedback_link(repository: str, title: str, page_url: str) -> str:
    """A link that opens a new issue about one page, prefilled."""
    query = urlencode({"template": FORM, "title": f"Page: {title}", "page": page_url})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def short_address(repository: str) -> str:
    """The address to type from a printed page: the repository's issues, without https://."""
    return repository.rstrip("/").split("://", 1)[-1] + "/issues"


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """``feedback_url`` and ``feedback_short`` for ``partials/feedback.html``."""
    repository = app.config.neckguide_repository
    if not repository or not doctree:
        return
    base = (app.config.html_baseurl or "").rstrip("/") + "/"
    page_url = base + app.builder.get_target_uri(pagename)
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else pagename
    context["feedback_url"] = feedback_link(repository, title, page_url)
    context["feedback_short"] = short_address(repository)
    context["feedback_title"] = title


def setup_feedback(app: Sphinx) -> None:
    app.add_config_value("neckguide_repository", "", "html", str)
    app.connect("html-page-context", page_context)
