"""Shift handover rules (rules section 5, 8): shifts, the record's sections, the 1-hour report."""
