"""The PDF handouts' tests (neckguide.handouts)."""
