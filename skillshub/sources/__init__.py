"""Readers for each real public source: read, validate, normalise (no web framework, no ORM)."""
