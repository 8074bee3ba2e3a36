"""Widgets, dialogs and Qt adapters. The only layer that imports PySide6 widgets."""
