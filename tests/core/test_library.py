"""Loading many files: bad files reported, duplicates named, search across text."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.library import load_library
from facilitator.core.markup import parse, plain_text, to_html

EXAMPLE = (Path(__file__).parents[1] / "fixtures" / "format-example.yaml").read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_file_never_stops_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a-good.yaml", EXAMPLE)
    write(tmp_path, "b-bad.yaml", EXAMPLE.replace("id: refusal-skills-sample", "id: other").replace("minutes: 40", "minutes: 41"))
    write(tmp_path, "c-good.yaml", EXAMPLE.replace("id: refusal-skills-sample", "id: third"))
    write(tmp_path, "notes.txt", "not a curriculum")
    library = load_library(None, tmp_path)
    assert [c.id for c in library.curricula] == ["refusal-skills-sample", "third"]
    assert [Path(p.path).name for p in library.problems] == ["b-bad.yaml"]
    assert "the agenda adds up to 61 minutes" in library.problems[0].message
    assert len(library.files) == 3


def test_two_files_with_one_id_are_both_named(tmp_path: Path) -> None:
    shipped = write(tmp_path / "shipped", "one.yaml", EXAMPLE)
    clinic = write(tmp_path / "clinic", "copy.yaml", "# a copy\n" + EXAMPLE)
    library = load_library(tmp_path / "shipped", tmp_path / "clinic")
    assert [c.id for c in library.curricula] == ["refusal-skills-sample"]
    assert library.curricula[0].source == shipped and library.curricula[0].shipped
    assert sorted(str(p) for p in library.problems) == sorted([
        f"{clinic}:3:1: curriculum id 'refusal-skills-sample' is already used by {shipped}:2; this file is not loaded",
        f"{shipped}:2:1: curriculum id 'refusal-skills-sample' is also used by {clinic}:3",
    ])


def test_search_finds_words_in_scripts_prompts_and_handouts(shipped_library) -> None:  # type: ignore[no-untyped-def]
    hits = shipped_library.search("naloxone")
    assert hits, "the shipped curricula teach naloxone"
    assert all("naloxone" in (h.snippet.lower()) for h in hits[:5])
    assert shipped_library.search("NALOXONE") == hits
    assert shipped_library.search("   ") == []
    assert shipped_library.search("zzqqxx-nothing") == []


def test_search_needs_every_word_and_ignores_accents(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", EXAMPLE.replace("A one-session sample", "Una sesión de muestra"))
    library = load_library(None, tmp_path)
    assert [h.where for h in library.search("sesion muestra")] == ["Summary"]
    assert library.search("sesion cookout") == []
    [hit] = library.search("cookout friend")
    assert (hit.curriculum_id, hit.session_id) == ("refusal-skills-sample", "saying-no")
    assert hit.where == "Agenda: Refusal practice" or hit.where.startswith("Role play")


def test_translations_pair_by_id_suffix(tmp_path: Path) -> None:
    write(tmp_path, "en.yaml", EXAMPLE)
    write(tmp_path, "es.yaml", EXAMPLE.replace("id: refusal-skills-sample", "id: refusal-skills-sample-es\nlanguage: es"))
    library = load_library(None, tmp_path)
    english = library.get("refusal-skills-sample")
    spanish = library.translation(english, "es")
    assert spanish is not None and spanish.id == "refusal-skills-sample-es"
    assert library.translation(spanish, "en") == english
    assert library.translation(english, "fr") is None


def test_markup_blocks_and_plain_text() -> None:
    body = "## Keep it short\n\nSay **no** first,\nthen *why*.\n\n- one\n- two\n  continued\n\n1. first\n2. second"
    kinds = [b.kind for b in parse(body)]
    assert kinds == ["heading", "paragraph", "bullets", "numbered"]
    assert plain_text(body).splitlines() == ["Keep it short", "Say no first, then why.", "one", "two continued", "first", "second"]
    html = to_html(body)
    assert "<b>no</b>" in html and "<i>why</i>" in html and "<ol><li>first</li>" in html
