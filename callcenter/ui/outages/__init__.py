"""Outage widgets: lookup console, import dialog, banners, link dialog."""
