"""Placeholder: renders ```cirkel blocks (being written)."""
