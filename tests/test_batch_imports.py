"""Import stays cheap: the package and the command-line parser load no heavy dependency until one is used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "babel", "dateutil", "cluster_criteria.batch", "concurrent.futures.process")


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()
    return [name for name in HEAVY if name in out]


def test_importing_the_package_loads_no_heavy_module() -> None:
    """``import cluster_criteria`` loads neither pydantic, Babel, dateutil nor the batch machinery."""
    assert _loaded_after("import cluster_criteria") == []


def test_building_the_command_line_parser_loads_no_heavy_module() -> None:
    """Every subcommand registers without importing what only its run needs."""
    assert _loaded_after("from cluster_criteria.cli import build_parser\nbuild_parser()") == []


def test_evaluate_many_is_available_from_the_package_root() -> None:
    """``from cluster_criteria import evaluate_many`` gives the batch function, loaded on first use."""
    from cluster_criteria import evaluate_many
    from cluster_criteria.batch import evaluate_many as batch_evaluate_many

    assert evaluate_many is batch_evaluate_many
