"""Osteoporosis in the Neck: the facts registry, the guide's arithmetic, and the build glue."""

#: Front matter every topic page must have (CONTRIBUTING.md explains each one). The build
#: (neckguide.sphinxext) and the front-matter gate (neckguide.checks.front_matter) both read it.
REQUIRED_FRONT_MATTER = ("summary", "last_reviewed", "next_review_due", "reviewed_by")
