"""Who may sign in and do what: roles, the permission table, the lock-out and password rules."""
