"""Who is calling: the screen pop of customers and accounts, and phone numbers."""
