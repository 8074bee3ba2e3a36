"""Sync in the window: status bar, conflicts dialog, caller fetch."""
