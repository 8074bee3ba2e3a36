"""The shift lead's board tab (班长看板): live desk states, figure tiles, charts."""
