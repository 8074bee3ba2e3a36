"""The monthly 供电优质服务月报表 in the app: its PDF and the leads' menu action."""
