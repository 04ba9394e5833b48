"""Compile every message catalogue (``locale/<lang>/LC_MESSAGES/cluster_criteria.po``) to its ``.mo`` with Babel.

    python scripts/compile_catalogues.py          # write the .mo files
    python scripts/compile_catalogues.py --check  # exit 1 if a .mo is missing or differs from its .po

The .mo files are committed so that an install from a clone or a wheel needs no build step; the test suite runs the
check, so they never fall behind their sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cluster_criteria.i18n import BUILT_IN, DOMAIN, compile_po


def compiled() -> dict[Path, bytes]:
    """Every ``.mo`` path of the package's catalogues and the bytes it should hold."""
    return {
        source.with_suffix(".mo"): compile_po(source.read_bytes(), source.parent.parent.name)
        for source in sorted(BUILT_IN.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    }


def main(argv: list[str]) -> int:
    files = compiled()
    if "--check" in argv:
        stale = [path for path, data in files.items() if not path.is_file() or path.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(BUILT_IN.parent)}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in files.items():
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
