"""The documentation: the CLI reference names every option, the site config lists the pages."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsnorm import cli, review
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _options(parser: argparse.ArgumentParser) -> list[str]:
    names = []
    for action in parser._actions:
        names.extend(s for s in action.option_strings if s.startswith("--") and s != "--help")
    return names


@pytest.mark.parametrize(
    "parser", [cli.build_parser(), review.build_parser()], ids=["main", "review"]
)
def test_cli_reference_mentions_every_option(parser: argparse.ArgumentParser) -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in _options(parser) if f"`{name}" not in page]
    assert not missing, f"docs/cli.md does not describe {missing}"


def test_every_page_in_the_nav_exists() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r":\s+([\w-]+\.md)\s*$", config, flags=re.MULTILINE)
    assert "index.md" in pages
    assert "api.md" in pages
    missing = [page for page in pages if not (DOCS / page).is_file()]
    assert not missing, f"mkdocs.yml lists missing pages {missing}"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mkdocs") is None, reason="mkdocs is not installed")
def test_site_builds_without_warnings(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "review_html" in api  # generated from the docstrings
    assert "&gt;&gt;&gt;" in api  # doctests shown as code ...
    assert "<blockquote>" not in api  # ... not as Markdown quotes
