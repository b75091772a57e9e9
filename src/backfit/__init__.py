"""backfit: a terminal guide to strengthening the lower back."""

__version__ = "0.1.0"
