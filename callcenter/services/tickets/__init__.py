"""Tickets: entry, lifecycle, detail, search and its index, duplicates, deadlines."""
