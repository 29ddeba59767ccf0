"""The ``rendered`` check: what readers actually get, checked after the build.

The content gates (:mod:`neckguide.checks`) read the pages as written; this check reads the
built site and the PDF handouts, where a mistake the gates cannot see shows up: a directive
option printed as text, a link to a page that does not exist, a label cut off at the edge of
its picture or too small to read on a phone.

One module per rule, each returning :class:`~neckguide.checks.Problem` objects that name the
page's source file and line where that can be found (else the built file):

- :mod:`.markup`: leaked markup in every built page's text and every PDF's text;
- :mod:`.links`: every internal link and ``#anchor`` of the HTML resolves, and every link in
  the PDFs to the site points at a page (and anchor) that exists;
- :mod:`.pictures`: every SVG label lies inside its picture, and at 360 px the smallest
  label of each picture is at least :data:`~.pictures.MIN_LABEL_PX` tall (in Chromium);
  nothing on a page scrolls sideways at 360 px;
- :mod:`.site`: the built site as these rules see it (pages, ids, sources, addresses).

Run it on a build with ``python -m neckguide.rendered`` (:mod:`.cli`); ``make test`` runs it
through ``tests/site/test_rendered.py`` and ``tests/browser/test_pictures.py``.
"""

from __future__ import annotations
