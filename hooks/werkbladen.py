"""Placeholder: renders ```werkbladen blocks (being written)."""
