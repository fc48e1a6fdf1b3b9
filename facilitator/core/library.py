"""The curriculum library: every shipped and clinic curriculum, with problems and search.

A bad file never stops the others loading: its problems are collected and it is left out.
Two files that claim one id are both named, and only the first (shipped before clinic,
then by file name) is loaded.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .curriculum import Curriculum, CurriculumSession, GroupType
from .loader import CurriculumError, Problem, load_curriculum_file
from .markup import plain_text

CURRICULUM_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SearchHit:
    """One place where a search matched: a curriculum, maybe a session, and where in it."""

    curriculum_id: str
    session_id: str | None
    where: str
    snippet: str


@dataclass(frozen=True)
class _Entry:
    curriculum_id: str
    session_id: str | None
    where: str
    text: str
    folded: str


@dataclass
class Library:
    """Loaded curricula plus every problem found while loading them."""

    curricula: tuple[Curriculum, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[Path, ...] = ()
    _index: list[_Entry] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def get(self, curriculum_id: str) -> Curriculum:
        for c in self.curricula:
            if c.id == curriculum_id:
                return c
        raise KeyError(f"no curriculum with id {curriculum_id!r} is loaded")

    def find(self, curriculum_id: str) -> Curriculum | None:
        try:
            return self.get(curriculum_id)
        except KeyError:
            return None

    def by_group_type(self, group_type: GroupType) -> list[Curriculum]:
        return [c for c in self.curricula if c.group_type is group_type]

    def problems_for(self, path: Path) -> list[Problem]:
        return [p for p in self.problems if Path(p.path) == path]

    def translation(self, curriculum: Curriculum, language: str) -> Curriculum | None:
        """The edition of ``curriculum`` in ``language``, if one is loaded.

        Editions pair by id: ``family-recovery`` and ``family-recovery-es`` are the English and
        Spanish editions of one curriculum, with the same session and handout ids.
        """
        if curriculum.language == language:
            return curriculum
        base = base_id(curriculum)
        for c in self.curricula:
            if c.language == language and base_id(c) == base:
                return c
        return None

    def edition_base(self, curriculum_id: str) -> str:
        """The id every edition of the curriculum shares; an id that is not loaded stands for itself."""
        curriculum = self.find(curriculum_id)
        return base_id(curriculum) if curriculum is not None else curriculum_id

    def editions(self, curriculum: Curriculum) -> list[Curriculum]:
        base = base_id(curriculum)
        return [c for c in self.curricula if base_id(c) == base]

    # -- search -----------------------------------------------------------------------

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Places whose text holds every word of ``query`` (case- and accent-blind)."""
        words = _fold(query).split()
        if not words:
            return []
        if self._index is None:
            self._index = list(_build_index(self.curricula))
        hits: list[SearchHit] = []
        for entry in self._index:
            if all(w in entry.folded for w in words):
                hits.append(SearchHit(entry.curriculum_id, entry.session_id, entry.where, _snippet(entry, words[0])))
                if len(hits) >= limit:
                    break
        return hits


def base_id(curriculum: Curriculum) -> str:
    suffix = "-" + curriculum.language.lower()
    if curriculum.language != "en" and curriculum.id.endswith(suffix):
        return curriculum.id[: -len(suffix)]
    return curriculum.id


