"""YAML for the outlet registry: PyYAML's safe loader, except that a key written twice in one
mapping is an error naming its line. (Plain ``safe_load`` keeps the last value silently, so a
second ``feeds:`` pasted under an outlet would quietly replace the first.)"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode


class _StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: the base constructor reports it
                break
            if first is not None:
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} at line {line} (first written at line {first})",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> Any:
    """Parse registry YAML; duplicate keys raise ``yaml.YAMLError`` with both lines."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
