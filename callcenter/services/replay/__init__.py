"""Call replay for QA: the form edits recorded during a call, loading a call's timeline."""
