"""The monthly quality report's pure rules: months, comparisons and rates."""
