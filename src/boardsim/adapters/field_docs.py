"""The docstrings of the scenario format's fields, read back from the models' source when they are needed.

Each field of the format models is documented by the string written just under it (see
`boardsim.core.scenario.model`). Python drops those strings when it compiles a module, so they are read from
the source: here, only for the JSON Schema (`boardsim schema`) and for the hint of a field a designer got
wrong. Pydantic's `use_attribute_docstrings` read and tokenized the source of every model class at import
instead, which `boardsim play` and every other command paid for at start-up.
"""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import sys
from collections.abc import Mapping


def field_docstring(model: type, field: str) -> str:
    """The docstring of `model`'s attribute `field` (by name, not alias), as written under it on the class that
    declares it (a subclass that declares it again without one has none, as pydantic sees it); "" if none."""
    for klass in model.__mro__:
        if field in vars(klass).get("__annotations__", {}):
            return _declared_docs(klass).get(field, "")
    return ""


def attribute_docstrings(source: str) -> dict[str, dict[str, str]]:
    """Every class in a module's `source`, by qualified name: its annotated attributes that are directly
    followed by a string, and that string (cleaned like a docstring), the way pydantic reads them."""
    found: dict[str, dict[str, str]] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                qualname = f"{prefix}{node.name}"
                found[qualname] = _class_docs(node.body)
                visit(node.body, f"{qualname}.")

    visit(ast.parse(source).body, "")
    return found


def _class_docs(body: list[ast.stmt]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for previous, node in itertools.pairwise(body):
        if (
            isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[previous.target.id] = inspect.cleandoc(node.value.value)
    return docs


def _declared_docs(klass: type) -> Mapping[str, str]:
    return _module_attribute_docs(klass.__module__).get(klass.__qualname__, {})


@functools.cache
def _module_attribute_docs(module_name: str) -> dict[str, dict[str, str]]:
    module = sys.modules.get(module_name)
    if module is None:
        return {}
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):  # no source shipped (a zipapp, a frozen build): no docstrings, no crash
        return {}
    return attribute_docstrings(source)
