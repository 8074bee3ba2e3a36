"""The agent's call loop: the call desk, back-fill, and the values it hands the UI."""
