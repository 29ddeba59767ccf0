"""The guide's Sphinx extension's tests (neckguide.sphinx_ext)."""
