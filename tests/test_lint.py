"""House rules as tests: ruff, mypy on the pure layers, import-linter layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "cmd",
    [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "mypy")],  # domain, services, telephony (pyproject [tool.mypy])
        [str(BIN / "lint-imports")],
    ],
    ids=["ruff", "mypy", "import-linter"],
)
def test_tool_is_clean(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


FEATURE_LAYERS = ("services", "ui")
FEATURE_CONTRACTS = {
    "Feature UIs do not import each other",
    "Outage, script, callback and alert UIs never import the ticket UI",
    "No service feature drives the call loop",
    "Demo data is seeded from outside the features",
    "Outage, callback and alert services do not import each other",
    "Customers and alerts are leaves over the storage",
}


def test_the_feature_contracts_are_configured() -> None:
    """lint-imports above runs every contract; this keeps the feature ones from
    being dropped quietly."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {c["name"] for c in config["tool"]["importlinter"]["contracts"]}
    assert FEATURE_CONTRACTS <= names, FEATURE_CONTRACTS - names


@pytest.mark.parametrize("layer", FEATURE_LAYERS)
def test_features_live_in_their_own_packages(layer: str) -> None:
    top = ROOT / "callcenter" / layer
    loose = sorted(p.name for p in top.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"feature modules at the top of {layer}/: put them in a feature package"
    for pkg in sorted(p for p in top.iterdir() if p.is_dir() and p.name != "__pycache__"):
        init = pkg / "__init__.py"
        assert init.exists(), f"{pkg} is not a package"
        doc = init.read_text(encoding="utf-8").strip()
        assert doc.startswith('"""') and len(doc) > 10, f"{init} needs a one-line docstring"
        modules = [p for p in pkg.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 13, f"{pkg} holds {len(modules)} modules; split the feature"


def test_no_module_is_over_500_lines() -> None:
    long = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in sorted((ROOT / "callcenter").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    ]
    assert long == []


@pytest.mark.parametrize("layer", FEATURE_LAYERS)
def test_the_readme_layout_names_every_feature_package(layer: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):readme.index("Layering is enforced")]
    top = ROOT / "callcenter" / layer
    missing = sorted(p.name for p in top.iterdir()
                     if p.is_dir() and p.name != "__pycache__" and p.name not in layout)
    assert missing == [], f"README's layout section does not name {layer}/{missing}"
