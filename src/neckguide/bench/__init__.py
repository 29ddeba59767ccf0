"""The developer's benchmark, ``python -m neckguide.bench`` (``make bench``): build times
against the bare-Sphinx floor, incremental rebuilds, page weight and PDF sizes.

A tool beside the build, as :mod:`neckguide.checks` is: ``make`` never runs it. Modules:
:mod:`.runs` (timed builds, PDF snapshots), :mod:`.floor` (the bare build to compare with),
:mod:`.rounds` (cold and incremental rounds), :mod:`.measures` (budgets and rows),
:mod:`.report` (the table) and :mod:`.weight` (a page's cold-load weight, which
``tests/test_budgets.py`` also uses).
"""
