"""Ticket widgets: the entry form, list and search, detail, lifecycle, duplicates."""
