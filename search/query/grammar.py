"""The lark grammar of the query language (LALR, basic lexer).

Kept as a Python string rather than a ``.lark`` file so it always ships with the package.

Lexing notes:
* ``AND`` ``OR`` ``NOT`` ``&&`` ``||`` are keywords only as whole words (lark turns a WORD that
  is exactly a keyword into the keyword), so ``ANDROID`` or ``TOR`` stay words. ``TO`` inside
  ``[a TO b]`` is checked by the parser, so it is not reserved elsewhere.
* ``FIELD`` (``title:``) and ``NEAR/5`` are tried before WORD (higher priority). ``10:30`` is a
  word (a field name is ASCII letters only). An unknown name is a FIELD (an error naming the
  fields: ``titel:x`` is a typo) only when its value follows the colon at once; "Bắc Ninh: …",
  "Long An: …", the way headlines name a province, is words: pasting such a headline said
  "không có trường 'ninh'".
* WORD cannot start with ``-`` (that is the NOT prefix) and never contains whitespace,
  parentheses, brackets or double quotes.
* PHRASE includes an optional leading ``=`` (exact diacritics) and a trailing ``*`` (prefix of
  the last word) and/or ``~N`` (sloppy ordered phrase), written without spaces. Typographic
  quotes “…” (and „…“) delimit a phrase too: phone keyboards and Word type them for ", and
  headlines pasted from the press carry them. A lone typographic quote is only punctuation
  inside a WORD (half a pasted headline is not an unclosed phrase); straight quotes stay the
  only ones that can be left unclosed, an error.
* A dash standing alone between spaces (``-``, ``–``, ``—``) separates, as in a pasted headline
  "Kinh tế – xã hội": it is ignored like whitespace. NOT's ``-`` is written against its
  operand (``-a``, docs/QUERY.md); "a - b" meaning "a NOT b" dropped the article the user
  pasted the headline of.
"""

from __future__ import annotations

from functools import lru_cache

from lark import Lark

from search.document import KEYWORD_FIELDS

FIELD_NAMES = ("title", "sapo", "body", "published", *KEYWORD_FIELDS)
# A known field, with or without a space before its value; any other name only against its value.
_FIELD = "(?i:" + "|".join(FIELD_NAMES) + r"):|[A-Za-z]+:(?=\S)"

# Typographic double quotes that open and close a phrase (docs above); the parser splits a
# PHRASE token with the same sets (search.query.parser).
OPEN_QUOTES = "\u201c\u201e\u201f"  # “ „ ‟
CLOSE_QUOTES = "\u201d\u201c\u201f"  # ” “ ‟

GRAMMAR = r"""
?start: or_expr

?or_expr: and_expr ((_OR_KW | _OR_SYM) and_expr)*
?and_expr: unary ((_AND_KW | _AND_SYM)? unary)*
?unary: _NOT_KW unary           -> negation
      | _MINUS unary            -> negation
      | primary
?primary: chain
        | FIELD field_value     -> field
        | _LPAR or_expr _RPAR
chain: operand (NEAR_OP operand)*
?operand: WORD | PHRASE
?field_value: WORD
            | PHRASE
            | _LPAR or_expr _RPAR
            | _LSQB WORD WORD WORD _RSQB -> range

_OR_KW: "OR"
_OR_SYM: "||"
_AND_KW: "AND"
_AND_SYM: "&&"
_NOT_KW: "NOT"
_MINUS: "-"
_LPAR: "("
_RPAR: ")"
_LSQB: "["
_RSQB: "]"
FIELD.3: /@FIELD@/
NEAR_OP.3: /O?NEAR\/[0-9]+(?![^\s()"\[\]])/
PHRASE.2: /=?("[^"]*"|[\u201c\u201e\u201f][^"\u201c\u201d\u201e\u201f]*[\u201d\u201c\u201f])\*?(~[0-9]+)?/
WORD: /[^\s()"\[\]\-][^\s()"\[\]]*/

_LONE_DASH.4: /(?<!\S)[\-\u2010-\u2015](?!\S)/

%ignore /\s+/
%ignore _LONE_DASH
""".replace("@FIELD@", _FIELD)

# Terminal name -> key of search.query.errors.EXPECTED_WORDS, for error messages.
TERMINAL_EXPECTS = {
    "WORD": "term",
    "PHRASE": "term",
    "FIELD": "term",
    "_LPAR": "term",
    "_NOT_KW": "term",
    "_MINUS": "term",
    "_RPAR": ")",
    "_RSQB": "]",
    "_OR_KW": "operator",
    "_OR_SYM": "operator",
    "_AND_KW": "operator",
    "_AND_SYM": "operator",
    "NEAR_OP": "NEAR",
    "$END": "end",
}


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer="basic", propagate_positions=False, maybe_placeholders=False)
