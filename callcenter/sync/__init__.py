"""Sync between the local SQLite store and the central PostgreSQL (issue 6).

Runs off the GUI thread. protocol.py is the wire contract both sides share.
"""
