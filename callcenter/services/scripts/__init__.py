"""Scripts: the library, what the agent says during a call, and the lead's editing."""
