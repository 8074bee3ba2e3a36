"""The script library as the desk uses it: load the shipped library directory
plus the published versions from the store, choose and render scripts for a call
phase, search them in Chinese, and remember the agent's pinned scripts.

The loaded ``Library`` is immutable; publishing builds a new one and tells the
subscribers, while a call in progress keeps the one it started with.
"""

from __future__ import annotations

import json
import os
import pickle
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from callcenter.domain.scripts.library import Library, SourceFile, build, call_loop_problems, with_overrides
from callcenter.domain.scripts.model import Script
from callcenter.domain.scripts.problems import Problem
from callcenter.services.privacy.files import write_private_text
from callcenter.services.site.resources import RESOURCES

SHIPPED_LIBRARY = RESOURCES / "scripts" / "library"
MAX_HITS = 200
CACHE_FORMAT = 2  # bump when the domain's Script shape changes
CACHE_NAME = "script-library.cache"


def read_sources(directory: Path) -> list[SourceFile]:
    """Every ``*.toml`` of a library directory, in name order; an unreadable file
    becomes a source that fails to parse (so it is reported, not fatal)."""
    out: list[SourceFile] = []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            out.append(SourceFile(str(path), "", unreadable=f"cannot read the file: {exc.strerror or exc}"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            out.append(SourceFile(str(path), "", unreadable=(
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x}; GBK?): save the file as UTF-8"),
                unreadable_line=line))
            continue
        out.append(SourceFile(str(path), text))
    return out


def _fingerprint(directory: Path) -> list[tuple[str, int, int]]:
    out = []
    with os.scandir(directory) as entries:
        for e in entries:
            if e.name.endswith(".toml") and e.is_file():
                st = e.stat()
                out.append((e.name, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


def load_directory(directory: Path, categories: Iterable[str] | None = None,
                   cache_dir: Path | None = None) -> Library:
    """Parse and check every file of ``directory``. With ``cache_dir`` the checked
    library is kept in a private cache file and reused while no file changed
    (same names, sizes and modification times): parsing TOML is the slow part."""
    cats = tuple(categories) if categories is not None else None
    if cache_dir is None:
        return build(read_sources(directory), categories=cats)
    key = (CACHE_FORMAT, str(Path(directory).resolve()), cats, _fingerprint(directory))
    cache = Path(cache_dir) / CACHE_NAME
    try:
        with open(cache, "rb") as fh:
            stored_key, library = pickle.load(fh)  # our own 0600 file in the user data dir
        if stored_key == key and isinstance(library, Library):
            return library
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
        pass
    library = build(read_sources(directory), categories=cats)
    try:
        tmp = cache.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, library), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a cache is an optimisation only
    return library


def check_directory(directory: Path, categories: Iterable[str] | None = None) -> list[Problem]:
    """What ``callcenter scripts check`` and the app's loader report."""
    if not Path(directory).is_dir():
        return [Problem(str(directory), 1, "not a directory")]
    library = build(read_sources(directory), categories=categories)
    return list(library.problems) + call_loop_problems(library, str(directory))


def _fold(text: str) -> str:
    """Full-width letters and digits to half-width, case folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class ScriptHit:
    script_id: str
    title: str
    text: str  # the source text (placeholders shown as written)
    pinned: bool
    guided: bool


class _SearchIndex:
    def __init__(self, library: Library, lang: str) -> None:
        self._rows: list[tuple[Script, str, str, str]] = []
        for s in library.scripts:
            title = _fold(s.title + " " + s.title_en)
            words = _fold(" ".join(s.keywords))
            says = " ".join(st.say.source for st in s.steps)
            body = _fold(s.text.source + " " + (s.text_en.source if s.text_en else "") + says)
            self._rows.append((s, title, words, body))
        self._lang = lang

    def search(self, query: str) -> list[tuple[int, Script]]:
        terms = [_fold(t) for t in query.split() if t.strip()]
        hits: list[tuple[int, Script]] = []
        for s, title, words, body in self._rows:
            if not terms:
                hits.append((3, s))
                continue
            score = 0
            for t in terms:
                if t in title:
                    continue
                if t in words:
                    score = max(score, 1)
                elif t in body:
                    score = max(score, 2)
                else:
                    break
            else:
                hits.append((score, s))
        return hits


class ScriptLibraryService:
    def __init__(
        self,
        directory: Path = SHIPPED_LIBRARY,
        *,
        categories: Iterable[str] | None = None,
        published: Callable[[], Sequence[SourceFile]] | None = None,
        pins_file: Path | None = None,
        cache_dir: Path | None = None,
        lang: str = "zh",
    ) -> None:
        self.directory = Path(directory)
        self._categories = tuple(categories) if categories is not None else None
        self._published = published
        self._pins_file = pins_file
        self._cache_dir = cache_dir
        self.lang = lang
        self._listeners: list[Callable[[Library], None]] = []
        self._pins: list[str] = self._read_pins()
        self._library = self._load()
        self._index: _SearchIndex | None = None  # built on the first search

    # ----- loading -------------------------------------------------------
    def _load(self) -> Library:
        base = load_directory(self.directory, self._categories, self._cache_dir)
        if self._published is None:
            return base
        return with_overrides(base, self._published(), categories=self._categories)

    @property
    def categories(self) -> tuple[str, ...] | None:
        return self._categories

    @property
    def library(self) -> Library:
        """The current published library; take it once per call and keep it."""
        return self._library

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._library.problems

    def reload(self) -> Library:
        self._library = self._load()
        self._index = None
        for fn in list(self._listeners):
            fn(self._library)
        return self._library

    def subscribe(self, fn: Callable[[Library], None]) -> None:
        self._listeners.append(fn)

    # ----- search and pins -------------------------------------------------
    def search(self, query: str, limit: int = MAX_HITS) -> list[ScriptHit]:
        """Scripts whose title, keywords or text hold every term of ``query``;
        pinned first, then title hits, keyword hits, text hits."""
        pins = {p: i for i, p in enumerate(self._pins)}
        if self._index is None:
            self._index = _SearchIndex(self._library, self.lang)
        hits = self._index.search(query)
        hits.sort(key=lambda h: (h[1].id not in pins, pins.get(h[1].id, 0), h[0], h[1].order, h[1].id))
        return [
            ScriptHit(s.id, s.title_for(self.lang), s.text_for(self.lang).source, s.id in pins, s.guided)
            for _score, s in hits[:limit]
        ]

    def pinned(self) -> list[str]:
        return list(self._pins)

    def toggle_pin(self, script_id: str) -> bool:
        """Pin or unpin; returns whether it is now pinned."""
        if script_id in self._pins:
            self._pins.remove(script_id)
            now = False
        else:
            self._pins.append(script_id)
            now = True
        self._write_pins()
        return now

    def _read_pins(self) -> list[str]:
        if self._pins_file is None:
            return []
        try:
            data = json.loads(self._pins_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [str(x) for x in data] if isinstance(data, list) else []

    def _write_pins(self) -> None:
        if self._pins_file is None:
            return
        try:
            write_private_text(self._pins_file, json.dumps(self._pins))
        except OSError:
            pass  # pins are a convenience; losing them must not disturb a call
