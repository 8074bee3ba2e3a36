"""Who uses the desk: users and their passwords, sign-in with the lock-out."""
