"""Alerts addressed to a role (the shift lead first)."""
