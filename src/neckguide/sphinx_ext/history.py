"""What changed on this page: a short history at the foot of each page (and its handout),
a date and one line for each change that readers would notice, from git.

A commit marks itself as a change for readers with a trailer, its last paragraph::

    FAQ: a question about driving after a neck fracture

    Reader-change: A new question: can I drive after a broken neck bone?

Each ``Reader-change:`` line of a commit that touched the page's file is one entry, dated
with the commit's date (so a rebuild gives the same page; nothing reads the clock). The
newest :data:`ENTRIES` are shown. Commits without the trailer (typos, code, layout) are not.

Without the history (no git, or a shallow clone as Read the Docs makes) the page says so
and links to the file's history on GitHub (``neckguide_repository``). A page whose history
gained an entry is written again even when its file did not change (``env-get-outdated``).

>>> text = "\\x1e2026-11-20\\x1fA new question about driving\\x1d\\n\\ndocs/topics/faq.md\\n"
>>> text += "\\x1e2026-11-02\\x1f\\n\\ndocs/topics/faq.md\\ndocs/index.md\\n"
>>> parse_log(text)
{'docs/topics/faq.md': [('2026-11-20', 'A new question about driving')]}
"""

from __future__ import annotations

import subprocess
from collections.abc import Set
from pathlib import Path
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from neckguide import front_matter

TRAILER = "Reader-change"
ENTRIES = 5
#: git log's format: a record per commit (date, then its Reader-change lines), then its files.
FORMAT = f"%x1e%cs%x1f%(trailers:key={TRAILER},valueonly,separator=%x1d)"

Entry = tuple[str, str]  # (YYYY-MM-DD, the line)


def parse_log(text: str) -> dict[str, list[Entry]]:
    """Each file's entries, newest first, from ``git log --format=FORMAT --name-only``."""
    history: dict[str, list[Entry]] = {}
    for record in text.split("\x1e")[1:]:
        head, _, files = record.partition("\n")
        date, _, trailers = head.partition("\x1f")
        lines = [line.strip() for line in trailers.split("\x1d") if line.strip()]
        for name in (f.strip() for f in files.splitlines()):
            if name and lines:
                history.setdefault(name, []).extend((date, line) for line in lines)
    return history


def git(folder: Path, *args: str) -> str | None:
    """``git <args>`` in ``folder``, or None when there is no git or no repository."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, timeout=60, check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


class History:
    """The history of every page of a project, read from git once per build."""

    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir
        top = git(srcdir, "rev-parse", "--show-toplevel")
        self.root = Path(top.strip()) if top else None
        self.shallow = bool(self.root) and (
            (git(srcdir, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
        )
        log = git(srcdir, "log", f"--format={FORMAT}", "--name-only", "--", ".") if top else None
        self.entries = parse_log(log or "")

    def of(self, source: Path) -> tuple[Entry, ...]:
        """A source file's newest entries."""
        if self.root is None:
            return ()
        name = source.resolve().relative_to(self.root.resolve()).as_posix()
        return tuple(self.entries.get(name, [])[:ENTRIES])

    def path_in_repository(self, source: Path) -> str:
        if self.root is None:
            return source.resolve().relative_to(self.srcdir.parent.resolve()).as_posix()
        return source.resolve().relative_to(self.root.resolve()).as_posix()


def history(app: Sphinx) -> History:
    """The build's history (read once per build; each forked writer has its copy)."""
    if getattr(app, "_neckguide_history", None) is None:
        app._neckguide_history = History(Path(app.srcdir))  # type: ignore[attr-defined]
    return app._neckguide_history  # type: ignore[attr-defined]


class HistoryDomain(Domain):
    """Each page's history as it was when the page was read (to see when it changed)."""

    name = "history"
    label = "Page history"
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}}  # docname -> entries
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        self.data["pages"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.data["pages"][docname] = otherdata["pages"][docname]


def domain(env: BuildEnvironment) -> HistoryDomain:
    return cast("HistoryDomain", env.domains["history"])


def note_history(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: remember the page's history as read now."""
    source = Path(app.env.doc2path(app.env.docname))
    domain(app.env).data["pages"][app.env.docname] = history(app).of(source)


def outdated(app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set) -> list:
    """``env-get-outdated``: pages whose history gained an entry are written again."""
    known = domain(env).data["pages"]
    return [
        docname
        for docname, entries in known.items()
        if docname in env.found_docs
        and docname not in changed
        and tuple(entries) != history(app).of(Path(env.doc2path(docname)))
    ]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """``page_history`` (date for readers, date, line) and ``history_note`` for the
    ``partials/page-history.html`` template."""
    if doctree is None or pagename not in app.env.found_docs:
        return
    source = Path(app.env.doc2path(pagename))
    found = history(app)
    entries = found.of(source)
    context["page_history"] = [
        (front_matter.reader_date(day), date, line)
        for date, line in entries
        if (day := front_matter.review_date(date)) is not None
    ]
    repository = app.config.neckguide_repository.rstrip("/")
    where = f"{repository}/commits/main/{found.path_in_repository(source)}" if repository else ""
    note = ""
    if found.root is None:
        note = "this copy of the guide has no history of its changes"
    elif found.shallow:
        note = "this copy of the guide has only part of the history of its changes"
    elif not entries:
        note = "no changes for readers have been recorded yet"
    context["history_note"] = note
    context["history_url"] = where if (found.root is None or found.shallow) else ""


def setup_history(app: Sphinx) -> None:
    app.add_domain(HistoryDomain)
    app.connect("doctree-read", note_history)
    app.connect("env-get-outdated", outdated)
    app.connect("html-page-context", page_context)
