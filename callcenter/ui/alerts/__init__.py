"""The shift lead's open alerts."""
