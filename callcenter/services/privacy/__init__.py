"""Personal data on screen: who sees full phone/ID numbers, and audited reveals."""
