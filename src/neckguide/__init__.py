"""Osteoporosis in the Neck: the facts registry, the guide's arithmetic, and the build glue."""
