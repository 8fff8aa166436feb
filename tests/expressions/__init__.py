"""Tests of the condition expression language (boardsim.core.expressions)."""
