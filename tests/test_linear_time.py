"""No super-linear path: time per MB on hostile inputs does not grow with the input size.

Every comparison is made inside one test on one machine (a small input against one ten
times larger), never against a fixed time, so a slow or busy machine does not fail it;
only a path whose cost grows faster than the input does.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

import pytest
import regex

import newsnorm
from tests._linear import assert_linear, assert_linear_unit

#: the small input; the large one is FACTOR times larger (both past the CPU caches'
#: sweet spot, which alone can double the time per character of a tiny input)
SMALL = 50_000
FACTOR = 10

HOSTILE_UNITS = {
    "spaces": " ",
    "tabs and spaces": " \t",
    "newlines": "\n",
    "blank-ish lines": " \n",
    "one long word": "a",
    "digits": "9",
    "quotes": "\"'„“”«»‚‘’",
    "apostrophes": "'",
    "entities": "&amp;",
    "broken entities": "&#",
    "mojibake": "Ã¼Ã",
    "combining marks": "e\u0301\u0301",
    "emoji joiners": "👩\u200d",
    "rtl": "שלום ",
    "capitalised words": "Aa ",
    "hyphens": "a-",
    "dots": ". ",
    "colons": ": ",
    "pipes": " | ",
    "url-ish": "http://a",
    "at and hash": "@#",
    "credit-ish": "Foto: ",
    "caps": "ABC ",
    "mixed line": "Lesen Sie auch: Kommentare 3 Teilen ",
}


def _assert_linear(func: Callable[[str], object], unit: str) -> None:
    assert_linear_unit(func, unit, small=SMALL, large=SMALL * FACTOR)


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "fix_encoding": newsnorm.fix_encoding,
    "normalize_whitespace": newsnorm.normalize_whitespace,
    "normalize_quotes": lambda t: newsnorm.normalize_quotes(t, style="de"),
    "strip_boilerplate": lambda t: newsnorm.strip_boilerplate(t, lang="de"),
    "flag_untranslated": lambda t: newsnorm.flag_untranslated(t, lang="de"),
    "to_ascii": newsnorm.to_ascii,
    "detect_language": newsnorm.detect_language,
    "normalize": lambda t: newsnorm.normalize(t, quotes="auto"),
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", list(HOSTILE_UNITS.values()), ids=list(HOSTILE_UNITS))
@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_public_functions_are_linear(name: str, unit: str) -> None:
    _assert_linear(FUNCTIONS[name], unit)


def _package_patterns() -> list[tuple[str, re.Pattern[str] | regex.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(newsnorm.__path__, "newsnorm."):
        if ".integrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{attr}", value))
    return found


PATTERNS = _package_patterns()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_every_module_level_pattern_is_linear(
    name: str, pattern: re.Pattern[str] | regex.Pattern[str]
) -> None:
    for unit in HOSTILE_UNITS.values():
        _assert_linear(lambda t, p=pattern: sum(1 for _ in p.finditer(t)), unit)


def test_the_package_has_patterns_to_check() -> None:
    assert len(PATTERNS) >= 5


def test_the_check_fails_a_quadratic_function_at_once() -> None:
    # the check itself: a pattern that backtracks over the rest of the input from every
    # position fails, and on the first measurement, instead of being measured again
    calls = 0
    backtracking = re.compile("a*b")

    def quadratic(text: str) -> object:
        nonlocal calls
        calls += 1
        return backtracking.search(text)

    with pytest.raises(AssertionError, match="time per character grows"):
        assert_linear(quadratic, "a" * 1_000, "a" * 20_000)
    assert calls == 1 + 3 + 2  # warm-up, three small runs, two large ones


def test_the_check_passes_a_linear_function() -> None:
    assert_linear(lambda text: text.count("x"), "a" * 50_000, "a" * 500_000)
