"""The benchmark's own arithmetic (neckguide.bench)."""
