"""The QA workspace: find calls and tickets to review, their automatic checks, the replay."""
