"""The permission table through the services."""
