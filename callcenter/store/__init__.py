"""SQLAlchemy models, engine setup and repositories for the local SQLite store."""
