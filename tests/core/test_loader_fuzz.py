"""The loader raises nothing but CurriculumError, whatever it is fed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.loader import CurriculumError, load_curriculum

EXAMPLE = (Path(__file__).parents[1] / "fixtures" / "format-example.yaml").read_text(encoding="utf-8")
LINES = EXAMPLE.splitlines(keepends=True)

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["~", "yes", "0x1F", "1:30", "2026-01-01", "&a x", "*a", "!!binary AA==", "'", '"', "{", "[", ":", "- ", "\t"]),
)


def _load_only_raises_its_own_error(data: bytes | str) -> None:
    try:
        load_curriculum(data, "fuzz.yaml")
    except CurriculumError as exc:
        assert exc.problems, "a CurriculumError always carries at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert "\n" not in problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _load_only_raises_its_own_error(data)


@settings(max_examples=300, deadline=None)
@given(st.recursive(yaml_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20))
def test_random_yaml_documents(value: object) -> None:
    import yaml

    try:
        text = yaml.safe_dump(value, allow_unicode=True)
    except yaml.YAMLError:
        return
    _load_only_raises_its_own_error(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(["delete", "duplicate", "swap", "replace", "indent"]), st.text(max_size=12)),
        min_size=1,
        max_size=5,
    )
)
def test_mutated_example(mutations: list[tuple[int, str, str]]) -> None:
    lines = list(LINES)
    for index, action, text in mutations:
        index %= len(lines) or 1
        if not lines:
            break
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "replace":
            head, sep, _ = lines[index].partition(":")
            lines[index] = f"{head}{sep} {text}\n" if sep else text + "\n"
        elif action == "indent":
            lines[index] = "  " + lines[index]
    _load_only_raises_its_own_error("".join(lines))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(EXAMPLE)), st.text(min_size=1, max_size=5))
def test_characters_inserted_anywhere(position: int, text: str) -> None:
    _load_only_raises_its_own_error(EXAMPLE[:position] + text + EXAMPLE[position:])


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    _load_only_raises_its_own_error("[" * 5000 + "]" * 5000)
    _load_only_raises_its_own_error("a: &x [*x]\n")
