"""What a reader of the website needs (the built site)."""
