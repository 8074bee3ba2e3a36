"""Call replay for QA: the timeline with a playhead, the form at the playhead, the recording."""
