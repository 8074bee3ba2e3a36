"""Who uses the desk: users, sign-in with passwords, and the permission checks services make."""
