"""Content: loading, validating and checking the YAML files (the Library)."""
