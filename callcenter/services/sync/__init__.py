"""The desk's side of sync: rounds, the worker thread, conflicts, credentials, the demo."""
