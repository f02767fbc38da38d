"""Content builders, one module per section of the development plan."""
