"""Pure rules of the 95598 desk: stdlib only, time injected (see clock.py)."""
