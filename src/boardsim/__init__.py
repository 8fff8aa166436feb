"""boardsim: a simulation exercise engine for health and wellbeing boards."""

__version__ = "0.1.0"
