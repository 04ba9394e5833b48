"""Every data file the package reads ships with it: each non-Python file under src/cluster_criteria matches a
package-data pattern of pyproject.toml (an editable install would read it from the source tree and hide the gap)."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "cluster_criteria"


def test_every_data_file_of_the_package_is_package_data() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["cluster_criteria"]
    data_files = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data_files, "the package has data files (the rule set's data, the division table)"
    missing = [name for name in data_files if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert missing == []
