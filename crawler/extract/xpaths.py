"""XPath results with the type the query gives.

lxml types every ``xpath()`` result as any XPath value (a boolean, a number, a string or a list
of elements, strings and namespace tuples). The queries here select elements (``//a[@href]``) or
attribute and text strings (``//a/@href``); these helpers say which, so callers get
``list[HtmlElement]`` or ``list[str]`` instead of checking the union at every use.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement


def _node_set(node: etree._Element, path: str | etree.XPath) -> list[object]:
    result = path(node) if isinstance(path, etree.XPath) else node.xpath(path)
    if not isinstance(result, list):
        raise TypeError(f"XPath {path!r} gives a {type(result).__name__}, not a node-set")
    return list(result)


def html_elements(node: etree._Element, path: str | etree.XPath) -> list[HtmlElement]:
    """The elements an element-selecting XPath finds in an lxml.html tree, in document order."""
    return [item for item in _node_set(node, path) if isinstance(item, HtmlElement)]


def strings(node: etree._Element, path: str | etree.XPath) -> list[str]:
    """The strings (attribute values, text nodes) an XPath like ``//a/@href`` finds."""
    return [item for item in _node_set(node, path) if isinstance(item, str)]
