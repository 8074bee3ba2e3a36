"""The tamper-evident audit log: append records, read them, verify the chains."""
