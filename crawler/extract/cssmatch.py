"""CSS selector lists matched in one Python pass over the tree, instead of libxml2's XPath.

cssselect turns ``.sapo, .lead, …`` into a union of XPath branches, and libxml2 evaluates
``contains(concat(' ', normalize-space(@class), ' '), ' sapo ')`` for every element on every branch:
with 40-odd selectors per list that was ~70 % of extraction time. The selectors the extractor and
outlet overrides use are nearly all simple (a tag, classes, an id, ``[attr]``, ``[attr='v']``,
``[attr*='v']``), optionally ``ancestor descendant``; those are indexed by class token, id,
attribute or tag, so each element costs a few dictionary look-ups. Anything else (pseudo-classes,
``>``/``+`` combinators, other attribute operators) keeps cssselect's XPath. Either way the result is
the same elements in document order as ``CSSSelector(", ".join(selectors))``; a test compares them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import cast

import cssselect
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash, Tree
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlTranslator

# XPath's normalize-space splits on these four only (not on U+00A0 and friends, as str.split does).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_TRANSLATOR = LxmlTranslator()


@dataclass(slots=True)
class _Simple:
    """One compound selector without combinators: every test must hold."""

    tag: str | None = None
    classes: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    equals: list[tuple[str, str]] = field(default_factory=list)
    contains: list[tuple[str, str]] = field(default_factory=list)
    exists: list[str] = field(default_factory=list)

    def matches(self, element: etree._Element, classes: frozenset[str] | None) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.classes:
            if classes is None:
                classes = _classes(element)
            if not all(c in classes for c in self.classes):
                return False
        get = element.get
        for value in self.ids:
            if get("id") != value:
                return False
        for name, value in self.equals:
            if get(name) != value:
                return False
        for name, value in self.contains:
            got = get(name)
            if got is None or value not in got:
                return False
        return all(get(name) is not None for name in self.exists)


@dataclass(slots=True)
class _Rule:
    subject: _Simple
    ancestor: _Simple | None = None  # "ancestor subject": an ancestor within the context matches
    # The subject has no test besides the one it is indexed under: an index hit is a match.
    exact: bool = False
    group: int = 0  # which selector list of a ``SelectorGroups`` the rule came from


def _classes(element: etree._Element) -> frozenset[str]:
    value = element.get("class")
    return _class_set(value) if value else frozenset()


class _Index:
    """Rules filed under one test each match must pass, so an element only meets likely rules."""

    def __init__(self) -> None:
        self.by_class: dict[str, list[_Rule]] = {}
        self.by_id: dict[str, list[_Rule]] = {}
        self.by_attr: dict[str, list[_Rule]] = {}  # rules needing this attribute present
        self.by_tag: dict[str | None, list[_Rule]] = {}

    def __bool__(self) -> bool:
        return bool(self.by_class or self.by_id or self.by_attr or self.by_tag)

    def add(self, rule: _Rule, s: _Simple) -> None:
        tests = len(s.classes) + len(s.ids) + len(s.equals) + len(s.contains) + len(s.exists)
        if s.classes:
            rule.exact = tests == 1 and s.tag is None
            self.by_class.setdefault(s.classes[0], []).append(rule)
        elif s.ids:
            rule.exact = tests == 1 and s.tag is None
            self.by_id.setdefault(s.ids[0], []).append(rule)
        elif tests:
            name = s.equals[0][0] if s.equals else s.contains[0][0] if s.contains else s.exists[0]
            self.by_attr.setdefault(name, []).append(rule)
        else:
            rule.exact = True
            self.by_tag.setdefault(s.tag, []).append(rule)

    def freeze(self) -> None:
        self.class_names = frozenset(self.by_class)
        self.attrs = list(self.by_attr.items())
        self.any_tag = self.by_tag.get(None, [])

    def candidates(self, element: etree._Element, tag: str, classes: frozenset[str]) -> list[_Rule]:
        """Rules that may match: those filed under a test this element passes."""
        out: list[_Rule] = []
        if classes and self.class_names:
            for name in classes & self.class_names:
                out += self.by_class[name]
        if self.by_id:
            element_id = element.get("id")
            rules = self.by_id.get(element_id) if element_id is not None else None
            if rules:
                out += rules
        for name, rules in self.attrs:
            if element.get(name) is not None:
                out += rules
        if self.by_tag:
            rules = self.by_tag.get(tag)
            if rules:
                out += rules
            out += self.any_tag
        return out


@functools.lru_cache(maxsize=1 << 14)
def _class_set(value: str) -> frozenset[str]:
    """Class tokens as XPath's normalize-space splits them; class strings repeat across a page."""
    return frozenset(_XML_SPACE.split(value.strip(" \t\r\n")))


