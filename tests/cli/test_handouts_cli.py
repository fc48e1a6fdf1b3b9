"""``facilitator handouts`` as a counselor uses it before group: no account, no database needed."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.cli import main

FIXTURES = Path(__file__).parents[1] / "handouts" / "fixtures"


def read(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder whose clinic curricula folder holds the two-language sample."""
    clinic = tmp_path / "data" / "curricula"
    clinic.mkdir(parents=True)
    for f in FIXTURES.glob("*.yaml"):
        shutil.copy(f, clinic / f.name)
    return tmp_path / "data"


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "handouts", *args])


def test_copies_of_a_clinic_curriculum_session(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet.pdf"
    assert run(data_dir, "print-sample", "saying-no", "--copies", "3", "-o", str(out)) == 0
    pages = read(out)
    assert capsys.readouterr().out.strip() == f"Wrote {out}: 3 copies of 2 handouts, {len(pages)} pages."
    assert sum(p.startswith("Five Ways to Say No") for p in pages) == 3
    assert sum("Help is there, day or night" in p for p in pages) == 3, "a crisis box in every copy"
    assert not (data_dir / "facilitator.sqlite").exists()  # printing never creates a database


def test_session_by_number_large_print_and_spanish(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "es.pdf"
    assert run(data_dir, "print-sample", "1", "--language", "es", "--large-print", "-o", str(out)) == 0
    pages = read(out)
    assert "Cinco maneras de decir que no" in pages[0] and "Página 1 de" in pages[0]
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    sizes: set[float] = set()
    reader.pages[0].extract_text(
        visitor_text=lambda text, _cm, _tm, _font, size: sizes.add(size) if "habilidad" in text else None
    )
    assert sizes and min(sizes) >= 18


def test_a_language_without_an_edition_warns_and_prints_english(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fr.pdf"
    assert run(data_dir, "print-sample", "saying-no", "--language", "fr", "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert "facilitator: warning: 1 copy prints in 'en': there is no 'fr' edition of this session." in err
    assert "Five Ways to Say No" in read(out)[0]


def test_guide_cards_and_workbook(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide, cards, book = tmp_path / "guide.pdf", tmp_path / "cards.pdf", tmp_path / "book.pdf"
    assert run(data_dir, "print-sample", "saying-no", "--guide", "-o", str(guide)) == 0
    assert run(data_dir, "print-sample", "saying-no", "--cards", "-o", str(cards)) == 0
    assert run(data_dir, "print-sample", "--workbook", "-o", str(book)) == 0
    said = capsys.readouterr().out
    assert "facilitator guide" in said and "3 role cards, 1 page." in said and "workbook of 2 handouts" in said
    assert "0:10–0:50 · Role play · 40 min" in " ".join(read(guide))
    assert "Your role: Watch and report back." in read(cards)[0]
    assert "Contents" in read(book)[1]


def test_shipped_curricula_print_too(tmp_path: Path) -> None:
    from facilitator.core.library import load_library
    from facilitator.paths import shipped_curricula_dir

    shipped = next(c for c in load_library(shipped_curricula_dir()).curricula if c.sessions[0].handouts)
    out = tmp_path / "shipped.pdf"
    assert main(["--data-dir", str(tmp_path / "d"), "handouts", shipped.id, "1", "-o", str(out)]) == 0
    assert shipped.sessions[0].handouts[0].title in " ".join(read(out))


def test_clinic_name_comes_from_the_database_when_there_is_one(
    data_dir: Path, tmp_path: Path, clinic_database_url: str
) -> None:
    from facilitator.backend import open_backend
    from facilitator.config import AppConfig

    config = AppConfig.build(data_dir=data_dir, log_dir=tmp_path / "logs", database_url=clinic_database_url, environ={})
    backend = open_backend(config)
    backend.settings.set("clinic_name", "Lakeside Counseling")
    backend.dispose()
    out = tmp_path / "named.pdf"
    assert run(data_dir, "print-sample", "saying-no", "-o", str(out)) == 0
    assert "Lakeside Counseling" in read(out)[0]
    assert run(data_dir, "print-sample", "saying-no", "--clinic-name", "Other Place", "-o", str(out)) == 0
    assert "Other Place" in read(out)[0] and "Lakeside" not in read(out)[0]


def test_invariant_output_is_the_same_twice(data_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (a, b):
        assert run(data_dir, "print-sample", "saying-no", "--invariant", "-o", str(out)) == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["nope", "1"], 3, "no curriculum 'nope' is loaded; `facilitator curricula list` shows the ids."),
        (
            ["print-sample", "9"],
            3,
            "print-sample has no session '9'; give a number from 1 to 2 or one of: saying-no, talking-it-through.",
        ),
        (["print-sample"], 2, "name a SESSION (its id or number), or use --workbook for the whole curriculum."),
        (["print-sample", "1", "--workbook"], 2, "--workbook prints the whole curriculum, so leave out SESSION."),
        (["print-sample", "1", "--copies", "0"], 2, "--copies must be between 1 and 500."),
        (["print-sample", "1", "--guide", "--copies", "2"], 2, "--copies is for handout packets"),
        (
            ["print-sample", "talking-it-through"],
            3,
            "session 'talking-it-through' of print-sample has no handouts; --guide prints",
        ),
        (["print-sample", "talking-it-through", "--cards"], 3, "has no role plays, so it has no role cards."),
    ],
)
def test_mistakes_get_one_sentence(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "x.pdf"
    assert run(data_dir, *args, "-o", str(out)) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_place_is_a_sentence_and_leaves_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "print-sample", "1", "-o", str(tmp_path / "missing" / "x.pdf")) == 3
    assert f"cannot write to {tmp_path / 'missing'}" in capsys.readouterr().err
    assert run(data_dir, "print-sample", "1", "-o", str(tmp_path)) == 3
    assert "is a folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == []


def test_the_safety_protocol_prints_without_a_curriculum(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "protocol.pdf"
    assert run(data_dir, "--safety-protocol", "--clinic-name", "Riverside IOP", "-o", str(out)) == 0
    pages = read(out)
    assert capsys.readouterr().out.strip() == f"Wrote {out}: safety protocol, {len(pages)} pages."
    text = " ".join(pages)
    for words in ("Someone arrives intoxicated", "Someone talks about suicide", "An overdose in the building",
                  "Are you thinking about killing yourself?", "recovery position", "Call or text 988"):
        assert words in text, words
    assert all("Riverside IOP" in p for p in pages)
    assert run(data_dir, "--safety-protocol", "print-sample", "-o", str(out)) == 2
    assert "leave out CURRICULUM" in capsys.readouterr().err
    assert run(data_dir, "--safety-protocol", "--copies", "2", "--language", "es", "-o", str(out)) == 2
    assert "leave out --copies" in capsys.readouterr().err
    # In Spanish: every situation, the question to ask, the crisis lines, the labels around them.
    assert run(data_dir, "--safety-protocol", "--language", "es", "-o", str(out)) == 0
    capsys.readouterr()
    spanish = " ".join(read(out))
    for words in ("Alguien llega intoxicado", "Alguien habla de suicidio", "Una sobredosis en el edificio",
                  "¿Está pensando en quitarse la vida?", "posición de recuperación", "Tenga en cuenta", "Fuentes",
                  "988"):
        assert words in spanish, words
    assert "Someone arrives intoxicated" not in spanish and "Keep in mind" not in spanish
    assert run(data_dir, "-o", str(out)) == 2
    assert "or use --safety-protocol" in capsys.readouterr().err


def test_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["handouts", "--help"])
    text = capsys.readouterr().out
    for option in (
        "--guide",
        "--cards",
        "--workbook",
        "--copies",
        "--large-print",
        "--two-sided",
        "--language",
        "--clinic-name",
        "--output",
    ):
        assert option in text
    assert "--invariant" not in text


def test_two_sided_adds_a_blank_back_after_each_copy_with_an_odd_page_count(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.core.printing import TWO_SIDED_DEFAULT, label

    one, two, old, default = (tmp_path / f"{n}.pdf" for n in ("one", "two", "old", "default"))
    args = ("print-sample", "1", "--copies", "3", "--large-print")
    assert run(data_dir, *args, "--no-two-sided", "-o", str(one)) == 0
    assert run(data_dir, *args, "--two-sided", "-o", str(two)) == 0
    said = capsys.readouterr().out
    assert run(data_dir, *args, "--double-sided", "-o", str(old)) == 0  # the older spelling still works
    assert run(data_dir, *args, "-o", str(default)) == 0
    one_sided, two_sided = read(one), read(two)
    per_copy = len(one_sided) // 3
    assert per_copy % 2 == 1
    blank = label("en", "blank_page")
    # A blank back after the first and second copies; none after the last.
    assert len(two_sided) == len(one_sided) + 2
    assert [n for n, p in enumerate(two_sided) if p.strip() == blank] == [per_copy, 2 * per_copy + 1]
    starts = [n + 1 for n, p in enumerate(two_sided) if "Five Ways to Say No" in p and "Page 1 of" in p]
    assert starts == [1, per_copy + 2, 2 * per_copy + 3] and all(s % 2 == 1 for s in starts)
    assert [p for p in two_sided if p.strip() != blank] == one_sided
    assert blank not in " ".join(one_sided)
    assert read(old) == two_sided
    assert read(default) == (two_sided if TWO_SIDED_DEFAULT else one_sided)
    assert f"{len(two_sided)} pages (2 left blank so each copy starts on a new sheet)." in said
