"""The front matter rules that the build and the front-matter gate share.

Pure: no YAML, no Sphinx, so both the Sphinx extension (which gets the values from MyST)
and the gate (which reads the page itself) can use it.

>>> review_date("2026-01-10"), review_date(dt.date(2026, 1, 10))
(datetime.date(2026, 1, 10), datetime.date(2026, 1, 10))
>>> review_date("20260110"), review_date("2026-W02-6"), review_date("2026-02-30")
(None, None, None)
>>> reader_date(dt.date(2027, 1, 5))
'5 January 2027'
"""

from __future__ import annotations

import datetime as dt
import re

#: Front matter every topic page must have (CONTRIBUTING.md explains each one).
REQUIRED = ("summary", "key_message", "last_reviewed", "next_review_due", "reviewed_by")
#: The keys that hold a review date.
DATES = ("last_reviewed", "next_review_due")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def review_date(value: object) -> dt.date | None:
    """The date ``value`` stands for, if it is a real date written YYYY-MM-DD; else ``None``.

    YAML reads an unquoted ``2026-01-10`` as a date already; MyST may hand it over as text.
    Other forms Python would accept (``20260110``, ``2026-W02-6``) are refused, as writers
    are asked for one form only.
    """
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def reader_date(day: dt.date) -> str:
    """A date as readers write it (no leading zero, the month in words)."""
    return f"{day.day} {day:%B %Y}"
