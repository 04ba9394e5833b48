"""Print the mutation score of the last ``mutmut run``: killed / (killed + survived + without a test), per file."""

from __future__ import annotations

import collections
import re
import subprocess
import sys


def main() -> int:
    listing = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    by_file: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        # mutmut names mutants <module>.x_<function>__mutmut_<n> or <module>.xǁ<Class>ǁ<method>__mutmut_<n>
        module = re.split(r"\.x[_ǁ]", name, maxsplit=1)[0]
        by_file[module][status] += 1
    total: collections.Counter[str] = collections.Counter()
    for module in sorted(by_file):
        counts = by_file[module]
        total.update(counts)
        print(f"{module:<45} {_line(counts)}")
    print(f"{'all':<45} {_line(total)}")
    return 0


def _line(counts: collections.Counter[str]) -> str:
    killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
    considered = killed + counts["survived"] + counts["no tests"]
    score = 100 * killed / considered if considered else 100.0
    return f"{score:6.1f} %  killed {killed}, survived {counts['survived']}, without a test {counts['no tests']}"


if __name__ == "__main__":
    raise SystemExit(main())
