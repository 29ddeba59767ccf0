"""``python -m neckguide.review [--base main]`` (``make review``): build, compare, report.

>>> preview_url("https://osteoporosis-neck-guide.readthedocs.io/en/latest/", 42)
'https://osteoporosis-neck-guide--42.org.readthedocs.build/en/42/'
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from neckguide.handouts.names import HANDOUTS_DIR
from neckguide.paths import ROOT
from neckguide.review import compare, git, images
from neckguide.review.builds import build_and_check
from neckguide.review.report import Review, render


def preview_url(baseurl: str, pull_request: int) -> str:
    """Read the Docs' preview of a pull request, from the site's published address."""
    project = urlsplit(baseurl).netloc.split(".", 1)[0]
    return f"https://{project}--{pull_request}.org.readthedocs.build/en/{pull_request}/"


def web_pages(changed: list[str], figures: object, root: Path) -> list[str]:
    """The built pages (``topics/faq.html``) a change shows on: pages changed, pages that
    include a changed snippet, pages that show a changed figure."""
    pages = {name for name in changed if compare.PAGES.match(name)}
    for snippet in (n for n in changed if n.startswith("docs/_snippets/")):
        for page in (root / "docs").rglob("*.md"):
            name = page.relative_to(root).as_posix()
            if compare.PAGES.match(name) and Path(snippet).name in page.read_text("utf-8"):
                pages.add(name)
    if isinstance(figures, list):
        for figure in figures:
            pages |= set(figure.pages)
    html = {
        Path(name).relative_to("docs").with_suffix(".html").as_posix()
        for name in pages
        if "/_snippets/" not in f"/{name}" and (root / name).is_file()
    }
    return sorted(html)


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m neckguide.review", description=__doc__)
    cli.add_argument("--base", default="main", help="the branch or commit to compare with")
    cli.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this)")
    cli.add_argument("--no-browser", action="store_true", help="no screenshots or pictures check")
    cli.add_argument("--pull-request", type=int, help="its number, for the preview's address")
    return cli


def say(text: str) -> None:
    print(text, flush=True)


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    started = time.perf_counter()
    root = options.root.resolve()
    out = root / "docs" / "_build" / "review"
    base = git.base_commit(root, options.base)
    head = git.short(git.run_git(root, "rev-parse", "HEAD"))
    if git.changed_files(root, "HEAD"):
        head += " and uncommitted changes"
    cache = out / "cache" / base
    with_browser = not options.no_browser
    say(f"make review: comparing the working tree with {options.base} ({git.short(base)})")
    tree = git.checkout(root, base, cache / "tree")
    say("building the base (kept for the next review)..." if not (cache / "results.json").exists()
        else "the base: built before, reused")  # fmt: skip
    base_built = build_and_check(
        tree, cache / "html", cache / "doctrees", with_browser=with_browser, keep=cache
    )
    say("building the working tree...")
    build = root / "docs" / "_build"
    head_built = build_and_check(
        root, build / "staging", build / "doctrees", with_browser=with_browser
    )
    base_site, head_site = Path(base_built.site), Path(head_built.site)

    changed = git.changed_files(root, base)
    figures = compare.figures_changed(tree, root)
    handouts = compare.handouts_changed(base_site, head_site)
    shutil.rmtree(out / "images", ignore_errors=True)
    pictures, more = [], {}
    for handout in handouts:
        found, extra = images.handout_pages(
            base_site / HANDOUTS_DIR / handout.file,
            head_site / HANDOUTS_DIR / handout.file,
            out / "images" / "handouts",
        )
        pictures += found
        if extra:
            more[handout.file] = extra
    shots = {}
    if with_browser:
        from neckguide.build import read_conf

        prefix = urlsplit(read_conf(root / "docs")["html_baseurl"]).path
        shots = images.screenshots(
            head_site, prefix, web_pages(changed, figures, root), out / "images" / "pages"
        )
    preview = ""
    if options.pull_request:
        from neckguide.build import read_conf

        preview = preview_url(read_conf(root / "docs")["html_baseurl"], options.pull_request)
    review = Review(
        base=f"{options.base} ({git.short(base)})",
        head=head,
        base_build=base_built,
        head_build=head_built,
        changed=changed,
        pages=compare.pages_changed(changed, tree, root),
        handouts=handouts,
        over=compare.over_limit(head_site),
        figures=figures,
        new_gates=compare.new_problems(base_built.gates, head_built.gates),
        new_rendered=compare.new_problems(base_built.rendered, head_built.rendered),
        new_warnings=compare.new_problems(base_built.warnings, head_built.warnings),
        pictures=pictures,
        more_pictures=more,
        screenshots=shots,
        preview=preview,
    )
    review.seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    text = render(review, out)
    (out / "report.md").write_text(text, encoding="utf-8")
    say(re.sub(r"<!--.*?-->\n?", "", text))
    say(f"The report: {(out / 'report.md').relative_to(root)} (images in "
        f"{(out / 'images').relative_to(root)}/), in {review.seconds:.0f} s.")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
