"""``python -m neckguide.rendered [site]``: the rendered check on a built site.

Prints each problem as ``file:line: message`` and exits 1 if there is any. ``--no-browser``
leaves out the pictures (which need Chromium); ``--json`` prints the problems as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from neckguide.checks import Problem, sorted_problems
from neckguide.paths import BUILD, ROOT
from neckguide.rendered import links, markup
from neckguide.rendered.site import BuiltSite


def static_problems(site: BuiltSite) -> list[Problem]:
    """The rules that need no browser: leaked markup and links, in pages and PDFs."""
    return [
        *markup.html_problems(site),
        *markup.pdf_problems(site),
        *links.html_problems(site),
        *links.pdf_problems(site),
    ]


def browser_problems(site: BuiltSite) -> list[Problem]:
    """The pictures' rules, in a Chromium of this machine."""
    from neckguide.rendered import browser, pictures

    with browser.served(site.root, site.prefix) as base, browser.chromium() as chromium:
        phone = browser.context(chromium, **browser.PHONE)
        laptop = browser.context(chromium, **browser.LAPTOP)
        try:
            return pictures.site_problems(site, phone, laptop, base)
        finally:
            phone.close()
            laptop.close()


def check(site: BuiltSite, *, with_browser: bool = True) -> list[Problem]:
    found = static_problems(site)
    if with_browser:
        found += browser_problems(site)
    return sorted_problems(found)


def baseurl(project: Path) -> str:
    from neckguide.build import read_conf

    return str(read_conf(project / "docs")["html_baseurl"])


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m neckguide.rendered", description=__doc__)
    cli.add_argument("site", nargs="?", type=Path, default=BUILD / "html")
    cli.add_argument("--root", type=Path, default=ROOT, help="the project the site is built from")
    cli.add_argument("--no-browser", action="store_true", help="leave out the pictures")
    cli.add_argument("--json", action="store_true")
    options = cli.parse_args(argv)
    root = options.root.resolve()
    site = BuiltSite(options.site.resolve(), baseurl(root), root / "docs", root)
    problems = check(site, with_browser=not options.no_browser)
    if options.json:
        print(json.dumps([vars(p) for p in problems], indent=1))
    else:
        for problem in problems:
            print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) in what readers get.", file=sys.stderr)
        return 1
    print("Rendered check passed.", file=sys.stderr)
    return 0
