"""Widgets of the console, the seat screen and the projector: each shows one concern of a Dashboard."""
