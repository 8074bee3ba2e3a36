"""Quality review rules: automatic checks, sampling, evaluation scoring. Pure standard library."""
