"""Small builders shared by the script tests."""

from __future__ import annotations

from pathlib import Path

from callcenter.domain.scripts.library import Library, SourceFile, build
from callcenter.services.scripts.library import SHIPPED_LIBRARY, read_sources

CATEGORIES = ("fault_repair", "inquiry", "service_request", "complaint", "report", "opinion",
              "suggestion", "praise")


def shipped() -> Library:
    return build(read_sources(SHIPPED_LIBRARY), categories=CATEGORIES)


def lib(*texts: str) -> Library:
    return build([SourceFile(f"s{i}.toml", t) for i, t in enumerate(texts)], categories=CATEGORIES)


def copy_shipped(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for p in SHIPPED_LIBRARY.glob("*.toml"):
        (dest / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return dest
