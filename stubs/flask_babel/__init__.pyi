# Types for the part of Flask-Babel that Presswatch uses (the package ships no py.typed marker,
# so without this every translated string would be `Any`). Signatures follow flask_babel 4.x.
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from babel import Locale
from flask import Flask

class LazyString:
    def __str__(self) -> str: ...
    def __html__(self) -> str: ...
    def __len__(self) -> int: ...

class Babel:
    def __init__(
        self,
        app: Flask | None = None,
        date_formats: Any = None,
        configure_jinja: bool = True,
        *args: Any,
        **kwargs: Any,
    ) -> None: ...
    def init_app(
        self,
        app: Flask,
        default_locale: str = "en",
        default_domain: str = "messages",
        default_translation_directories: str = "translations",
        default_timezone: str = "UTC",
        locale_selector: Callable[[], str | None] | None = None,
        timezone_selector: Callable[[], str | None] | None = None,
    ) -> None: ...

def get_locale() -> Locale | None: ...
def gettext(string: str, **variables: Any) -> str: ...
def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str: ...

# Really a LazyString, translated each time it is turned into text; typed as the str it stands for
# because what receives it (WTForms labels and messages) asks for a str and treats it as one.
def lazy_gettext(string: str, **variables: Any) -> str: ...
def format_decimal(number: float | Decimal, format: str | None = None) -> str: ...
def format_datetime(
    datetime: datetime | None = None, format: str | None = None, rebase: bool = True
) -> str: ...
