"""Who may sign in: the lock-out rule after wrong passwords, and password rules."""
