"""Use cases: they orchestrate domain rules, the store and telephony, and return
plain dataclasses. No Qt here; results that finish on a worker thread reach the
caller through callbacks and the ``post`` function the composition root injects.
"""
