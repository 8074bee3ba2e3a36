"""Permission table tests."""
