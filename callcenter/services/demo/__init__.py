"""Demo data: the fictional city's customers, ticket history and outages."""
