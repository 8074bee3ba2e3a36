"""The monthly 供电优质服务月报表: its figures, its xlsx and its sources."""
