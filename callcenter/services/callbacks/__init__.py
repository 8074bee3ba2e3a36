"""The callback queue (回访) after a department's reply."""
