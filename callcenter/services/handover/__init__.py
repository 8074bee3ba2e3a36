"""Shift handover: the record compiled from the store, submitted, confirmed across desks."""
