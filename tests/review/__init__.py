"""make review."""
