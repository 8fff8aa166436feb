"""The pure core: scenario models, expressions, checks, engine, metrics, bots and journal events.

Imports only the standard library, simpy and pydantic. No Textual, no YAML, no files, no sockets,
no wall clock, no global random: tests/test_core_purity.py enforces it.
"""
