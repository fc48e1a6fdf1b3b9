"""Read one curriculum file and check it against format version 1.

The loader composes YAML into nodes (which keep line and column) and validates the nodes
directly, so every message can point at the offending key or value. It collects every
problem in a file rather than stopping at the first, and it raises nothing but
:class:`CurriculumError` whatever bytes it is given.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import limits
from .curriculum import (
    AUDIENCES,
    AgendaItem,
    ChecklistField,
    Curriculum,
    CurriculumSession,
    GroupType,
    Handout,
    ItemKind,
    LinesField,
    Phase,
    Role,
    RolePlay,
    ScaleField,
    WorksheetField,
)

FORMAT_VERSION = 1
SLUG_RE = re.compile(r"^[a-z0-9-]+$")
# BCP 47, the forms a clinic will meet: language, optional script/region/variants.
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SESSION_MINUTES_RANGE = (15, 300)
LINES_RANGE = (1, 20)
ROLES_RANGE = (2, 6)

_INT_TAG = "tag:yaml.org,2002:int"
_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
_UNRESOLVED = "?"


class _LazyResolver(yaml.resolver.BaseResolver):
    """Leave plain scalars untagged while composing; ``_tag`` resolves the few we inspect.

    Resolving every scalar's implicit tag runs regular expressions in Python and took a
    third of the load time; most scalars are text whose tag is never asked for.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _UNRESOLVED if implicit[0] else _STR_TAG
        return super().resolve(kind, value, implicit)

    # The composer calls these for every node; with no path resolvers they have nothing to do.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


try:  # libyaml's C parser; PyYAML wheels ship it
    from yaml.cyaml import CParser as _CParser

    class _Loader(_CParser, _LazyResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _LazyResolver.__init__(self)

except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _LazyResolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _LazyResolver.__init__(self)


_FULL_RESOLVER = yaml.resolver.Resolver()


_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))  # YAML 1.1's null, as PyYAML resolves it


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.value in _NULL_WORDS and node.style in (None, "") and _tag(node) == _NULL_TAG


def _tag(node: Node) -> str:
    """The node's tag, resolving a plain scalar's implicit tag on first use."""
    if node.tag == _UNRESOLVED:
        node.tag = _FULL_RESOLVER.resolve(ScalarNode, node.value, (True, False))
    return node.tag


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class CurriculumError(Exception):
    """A curriculum file could not be loaded; ``problems`` holds every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Invalid(Exception):
    """Internal: a value was wrong and has already been reported."""


def load_curriculum(data: bytes | str, path: str | Path, *, shipped: bool = False) -> Curriculum:
    """Parse and validate curriculum text; raise CurriculumError listing every problem."""
    curriculum, problems = check_curriculum(data, path, shipped=shipped)
    if curriculum is None:
        raise CurriculumError(problems)
    return curriculum


def load_curriculum_file(path: str | Path, *, shipped: bool = False) -> Curriculum:
    """Read a file and load it; an unreadable or oversized file is a CurriculumError too.

    The size is checked before a byte is read: parsing holds several times the file in memory
    (a 150 MB file took 900 MB), so a file over ``limits.CURRICULUM_FILE_MAX_BYTES`` is refused by name.
    """
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            too_big = limits.file_too_big(size, limits.CURRICULUM_FILE_MAX_BYTES, "curriculum file", Path(path).name)
            if too_big:
                raise CurriculumError([Problem(str(path), 1, 1, too_big)])
            # Read at most one byte past the limit: a file that grows while read is still refused.
            data = fh.read(limits.CURRICULUM_FILE_MAX_BYTES + 1)
    except OSError as exc:
        raise CurriculumError([Problem(str(path), 1, 1, f"cannot read file: {exc.strerror or exc}")]) from exc
    if len(data) > limits.CURRICULUM_FILE_MAX_BYTES:
        too_big = limits.file_too_big(len(data), limits.CURRICULUM_FILE_MAX_BYTES, "curriculum file", Path(path).name)
        raise CurriculumError([Problem(str(path), 1, 1, str(too_big))])
    return load_curriculum(data, path, shipped=shipped)


def check_curriculum(
    data: bytes | str, path: str | Path, *, shipped: bool = False
) -> tuple[Curriculum | None, list[Problem]]:
    """Validate curriculum text; return the curriculum (None if any problem) and the problems."""
    checker = _Checker(str(path))
    if len(data) > limits.CURRICULUM_FILE_MAX_BYTES:
        checker.report(None, str(limits.file_too_big(
            len(data), limits.CURRICULUM_FILE_MAX_BYTES, "curriculum file", Path(path).name)))
        return None, checker.problems
    text = checker.decode(data)
    if text is None:
        return None, checker.problems
    root = checker.compose(text)
    if root is None:
        return None, checker.problems
    try:
        curriculum = checker.curriculum(root, Path(path), shipped)
    except _Invalid:
        curriculum = None
    except RecursionError:
        checker.report(root, "the file is nested too deeply to read")
        curriculum = None
    if checker.problems:
        return None, sorted(set(checker.problems))
    return curriculum, []


# --------------------------------------------------------------------------- internals


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if _tag(node) == _NULL_TAG:
        return "nothing"
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if _tag(node) == _STR_TAG:
        return f"text {value!r}"
    return repr(value)


def _value_of(node: Node, key: str) -> Node:
    """The value node of ``key`` in a mapping node (the node itself if it is not there)."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return node


