"""The shift lead's board: live desk states and the shift's figures (pure rules)."""
