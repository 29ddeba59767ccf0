"""``make review``: what a change does to the pages and handouts, for its pull request.

``python -m neckguide.review [--base main]`` compares the working tree with a base commit
(the merge base of ``main`` and ``HEAD``) and writes ``docs/_build/review/report.md`` with
its images beside it:

- the pages changed, with their words and reading grade before → after;
- each handout whose PDF changed, its pages before → after, flagged when a topic's standard
  handout passes two pages;
- the figures changed in the registry, and every page and handout that shows them;
- the gates and the rendered checks that fail now and did not before;
- before/after PNGs of every handout page that changed, and screenshots of every changed
  web page (laptop light and dark, 360 px phone).

The base is built once per commit, with its own code, and kept in
``docs/_build/review/cache/<commit>/`` (CI keeps it between runs), so a one-page change
costs the incremental build of the working tree and the comparison.

Modules: :mod:`.git` (the base and what changed), :mod:`.builds` (building a tree, cached),
:mod:`.compare` (pages, handouts, figures, checks), :mod:`.images` (PNGs and screenshots),
:mod:`.report` (the Markdown) and :mod:`.cli`.
"""
