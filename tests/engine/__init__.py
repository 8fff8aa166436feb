"""Tests of the simulation engine (boardsim.core.engine), its journal files and the run/test commands."""