def _simple(tree: Tree) -> _Simple | None:
    out = _Simple()
    while True:
        if isinstance(tree, Element):
            if tree.namespace is not None:
                return None
            out.tag = tree.element  # None for "*"
            return out
        if isinstance(tree, Class):
            out.classes.append(tree.class_name)
        elif isinstance(tree, Hash):
            out.ids.append(tree.id)
        elif isinstance(tree, Attrib) and tree.namespace is None:
            value = tree.value.value if tree.value is not None else None
            if tree.operator == "exists":
                out.exists.append(tree.attrib)
            elif tree.operator == "=" and value is not None:  # an "=" always has its value
                out.equals.append((tree.attrib, value))
            elif tree.operator == "*=" and value:  # cssselect: [a*=''] never matches
                out.contains.append((tree.attrib, value))
            else:
                return None
        else:
            return None
        tree = tree.selector


def _rule(selector: cssselect.Selector) -> _Rule | None:
    if selector.pseudo_element:
        return None
    tree = selector.parsed_tree
    if isinstance(tree, CombinedSelector):
        if tree.combinator != " ":
            return None
        subject, ancestor = _simple(tree.subselector), _simple(tree.selector)
        return _Rule(subject, ancestor) if subject and ancestor else None
    subject = _simple(tree)
    return _Rule(subject) if subject else None


class SelectorGroups:
    """Several selector lists matched in one pass: call it with an element to get, per list, the
    matches in document order (the extractor asks for title, sapo, author, breadcrumb, tag and
    body candidates of one unchanged tree: one walk instead of seven)."""

    def __init__(self, groups: tuple[tuple[str, ...], ...]) -> None:
        self.count = len(groups)
        self.subjects = _Index()  # rules without a combinator, by their own tests
        self.ancestors = _Index()  # "A B" rules, by A's tests: B is looked for below each A
        self.xpaths: list[etree.XPath | None] = []
        for group, selectors in enumerate(groups):
            fallback: list[str] = []
            for text in selectors:
                try:
                    parsed = cssselect.parse(text)
                    CSSSelector(text)
                except Exception:  # noqa: BLE001 - cssselect raises several parse error types
                    continue  # invalid selectors (from outlet configuration) are left out
                for selector in parsed:
                    rule = _rule(selector)
                    if rule is None:
                        xpath = _TRANSLATOR.selector_to_xpath(selector, prefix="descendant-or-self::")
                        fallback.append(xpath)
                        continue
                    rule.group = group
                    if rule.ancestor is None:
                        self.subjects.add(rule, rule.subject)
                    else:
                        self.ancestors.add(rule, rule.ancestor)
            self.xpaths.append(etree.XPath(" | ".join(fallback)) if fallback else None)
        self.subjects.freeze()
        self.ancestors.freeze()

    def __call__(self, root: etree._Element) -> list[list[etree._Element]]:
        found: list[list[etree._Element]] = [[] for _ in range(self.count)]
        anchors: list[tuple[etree._Element, _Rule]] = []
        subjects = self.subjects if self.subjects else None
        ancestors = self.ancestors if self.ancestors else None
        single = self.count == 1
        empty: frozenset[str] = frozenset()
        for element in root.iter(etree.Element):  # elements only: no comments or PIs
            value = element.get("class")
            classes = _class_set(value) if value else empty
            tag = element.tag
            if subjects is not None:
                matched: set[int] = set()
                for rule in subjects.candidates(element, tag, classes):
                    if rule.group not in matched and (rule.exact or rule.subject.matches(element, classes)):
                        found[rule.group].append(element)
                        if single:
                            break
                        matched.add(rule.group)
            if ancestors is not None:
                for rule in ancestors.candidates(element, tag, classes):
                    ancestor = rule.ancestor  # set on every rule filed in self.ancestors
                    if ancestor is not None and ancestor.matches(element, classes):
                        anchors.append((element, rule))
        extra: list[set[etree._Element]] = [set() for _ in range(self.count)]
        for anchor, rule in anchors:
            # XPath's A/descendant-or-self::*/B: strict descendants of A, and A is inside root.
            below = anchor.iter(rule.subject.tag) if rule.subject.tag else anchor.iter(etree.Element)
            extra[rule.group].update(e for e in below if e is not anchor and rule.subject.matches(e, None))
        for group, xpath in enumerate(self.xpaths):
            if xpath is not None:
                # A union of selector XPaths selects elements only, never text or numbers.
                extra[group].update(cast(list[etree._Element], xpath(root)))
        for group, more in enumerate(extra):
            if more:
                # Merge in document order, each element once (as an XPath union would).
                wanted = more.union(found[group])
                found[group] = [element for element in root.iter(etree.Element) if element in wanted]
        return found


class SelectorList:
    """A compiled selector list: call it with an element to get the matches in document order."""

    def __init__(self, selectors: tuple[str, ...]) -> None:
        self.groups = SelectorGroups((selectors,))

    def __call__(self, root: etree._Element) -> list[etree._Element]:
        return self.groups(root)[0]
