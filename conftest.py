"""Root pytest configuration: skip the doctests of engine glue whose engine is not installed.

``--doctest-modules`` imports every module under ``newsnorm/``; an integration
module raises ImportError (saying which extra to install) when its engine is
missing, so without the extra it is left out of the collection instead.
"""

from __future__ import annotations

import importlib.util

collect_ignore: list[str] = []
if importlib.util.find_spec("datatrove") is None:
    collect_ignore.append("newsnorm/integrations/datatrove.py")
