"""The site: profile, calendar, published site documents, desk settings, resources."""
