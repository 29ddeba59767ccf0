"""The handouts' names: where they go, what each size is called, how a file is named.

Light on purpose (it imports nothing): the Sphinx side, the PDF pipeline, the preview and
the tests all read these.

>>> pdf_name("diagnosis", "large-print"), pdf_name(BOOKLET, "standard")
('diagnosis-large-print.pdf', 'osteoporosis-in-the-neck-booklet.pdf')
"""

from __future__ import annotations

HANDOUTS_DIR = "_downloads/handouts"
#: Bump when the way handouts are made changes, so every PDF is rendered again.
VERSION = "2"
#: name suffix and ``<html class>`` of each size
VARIANTS = {"standard": ("", "handout"), "large-print": ("-large-print", "handout large-print")}
LABELS = {"standard": "Standard print", "large-print": "Large print"}
#: The pages that get a handout each.
TOPICS = "topics/"
#: The booklet's file stem and title (defaults of ``handouts_booklet`` and ``handouts_booklet_title``).
BOOKLET = "osteoporosis-in-the-neck-booklet"
BOOKLET_TITLE = "Osteoporosis in the Neck — a patient guide"
#: Most printed pages a topic's standard handout may take.
PAGE_BUDGET = 2
#: The extension's name in ``conf.py``, and the flags that build the site without PDFs.
EXTENSION = "neckguide.handouts"
HTML_ONLY = ("-D", "handouts_enabled=0")
#: The type of the handouts' warnings (the project's one type, as in ``neckguide.sphinx_ext``).
WARNING_TYPE = "neckguide"


def pdf_name(stem: str, variant: str) -> str:
    """``diagnosis`` + ``large-print`` → ``diagnosis-large-print.pdf``."""
    return f"{stem}{VARIANTS[variant][0]}.pdf"
