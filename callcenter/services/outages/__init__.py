"""Outages: lookup, import of dispatch's lists, and writing them to the store."""
