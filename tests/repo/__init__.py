"""The repository's plumbing: CI, Read the Docs, pre-commit, make, contributor docs."""
