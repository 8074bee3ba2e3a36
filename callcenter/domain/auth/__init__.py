"""Who may do what: roles, the signed-in actor and the one permission table."""
