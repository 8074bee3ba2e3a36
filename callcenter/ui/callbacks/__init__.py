"""The callback queue tab (回访)."""
