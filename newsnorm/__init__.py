"""newsnorm: turn scraped news text into clean, trustworthy text.

>>> import newsnorm
>>> newsnorm.fix_encoding("FÃ¼r alle")
'Für alle'

The public names are loaded on first use, so ``import newsnorm`` stays cheap
(ftfy and the language data are read only when a step first needs them).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from newsnorm._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "fix_encoding": "newsnorm.encoding",
    "decode_bytes": "newsnorm.encoding",
    "normalize_whitespace": "newsnorm.whitespace",
    "normalize_quotes": "newsnorm.quotes",
    "QUOTE_STYLES": "newsnorm.quotes",
    "style_for_language": "newsnorm.quotes",
    "to_ascii": "newsnorm.ascii",
    "strip_boilerplate": "newsnorm.boilerplate",
    "find_boilerplate": "newsnorm.boilerplate",
    "flag_untranslated": "newsnorm.untranslated",
    "detect_language": "newsnorm.langid",
    "normalize": "newsnorm.pipeline",
    "Normalizer": "newsnorm.pipeline",
    "normalize_batch": "newsnorm.integrations.batch",
    "Flag": "newsnorm.types",
    "Removal": "newsnorm.types",
    "Normalized": "newsnorm.types",
    "LanguageGuess": "newsnorm.types",
    "StepChange": "newsnorm.types",
}

__all__ = [
    "QUOTE_STYLES",
    "Flag",
    "LanguageGuess",
    "Normalized",
    "Normalizer",
    "Removal",
    "StepChange",
    "__version__",
    "decode_bytes",
    "detect_language",
    "find_boilerplate",
    "fix_encoding",
    "flag_untranslated",
    "normalize",
    "normalize_batch",
    "normalize_quotes",
    "normalize_whitespace",
    "strip_boilerplate",
    "style_for_language",
    "to_ascii",
]

if TYPE_CHECKING:
    from newsnorm.ascii import to_ascii
    from newsnorm.boilerplate import find_boilerplate, strip_boilerplate
    from newsnorm.encoding import decode_bytes, fix_encoding
    from newsnorm.integrations.batch import normalize_batch as normalize_batch
    from newsnorm.langid import detect_language
    from newsnorm.pipeline import Normalizer, normalize
    from newsnorm.quotes import QUOTE_STYLES, normalize_quotes, style_for_language
    from newsnorm.types import Flag, LanguageGuess, Normalized, Removal, StepChange
    from newsnorm.untranslated import flag_untranslated
    from newsnorm.whitespace import normalize_whitespace


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsnorm' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