def _line_col_of_offset(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return line, column


class _Mapping:
    """A YAML mapping's keys and value nodes, after duplicate and unknown keys are reported."""

    def __init__(self, checker: _Checker, node: MappingNode, where: str, known: dict[str, bool]):
        self.node = node
        self.where = where
        self.values: dict[str, Node] = {}
        self.key_nodes: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or _is_null(key_node):
                checker.report(key_node, f"{where}: keys must be plain words, not {_describe(key_node)}")
                continue
            key = key_node.value
            if key in self.values:
                first = _pos(self.key_nodes[key])[0]
                checker.report(key_node, f"{where}: duplicate key {key!r} (first used on line {first})")
                continue
            if key not in known:
                hint = difflib.get_close_matches(key, list(known), n=1, cutoff=0.7)
                suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
                allowed = ", ".join(known)
                checker.report(
                    key_node,
                    f"{where}: unknown key {key!r}{suggestion}; allowed keys are {allowed}",
                )
                continue
            self.values[key] = value_node
            self.key_nodes[key] = key_node
        missing = [k for k, required in known.items() if required and k not in self.values]
        for key in missing:
            checker.report(node, f"{where}: missing required key {key!r}")

    def get(self, key: str) -> Node | None:
        return self.values.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self.values


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.text_source = ""

    # -- reporting -----------------------------------------------------------------

    def report(self, node: Node | None, message: str, line: int = 1, column: int = 1) -> None:
        if node is not None:
            line, column = _pos(node)
        self.problems.append(Problem(self.path, line, column, message))

    def fail(self, node: Node, message: str) -> _Invalid:
        self.report(node, message)
        return _Invalid()

    # -- reading -------------------------------------------------------------------

    def decode(self, data: bytes | str) -> str | None:
        if isinstance(data, str):
            return data
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            good = data[: exc.start].decode("utf-8", errors="replace")
            line, column = _line_col_of_offset(good, len(good))
            self.report(None, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})", line, column)
            return None

    def compose(self, text: str) -> Node | None:
        self.text_source = text
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            reason = " ".join(str(x) for x in (exc.context, exc.problem) if x)
            self.report(None, f"YAML syntax error: {reason}", line, column)
            return None
        except yaml.reader.ReaderError as exc:
            line, column = _line_col_of_offset(text, max(0, int(exc.position)))
            self.report(None, f"the file holds a character YAML does not allow: {exc.reason}", line, column)
            return None
        except (yaml.YAMLError, ValueError) as exc:
            self.report(None, f"YAML syntax error: {exc}")
            return None
        except RecursionError:
            self.report(None, "the file is nested too deeply to read")
            return None
        if root is None:
            self.report(None, "the file is empty; a curriculum starts with 'format: 1'")
            return None
        return root

    # -- scalar and list helpers -----------------------------------------------------

    def mapping(self, node: Node, where: str, known: dict[str, bool]) -> _Mapping:
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{where} must be a mapping of keys and values, not {_describe(node)}")
        if node.flow_style:
            node = self._rejoin_flow_commas(node)
        return _Mapping(self, node, where, known)

    def _rejoin_flow_commas(self, node: MappingNode) -> MappingNode:
        """Read ``{brief: Keep offering, kindly at first.}`` as the author meant it.

        In a ``{...}`` mapping strict YAML ends plain text at a comma, so the words after it
        become a key with no value. A plain key with no colon after a plain text value is
        folded back into that value, comma and all; anything else is left for the checks.
        """
        pairs: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if pairs and self._is_stray_words(key_node, value_node):
                prev_key, prev_value = pairs[-1]
                if isinstance(prev_value, ScalarNode) and _tag(prev_value) == _STR_TAG and prev_value.style in (None, ""):
                    joined = ScalarNode(
                        _STR_TAG,
                        f"{prev_value.value}, {key_node.value}",
                        prev_value.start_mark,
                        key_node.end_mark,
                    )
                    pairs[-1] = (prev_key, joined)
                    continue
            pairs.append((key_node, value_node))
        return MappingNode(node.tag, pairs, node.start_mark, node.end_mark, flow_style=True)

    def _is_stray_words(self, key_node: Node, value_node: Node) -> bool:
        if not (isinstance(key_node, ScalarNode) and key_node.style in (None, "") and _tag(key_node) == _STR_TAG):
            return False
        if not (isinstance(value_node, ScalarNode) and _tag(value_node) == _NULL_TAG and value_node.value == ""):
            return False
        rest = self.text_source[key_node.end_mark.index :].lstrip()
        return rest[:1] in (",", "}")

    def text(self, node: Node, where: str) -> str:
        if not isinstance(node, ScalarNode) or _is_null(node):
            raise self.fail(node, f"{where} must be text, not {_describe(node)}")
        value = node.value.strip()
        if not value:
            raise self.fail(node, f"{where} must not be empty")
        return value

    def integer(self, node: Node, where: str, low: int | None = None, high: int | None = None) -> int:
        if not isinstance(node, ScalarNode) or _tag(node) != _INT_TAG:
            raise self.fail(node, f"{where} must be a whole number, not {_describe(node)}")
        try:
            value = int(node.value.replace("_", ""), 0)
        except ValueError:
            try:
                value = int(node.value.replace("_", ""))
            except ValueError:
                raise self.fail(node, f"{where} must be a whole number, not {_describe(node)}") from None
        if low is not None and high is not None and not low <= value <= high:
            raise self.fail(node, f"{where} must be between {low} and {high}, not {value}")
        if low is not None and value < low:
            raise self.fail(node, f"{where} must be at least {low}, not {value}")
        return value

    def sequence(self, node: Node, where: str, at_least: int = 0) -> list[Node]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{where} must be a list, not {_describe(node)}")
        if len(node.value) < at_least:
            noun = "item" if at_least == 1 else "items"
            raise self.fail(node, f"{where} must have at least {at_least} {noun}")
        return list(node.value)

    def text_list(self, node: Node, where: str, at_least: int = 0) -> tuple[str, ...]:
        values = []
        ok = True
        for i, item in enumerate(self.sequence(node, where, at_least), start=1):
            try:
                values.append(self.text(item, f"{where} item {i}"))
            except _Invalid:
                ok = False
        if not ok:
            raise _Invalid()
        return tuple(values)

    def slug(self, node: Node, where: str) -> str:
        value = self.text(node, where)
        if not SLUG_RE.match(value):
            raise self.fail(node, f"{where} must use only lowercase letters, digits and '-', not {value!r}")
        return value

    def choice(self, node: Node, where: str, choices: tuple[str, ...]) -> str:
        value = self.text(node, where)
        if value not in choices:
            hint = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise self.fail(node, f"{where} must be one of {', '.join(choices)}, not {value!r}{suggestion}")
        return value

    def each(self, nodes: list[Node], build: Callable[[Node, int], Any]) -> list[Any]:
        """Build every element, reporting all failures, and return the good ones."""
        out, ok = [], True
        for i, node in enumerate(nodes, start=1):
            try:
                out.append(build(node, i))
            except _Invalid:
                ok = False
        if not ok:
            raise _Invalid()
        return out

    def field(self, m: _Mapping, key: str, build: Callable[[Node, str], Any], default: Any = None) -> Any:
        """Build one optional or required field, turning failure into a recorded problem."""
        node = m.get(key)
        if node is None:
            if default is _REQUIRED:
                raise _Invalid()  # the mapping already reported it missing
            return default
        return build(node, f"{m.where}: {key!r}")

    # -- the format --------------------------------------------------------------------

    def curriculum(self, root: Node, path: Path, shipped: bool) -> Curriculum:
        m = self.mapping(root, "the curriculum", TOP_KEYS)
        results: dict[str, Any] = {}
        failed = False

        def take(key: str, build: Callable[[Node, str], Any], default: Any = None) -> None:
            nonlocal failed
            try:
                results[key] = self.field(m, key, build, default)
            except _Invalid:
                failed = True

        take("format", lambda n, w: self._format(n), _REQUIRED)
        if failed:
            # Another format version: the other keys may mean something else entirely.
            raise _Invalid()
        take("id", self.slug, _REQUIRED)
        take("title", self.text, _REQUIRED)
        take("group_type", lambda n, w: GroupType(self.choice(n, w, GROUP_TYPES)), _REQUIRED)
        take("summary", self.text, _REQUIRED)
        take("audience", lambda n, w: self.choice(n, w, AUDIENCES), "adults")
        take("language", self._language, "en")
        take("session_minutes", lambda n, w: self.integer(n, w, *SESSION_MINUTES_RANGE), _REQUIRED)
        take("references", self.text_list, ())
        take("reviewed", self._date, None)
        take("focus", self.text, "")
        group_type = results.get("group_type")
        if group_type is GroupType.SINGLE_INTEREST and "focus" not in m:
            self.report(root, "the curriculum: 'focus' is required when group_type is single_interest")
            failed = True
        elif group_type not in (None, GroupType.SINGLE_INTEREST) and "focus" in m:
            self.report(m.key_nodes["focus"], "the curriculum: 'focus' is only for single_interest curricula")
            failed = True
        default_minutes = results.get("session_minutes")
        try:
            sessions = self.field(m, "sessions", lambda n, w: self._sessions(n, default_minutes), _REQUIRED)
        except _Invalid:
            raise _Invalid() from None
        if failed:
            raise _Invalid()
        return Curriculum(
            id=results["id"],
            title=results["title"],
            group_type=results["group_type"],
            summary=results["summary"],
            session_minutes=results["session_minutes"],
            sessions=tuple(sessions),
            focus=results["focus"],
            audience=results["audience"],
            language=results["language"],
            references=results["references"],
            reviewed=results["reviewed"],
            source=path,
            shipped=shipped,
        )

    def _format(self, node: Node) -> int:
        value = self.integer(node, "the curriculum: 'format'")
        if value != FORMAT_VERSION:
            raise self.fail(
                node,
                f"the curriculum: 'format' is {value}, but this version of Facilitator reads format "
                f"{FORMAT_VERSION} only",
            )
        return value

    def _language(self, node: Node, where: str) -> str:
        value = self.text(node, where)
        if not LANGUAGE_RE.match(value):
            raise self.fail(node, f"{where} must be a BCP 47 language tag such as en, es or pt-BR, not {value!r}")
        return value

    def _date(self, node: Node, where: str) -> date:
        """A calendar date written YYYY-MM-DD (plain or quoted: YAML would read either)."""
        if not isinstance(node, ScalarNode) or _is_null(node):
            raise self.fail(node, f"{where} must be a date written YYYY-MM-DD, such as 2026-11-26, not {_describe(node)}")
        value = node.value.strip()
        try:
            if not DATE_RE.match(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(
                node, f"{where} must be a real date written YYYY-MM-DD, such as 2026-11-26, not {value!r}"
            ) from None

    def _sessions(self, node: Node, default_minutes: int | None) -> list[CurriculumSession]:
        nodes = self.sequence(node, "the curriculum: 'sessions'", at_least=1)
        sessions: list[CurriculumSession] = self.each(nodes, lambda n, i: self._session(n, i, default_minutes))
        self._unique([(s.id, _value_of(nodes[i], "id")) for i, s in enumerate(sessions)], "session id")
        handout_ids: list[tuple[str, Node]] = []
        for i, session in enumerate(sessions):
            handout_nodes = self._child_list(nodes[i], "handouts")
            handout_ids += [(h.id, _value_of(handout_nodes[j], "id")) for j, h in enumerate(session.handouts)]
        self._unique(handout_ids, "handout id")
        return sessions

    def _child_list(self, node: Node, key: str) -> list[Node]:
        assert isinstance(node, MappingNode)
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key and isinstance(v, SequenceNode):
                return list(v.value)
        return []

    def _unique(self, ids: list[tuple[str, Node]], what: str) -> None:
        seen: dict[str, Node] = {}
        duplicate = False
        for value, node in ids:
            if value in seen:
                first = _pos(seen[value])[0]
                self.report(node, f"{what} {value!r} is used twice (first on line {first})")
                duplicate = True
            else:
                seen[value] = node
        if duplicate:
            raise _Invalid()

    def _session(self, node: Node, number: int, default_minutes: int | None) -> CurriculumSession:
        where = f"session {number}"
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode) and v.value:
                    where = f"session {number} ({v.value})"
        m = self.mapping(node, where, SESSION_KEYS)
        values: dict[str, Any] = {}
        failed = False
        builders: list[tuple[str, Callable[[Node, str], Any], Any]] = [
            ("id", self.slug, _REQUIRED),
            ("title", self.text, _REQUIRED),
            ("minutes", lambda n, w: self.integer(n, w, *SESSION_MINUTES_RANGE), default_minutes),
            ("objectives", lambda n, w: self.text_list(n, w, at_least=1), _REQUIRED),
            ("materials", self.text_list, ()),
            ("agenda", lambda n, w: self._agenda(n, where), _REQUIRED),
            ("handouts", lambda n, w: self._handouts(n, where), ()),
        ]
        for key, build, default in builders:
            try:
                values[key] = self.field(m, key, build, default)
            except _Invalid:
                failed = True
        if failed or values["minutes"] is None:
            raise _Invalid()
        agenda: list[AgendaItem] = values["agenda"]
        total = sum(item.minutes for item in agenda)
        if total != values["minutes"]:
            source = "the session" if "minutes" in m else "session_minutes"
            raise self.fail(
                m.key_nodes["agenda"],
                f"{where}: the agenda adds up to {total} minutes, but {source} is {values['minutes']} minutes",
            )
        return CurriculumSession(
            id=values["id"],
            title=values["title"],
            minutes=values["minutes"],
            objectives=values["objectives"],
            agenda=tuple(agenda),
            materials=values["materials"],
            handouts=tuple(values["handouts"]),
        )

    def _agenda(self, node: Node, session_where: str) -> list[AgendaItem]:
        nodes = self.sequence(node, f"{session_where}: 'agenda'", at_least=1)
        return self.each(nodes, lambda n, i: self._item(n, f"{session_where}, agenda item {i}"))

    def _item(self, node: Node, where: str) -> AgendaItem:
        m = self.mapping(node, where, ITEM_KEYS)
        values: dict[str, Any] = {}
        failed = False
        builders: list[tuple[str, Callable[[Node, str], Any], Any]] = [
            ("title", self.text, _REQUIRED),
            ("kind", lambda n, w: ItemKind(self.choice(n, w, ITEM_KINDS)), _REQUIRED),
            ("minutes", lambda n, w: self.integer(n, w, low=1), _REQUIRED),
            ("script", self.text, ""),
            ("prompts", self.text_list, ()),
            ("display", self.text, ""),
        ]
        for key, build, default in builders:
            try:
                values[key] = self.field(m, key, build, default)
            except _Invalid:
                failed = True
        kind = values.get("kind")
        role_play = None
        rp_node = m.get("role_play")
        if kind is ItemKind.ROLE_PLAY and rp_node is None:
            self.report(node, f"{where}: a role-play item needs a 'role_play' section")
            failed = True
        elif kind is not None and kind is not ItemKind.ROLE_PLAY and rp_node is not None:
            self.report(
                m.key_nodes["role_play"],
                f"{where}: 'role_play' is only allowed when kind is 'role-play' (kind is {kind.value!r})",
            )
            failed = True
        elif rp_node is not None:
            try:
                role_play = self._role_play(rp_node, f"{where}, role play", values.get("minutes"))
            except _Invalid:
                failed = True
        ratings = None
        ratings_node = m.get("ratings")
        if ratings_node is not None and kind is not None and kind is not ItemKind.CHECK_IN:
            self.report(
                m.key_nodes["ratings"],
                f"{where}: 'ratings' is only allowed when kind is 'check-in' (kind is {kind.value!r})",
            )
            failed = True
        elif ratings_node is not None:
            try:
                ratings = self._ratings(ratings_node, f"{where}: 'ratings'")
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        return AgendaItem(role_play=role_play, ratings=ratings, **values)

    def _ratings(self, node: Node, where: str) -> tuple[str, ...]:
        """The ratings a check-in collects, by name (craving, confidence, stress); each once."""
        from .measures import RATING_SCALES

        names = tuple(self.each(self.sequence(node, where), lambda n, i: self.choice(n, f"{where} item {i}", tuple(RATING_SCALES))))
        for i, name in enumerate(names):
            if name in names[:i]:
                self.report(node, f"{where}: {name!r} is named twice")
                raise _Invalid()
        return names

    def _role_play(self, node: Node, where: str, item_minutes: int | None) -> RolePlay:
        m = self.mapping(node, where, ROLE_PLAY_KEYS)
        values: dict[str, Any] = {}
        failed = False
        builders: list[tuple[str, Callable[[Node, str], Any], Any]] = [
            ("scenario", self.text, _REQUIRED),
            ("roles", lambda n, w: self._roles(n, where), _REQUIRED),
            ("phases", lambda n, w: self._phases(n, where), _REQUIRED),
            ("rounds", lambda n, w: self.integer(n, w, low=1), 1),
            ("debrief", self.text_list, ()),
        ]
        for key, build, default in builders:
            try:
                values[key] = self.field(m, key, build, default)
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        role_play = RolePlay(
            scenario=values["scenario"],
            roles=tuple(values["roles"]),
            phases=tuple(values["phases"]),
            rounds=values["rounds"],
            debrief=values["debrief"],
        )
        if item_minutes is not None and role_play.total_minutes > item_minutes:
            raise self.fail(
                m.key_nodes["phases"],
                f"{where}: the phases take {role_play.round_minutes} minutes x {role_play.rounds} "
                f"rounds = {role_play.total_minutes} minutes, more than the item's {item_minutes} minutes",
            )
        return role_play

    def _roles(self, node: Node, where: str) -> list[Role]:
        nodes = self.sequence(node, f"{where}: 'roles'")
        low, high = ROLES_RANGE
        if not low <= len(nodes) <= high:
            raise self.fail(node, f"{where}: 'roles' must list {low} to {high} roles, not {len(nodes)}")

        def build(n: Node, i: int) -> Role:
            rm = self.mapping(n, f"{where}, role {i}", ROLE_KEYS)
            name = self.field(rm, "name", self.text, _REQUIRED)
            brief = self.field(rm, "brief", self.text, _REQUIRED)
            checklist = self.field(rm, "checklist", self.text_list, ())
            return Role(name=name, brief=brief, checklist=checklist)

        roles: list[Role] = self.each(nodes, build)
        self._unique([(r.name, _value_of(nodes[i], "name")) for i, r in enumerate(roles)], f"{where}: role name")
        return roles

    def _phases(self, node: Node, where: str) -> list[Phase]:
        nodes = self.sequence(node, f"{where}: 'phases'", at_least=1)

        def build(n: Node, i: int) -> Phase:
            pm = self.mapping(n, f"{where}, phase {i}", PHASE_KEYS)
            name = self.field(pm, "name", self.text, _REQUIRED)
            minutes = self.field(pm, "minutes", lambda v, w: self.integer(v, w, low=1), _REQUIRED)
            return Phase(name=name, minutes=minutes)

        return self.each(nodes, build)

    def _handouts(self, node: Node, session_where: str) -> list[Handout]:
        nodes = self.sequence(node, f"{session_where}: 'handouts'")

        def build(n: Node, i: int) -> Handout:
            where = f"{session_where}, handout {i}"
            hm = self.mapping(n, where, HANDOUT_KEYS)
            values: dict[str, Any] = {}
            failed = False
            for key, b, default in (
                ("id", self.slug, _REQUIRED),
                ("title", self.text, _REQUIRED),
                ("body", self.text, _REQUIRED),
                ("worksheet", lambda v, w: self._worksheet(v, where), ()),
            ):
                try:
                    values[key] = self.field(hm, key, b, default)
                except _Invalid:
                    failed = True
            if failed:
                raise _Invalid()
            values["worksheet"] = tuple(values["worksheet"])
            return Handout(**values)

        return self.each(nodes, build)

    def _worksheet(self, node: Node, handout_where: str) -> list[WorksheetField]:
        nodes = self.sequence(node, f"{handout_where}: 'worksheet'")
        return self.each(nodes, lambda n, i: self._worksheet_field(n, f"{handout_where}, worksheet field {i}"))

    def _worksheet_field(self, node: Node, where: str) -> WorksheetField:
        m = self.mapping(node, where, FIELD_KEYS)
        kinds = [k for k in ("lines", "checklist", "scale") if k in m]
        if not kinds:
            raise self.fail(node, f"{where}: needs one of 'lines', 'checklist' or 'scale'")
        if len(kinds) > 1:
            raise self.fail(
                m.key_nodes[kinds[1]],
                f"{where}: has both {kinds[0]!r} and {kinds[1]!r}; a field is one kind only",
            )
        prompt = self.field(m, "prompt", self.text, _REQUIRED)
        kind = kinds[0]
        if kind == "lines":
            return LinesField(prompt, self.integer(m.values["lines"], f"{where}: 'lines'", *LINES_RANGE))
        if kind == "checklist":
            return ChecklistField(prompt, self.text_list(m.values["checklist"], f"{where}: 'checklist'", 1))
        sm = self.mapping(m.values["scale"], f"{where}: 'scale'", SCALE_KEYS)
        low = self.field(sm, "min", self.integer, _REQUIRED)
        high = self.field(sm, "max", self.integer, _REQUIRED)
        low_text = self.field(sm, "low", self.text, "")
        high_text = self.field(sm, "high", self.text, "")
        if low >= high:
            raise self.fail(sm.node, f"{where}: the scale's min ({low}) must be less than its max ({high})")
        if high - low > 20:
            raise self.fail(sm.node, f"{where}: a scale may have at most 21 points ({low} to {high} has {high - low + 1})")
        return ScaleField(prompt, low, high, low_text, high_text)


