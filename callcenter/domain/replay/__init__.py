"""Call replay: the call's events on a time axis, the form at a playhead, SLA marks."""
