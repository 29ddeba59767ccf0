"""The content gates' tests (neckguide.checks)."""
