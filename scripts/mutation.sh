#!/usr/bin/env bash
# Mutation testing of the rules, the verdicts, the exact arithmetic and the Jilin 2024 rule set (mutmut 3).
# Slow (several minutes on two cores), so not part of every CI run. Needs the "mutation" extra:
#   pip install -e '.[mutation]'
# Usage: scripts/mutation.sh [--max-children N]      (default: 2)
# Prints the score (killed / (killed + survived)); mutants without a covering test count as survived.
# The scope and the test selection are in pyproject.toml, [tool.mutmut].
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
children=2
if [[ "${1:-}" == "--max-children" ]]; then children=$2; fi

rm -rf mutants
"$py" -m mutmut run --max-children "$children" >/dev/null 2>&1 || true
"$py" scripts/mutation_score.py
