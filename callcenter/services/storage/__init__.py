"""The local store as the services use it: the database handle and its write lock."""
