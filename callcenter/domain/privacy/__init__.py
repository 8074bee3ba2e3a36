"""Personal data rules: how phone and ID numbers are masked. Pure standard library."""