def curriculum_files(folder: Path) -> list[Path]:
    """The curriculum files directly inside a folder, by name; a missing folder has none."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in CURRICULUM_SUFFIXES and p.is_file())
    except OSError:
        return []


def load_library(
    shipped_dir: Path | None,
    clinic_dir: Path | None = None,
    extra: Sequence[Path] = (),
) -> Library:
    """Load shipped curricula, then the clinic folder, then any extra files or folders."""
    sources: list[tuple[Path, bool]] = []
    if shipped_dir is not None:
        sources += [(p, True) for p in curriculum_files(shipped_dir)]
    if clinic_dir is not None:
        sources += [(p, False) for p in curriculum_files(clinic_dir)]
    for path in extra:
        if path.is_dir():
            sources += [(p, False) for p in curriculum_files(path)]
        else:
            sources.append((path, False))
    return load_files(sources)


_FileKey = tuple[int, int, bool]  # size, modification time (ns), shipped
_parsed: dict[Path, tuple[_FileKey, Curriculum | None, list[Problem]]] = {}


def _load_cached(path: Path, shipped: bool) -> tuple[Curriculum | None, list[Problem]]:
    """Parse a file, or reuse the last parse while its size and modification time hold.

    The watched clinic folder reloads the whole library whenever one file changes; this keeps
    that to the cost of the changed file.
    """
    try:
        stat = path.stat()
        key: _FileKey | None = (stat.st_size, stat.st_mtime_ns, shipped)
    except OSError:
        key = None
    cached = _parsed.get(path)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1], cached[2]
    try:
        curriculum, problems = load_curriculum_file(path, shipped=shipped), []
    except CurriculumError as exc:
        curriculum, problems = None, exc.problems
    if key is not None:
        _parsed[path] = (key, curriculum, problems)
    return curriculum, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while YAML nodes pile up, then restore it.

    Composing a file makes tens of thousands of short-lived node objects; the collector kept
    walking them (and every curriculum already loaded), a sixth of a 200-file load. Nothing
    here makes reference cycles that need it, and its previous state is put back.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_files(sources: Iterable[tuple[Path, bool]]) -> Library:
    """Load each (path, shipped) pair; report duplicate ids naming both files."""
    with _collector_paused():
        return _load_files(sources)


def _load_files(sources: Iterable[tuple[Path, bool]]) -> Library:
    loaded: list[Curriculum] = []
    problems: list[Problem] = []
    files: list[Path] = []
    first_by_id: dict[str, Curriculum] = {}
    seen_paths: set[Path] = set()
    for path, shipped in sources:
        key = path.resolve() if path.exists() else path
        if key in seen_paths:
            continue
        seen_paths.add(key)
        files.append(path)
        curriculum, file_problems = _load_cached(path, shipped)
        if curriculum is None:
            problems += file_problems
            continue
        other = first_by_id.get(curriculum.id)
        if other is not None:
            line_here, line_there = _id_line(path), _id_line(other.source)
            problems.append(
                Problem(str(path), line_here, 1, f"curriculum id {curriculum.id!r} is already used by {other.source}:{line_there}; this file is not loaded")
            )
            problems.append(
                Problem(str(other.source), line_there, 1, f"curriculum id {curriculum.id!r} is also used by {path}:{line_here}")
            )
            continue
        first_by_id[curriculum.id] = curriculum
        loaded.append(curriculum)
    return Library(curricula=tuple(loaded), problems=tuple(problems), files=tuple(files))


_ID_LINE = re.compile(r"^id\s*:", re.M)


def _id_line(path: Path | None) -> int:
    """The line of a file's top-level ``id:`` key (it loaded, so the key is there)."""
    if path is None:
        return 1
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return 1
    match = _ID_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


# -- search index ------------------------------------------------------------------------

_ACCENTS = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ", "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC")


def _fold(text: str) -> str:
    return text.translate(_ACCENTS).casefold()


def _entry(c: Curriculum, s: CurriculumSession | None, where: str, text: str) -> _Entry:
    return _Entry(c.id, s.id if s else None, where, text, _fold(text))


def _build_index(curricula: Iterable[Curriculum]) -> Iterable[_Entry]:
    for c in curricula:
        yield _entry(c, None, "Curriculum title", c.title)
        yield _entry(c, None, "Summary", c.summary)
        for s in c.sessions:
            yield _entry(c, s, "Session title", s.title)
            yield _entry(c, s, "Objectives", "\n".join(s.objectives))
            for item in s.agenda:
                body = "\n".join([item.title, item.script, *item.prompts, item.display])
                yield _entry(c, s, f"Agenda: {item.title}", body)
                if item.role_play:
                    rp = item.role_play
                    parts = [rp.scenario, *rp.debrief]
                    for role in rp.roles:
                        parts += [role.name, role.brief, *role.checklist]
                    yield _entry(c, s, f"Role play: {item.title}", "\n".join(parts))
            for h in s.handouts:
                prompts = [f.prompt for f in h.worksheet]
                yield _entry(c, s, f"Handout: {h.title}", "\n".join([h.title, plain_text(h.body), *prompts]))


def _snippet(entry: _Entry, word: str, width: int = 90) -> str:
    text = " ".join(entry.text.split())
    folded = _fold(text)
    at = folded.find(word)
    if at < 0:
        return text[:width]
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
