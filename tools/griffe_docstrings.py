"""A griffe extension for the docs site: show docstring doctests as code, drop Sphinx roles.

newsnorm's docstrings hold bare ``>>>`` examples (run by pytest) and Sphinx-style roles
such as ``:func:`~newsnorm.fix_encoding```. Markdown would read the examples as quotes
and links; this extension, named in ``mkdocs.yml``, wraps every doctest block in a
``pycon`` code fence and turns the roles into inline code before mkdocstrings renders
the docstrings. It changes nothing in the package.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE_RE = re.compile(r":(?:func|class|data|meth|mod|attr|exc|obj):`(~?)([\w.]+)`")


def _role(match: re.Match[str]) -> str:
    name = match.group(2)
    return f"`{name.rsplit('.', 1)[-1] if match.group(1) else name}`"


def fence_doctests(text: str) -> str:
    r"""Wrap each doctest block (a ``>>>`` line up to the next blank line) in a code fence.

    >>> fence_doctests("Use it:\n>>> f(1)\n2\n\nDone.").split("\n")
    ['Use it:', '```pycon', '>>> f(1)', '2', '```', '', 'Done.']
    """
    out: list[str] = []
    in_block = in_fence = False
    indent = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if not in_block and stripped.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_block = True
        elif in_block and not stripped:
            out.append(f"{indent}```")
            in_block = False
        out.append(line)
    if in_block:
        out.append(f"{indent}```")
    return "\n".join(out)


class DocstringsForMarkdown(griffe.Extension):
    """Rewrite every docstring for Markdown: fenced doctests, roles as inline code."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(_ROLE_RE.sub(_role, obj.docstring.value))
