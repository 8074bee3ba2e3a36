"""Signing in and out: the password dialog, the screen lock, the administrators' user screen."""
