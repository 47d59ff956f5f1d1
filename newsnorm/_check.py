"""Input validation shared by every public function.

Each public entry point calls :func:`ensure_str` first, so that bad input is
rejected with a message that names the function, the type that was passed and
what to do instead — never a crash deep inside a regular expression.
"""

from __future__ import annotations

from collections.abc import Iterable

SURROGATE_REPLACEMENT = "\ufffd"


def ensure_str(text: object, func: str) -> str:
    """Return *text* if it is a ``str``; raise a helpful ``TypeError`` otherwise.

    >>> ensure_str("ok", "fix_encoding")
    'ok'
    """
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{func}() takes str, not {type(text).__name__}: decode the bytes first, e.g. "
            "newsnorm.decode_bytes(data) (UTF-8 with a cp1252 fallback) or data.decode('utf-8')"
        )
    if text is None:
        raise TypeError(f"{func}() takes str, not NoneType (None): pass '' for an empty document")
    raise TypeError(
        f"{func}() takes str, not {type(text).__name__}: convert the value to text yourself "
        "(newsnorm never coerces input silently)"
    )


def check_choice(value: object, valid: Iterable[str], name: str, func: str) -> str:
    """Return *value* if it is one of *valid*; raise ``ValueError`` listing them otherwise."""
    options = tuple(valid)
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(repr(o) for o in options)
    raise ValueError(f"{func}(): unknown {name} {value!r}; valid values are {listed}")


def has_surrogates(text: str) -> bool:
    """True when *text* holds lone surrogate code points (U+D800–U+DFFF)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates with U+FFFD; other text is returned as is."""
    if not has_surrogates(text):
        return text
    return "".join(SURROGATE_REPLACEMENT if "\ud800" <= ch <= "\udfff" else ch for ch in text)
