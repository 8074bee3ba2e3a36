"""The CTI port (events in, commands out) and its adapters.

Only this package knows whether calls are real or simulated; the rest of the
app talks to ``TelephonyPort`` and receives ``TelephonyEvent`` values.
"""
