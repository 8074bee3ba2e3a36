"""The diagnostic log support reads: a rotating, owner-only file, numbers redacted."""
