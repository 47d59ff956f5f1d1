"""Loading of the plain-text language data under ``newsnorm/data/<lang>/``.

Format of every ``*.txt`` list: one entry per line, UTF-8; ``#`` starts a
comment line; blank lines are ignored; surrounding white space is stripped.
Contributors extend a language by editing these files, never the engine.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "es", "it", "nl")
"""The languages newsnorm has data for (boilerplate may know a few more)."""


def data_path(*parts: str) -> Traversable:
    """Path of a data file inside the installed package."""
    node = resources.files("newsnorm") / "data"
    for part in parts:
        node = node / part
    return node


@lru_cache(maxsize=256)
def load_lines(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``data/<lang>/<name>.txt`` in file order (empty if the file does not exist)."""
    path = data_path(lang, f"{name}.txt")
    if not path.is_file():
        return ()
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=256)
def load_set(lang: str, name: str) -> frozenset[str]:
    """Entries of ``data/<lang>/<name>.txt`` as a set."""
    return frozenset(load_lines(lang, name))


@lru_cache(maxsize=64)
def available_languages(name: str) -> tuple[str, ...]:
    """Languages that have a ``<name>.txt`` data file, sorted."""
    root = data_path()
    return tuple(
        sorted(d.name for d in root.iterdir() if d.is_dir() and (d / f"{name}.txt").is_file())
    )
