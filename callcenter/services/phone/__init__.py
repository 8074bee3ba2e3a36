"""The soft phone's settings (sip.toml) and password (the OS keyring)."""
