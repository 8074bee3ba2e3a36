"""Who is signed in on this desk, and the permission checks every service makes."""