_REQUIRED = object()

GROUP_TYPES = tuple(g.value for g in GroupType)
ITEM_KINDS = tuple(k.value for k in ItemKind)

# key -> required? (insertion order is the order messages list them in)
TOP_KEYS = {
    "format": True, "id": True, "title": True, "group_type": True, "focus": False, "summary": True,
    "audience": False, "language": False, "session_minutes": True, "references": False, "reviewed": False,
    "sessions": True,
}
SESSION_KEYS = {
    "id": True, "title": True, "minutes": False, "objectives": True, "materials": False,
    "agenda": True, "handouts": False,
}
ITEM_KEYS = {
    "title": True, "kind": True, "minutes": True, "script": False, "prompts": False,
    "display": False, "role_play": False, "ratings": False,
}
ROLE_PLAY_KEYS = {"scenario": True, "roles": True, "phases": True, "rounds": False, "debrief": False}
ROLE_KEYS = {"name": True, "brief": True, "checklist": False}
PHASE_KEYS = {"name": True, "minutes": True}
HANDOUT_KEYS = {"id": True, "title": True, "body": True, "worksheet": False}
FIELD_KEYS = {"prompt": True, "lines": False, "checklist": False, "scale": False}
SCALE_KEYS = {"min": True, "max": True, "low": False, "high": False}
