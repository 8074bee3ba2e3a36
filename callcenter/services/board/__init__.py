"""The shift lead's board: desk state publishing, the live states, and the figures."""
