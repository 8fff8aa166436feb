"""core/expressions."""
