"""Quality review: automatic checks over stored calls, samples, reviews and disputes."""
