"""Sphinx configuration for "Osteoporosis in the Neck — a patient guide".

Figures are never typed here: pages read them from the facts registry (``facts/*.toml``)
through the project's extension, ``neckguide.sphinx_ext``.
"""

from __future__ import annotations

import doctest
import os
from urllib.parse import urlsplit

# -- Project information -----------------------------------------------------------------

project = "Osteoporosis in the Neck"
author = "The Osteoporosis in the Neck guide contributors"
copyright = "the guide's contributors; text CC BY 4.0"
language = "en"

# The public address of the site, set once: sitemap, Open Graph and the PDF handouts use it.
html_baseurl = os.environ.get(
    "GUIDE_BASEURL", "https://osteoporosis-neck-guide.readthedocs.io/en/latest/"
)

# Where the guide's source lives: each page links to a prefilled issue there, to report a
# mistake or ask about the page (neckguide.sphinx_ext.feedback; the form is in
# .github/ISSUE_TEMPLATE/page-feedback.yml). Set once, here (a placeholder organisation, like
# the team names in .github/CODEOWNERS, until the repository has its home).
neckguide_repository = "https://github.com/osteoporosis-neck-guide/guide"

# -- General configuration ---------------------------------------------------------------

extensions = [
    # Sphinx's own
    "sphinx.ext.doctest",
    # ours: registry figures, front matter, safety checks
    "neckguide.sphinx_ext",
    "neckguide.handouts",  # PDF handouts (WeasyPrint), made after the HTML build
    # third-party
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "notfound.extension",
]

root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = ["_build", "_templates", "_snippets", "Thumbs.db", ".DS_Store", "README.md"]
nitpicky = True

# -- MyST ----------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3
myst_title_to_header = False

# -- Doctests in the pages -----------------------------------------------------------------

doctest_global_setup = """
from neckguide.registry import load as _load
from neckguide.arithmetic import *
facts = _load()
"""
# Sphinx adds IGNORE_EXCEPTION_DETAIL by default: a wrong error message must fail too.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1
doctest_test_doctest_blocks = ""

# -- Options for HTML output -------------------------------------------------------------

html_theme = "furo"
html_title = "Osteoporosis in the Neck"
html_short_title = "Neck osteoporosis guide"
html_static_path = ["_static"]
html_css_files = ["guide.css", ("print.css", {"media": "print"})]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_permalinks_icon = "#"
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#1d5f7a",
        "color-brand-content": "#1d5f7a",
        "font-stack": "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
    },
    "dark_css_variables": {
        "color-brand-primary": "#8fd0e8",
        "color-brand-content": "#8fd0e8",
    },
    "top_of_page_buttons": [],
    "navigation_with_keys": False,
}

# -- PDF handouts (neckguide.handouts) -------------------------------------------------------

# One PDF per topic page and a booklet, each in standard and large print, under
# _downloads/handouts/ of the site (the booklet's name and title are the extension's
# defaults). `-D handouts_enabled=0` builds the site without them.

# -- Publishing: Open Graph, 404 (the sitemap comes from our extension) -------------------

# sitemap.xml is written by neckguide.sphinx_ext from html_baseurl (complete on every build).
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_description_length = 200
ogp_type = "article"
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}
notfound_urls_prefix = urlsplit(html_baseurl).path  # "/en/latest/"
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>We could not find that page</h1>"
        f"<p>The page may have moved. Try the <a href='{notfound_urls_prefix}index.html'>home page</a>, "
        "or use the search box.</p>"
    ),
}

# -- Spelling (sphinxcontrib-spelling, through `python -m neckguide.checks --only spelling`) --

# The extension needs the Enchant C library (Debian: libenchant-2-2, hunspell-en-us), so it is
# loaded only for the spelling build (neckguide.checks.spelling adds it); these settings wait.
spelling_lang = "en_US"
spelling_word_list_filename = "wordlist.txt"  # medical words and drug names the dictionary lacks
spelling_ignore_contributor_names = False  # reads git history, and warns outside a repository
spelling_ignore_pypi_package_names = False  # would ask PyPI for every word
spelling_ignore_importable_modules = False  # "yaml", "site" and the like are not words here
spelling_show_suggestions = True
spelling_suggestion_limit = 3
spelling_show_whole_line = False
spelling_verbose = False  # each problem is written to <docname>.spelling, which the gate reads
