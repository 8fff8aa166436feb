"""Without libyaml, PyYAML's pure-Python parser gives the same data, positions and findings."""

from __future__ import annotations

import pytest
import yaml

from boardsim.adapters import yaml_source
from boardsim.adapters.yaml_source import parse_yaml

from .conftest import VALID_SCENARIO

TEXTS = {
    "valid-scenario": VALID_SCENARIO,
    "duplicates-and-traps": "a: no\nb: 1:30\nc: 012\na: 2\nd: !!python/name:os.system\n",
    "anchors-and-merges": "base: &b {x: 1, y: 'q'}\nm:\n  <<: *b\n  y: 3\nn: [*b, *b]\n",
    "deep": "[" * 10_000,
    "tab": "a:\n\tb: 1\n",
    "two-documents": "a: 1\n---\nb: 2\n",
}


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="compares against libyaml")
@pytest.mark.parametrize("name", list(TEXTS))
def test_pure_python_parser_agrees_with_libyaml(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data, every recorded position and every finding's code and position are the same with either parser."""
    text = TEXTS[name]
    with_libyaml = parse_yaml(text, "t.yaml")
    monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)
    pure = parse_yaml(text, "t.yaml")
    assert pure.data == with_libyaml.data
    assert pure.positions.nodes == with_libyaml.positions.nodes
    assert [(item.code, item.position) for item in pure.findings] == [
        (item.code, item.position) for item in with_libyaml.findings
    ]
