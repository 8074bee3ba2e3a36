"""Script widgets: the script panel, library tab, editor and guided triage."""
