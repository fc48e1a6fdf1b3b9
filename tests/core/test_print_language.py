"""Which language each printed document speaks (core/print_language.py), and its dates and notice."""

from __future__ import annotations

from datetime import date

from facilitator.core import print_language as PL
from facilitator.core.privacy import (
    CONFIDENTIAL_MARK,
    PART2_NOTICE,
    PART2_NOTICE_SHORT,
    PART2_NOTICE_TITLE,
    in_language,
)


def test_clinic_records_follow_the_screen_and_unknown_languages_print_english() -> None:
    assert PL.clinic_record_language("es") == "es"
    assert PL.clinic_record_language("es-MX") == "es"
    assert PL.clinic_record_language("en") == "en"
    assert PL.clinic_record_language("fr") == "en", "no catalogue: English rather than half-translated"
    assert PL.clinic_record_language("") == "en" and PL.clinic_record_language(None) == "en"


def test_the_sign_in_sheet_follows_the_curriculum_before_the_screen() -> None:
    assert PL.sign_in_language("es", "en") == "es"
    assert PL.sign_in_language("en", "es") == "en"
    assert PL.sign_in_language(None, "es") == "es", "no curriculum: the screen's"
    assert PL.sign_in_language(None, None) == "en"


def test_a_handout_follows_the_participant_then_the_curriculum_then_the_screen() -> None:
    assert PL.handout_language("es", "en", "en") == "es"
    assert PL.handout_language("", "es", "en") == "es"
    assert PL.handout_language(None, None, "es") == "es"
    assert PL.handout_language("es-MX") == "es-MX", "kept as asked: the closest edition is found from it"
    assert PL.handout_language(None) == "en"


def test_dates_have_spanish_day_and_month_names() -> None:
    day = date(2026, 3, 4)
    assert PL.long_date("es", day) == "miércoles 4 de marzo de 2026"
    assert PL.long_date("en", day) == "Wednesday 4 March 2026"
    assert PL.short_day("es", day) == "mié 2026-03-04" and PL.short_day("en", day) == "Wed 2026-03-04"
    assert PL.day_and_date("es", date(2026, 3, 8)) == "domingo 2026-03-08"
    assert PL.day_month("es", date(2026, 12, 1)) == "01 dic" and PL.day_month("en", date(2026, 12, 1)) == "Dec 01"
    assert PL.period("es", day, date(2026, 3, 31)) == "2026-03-04 al 2026-03-31"
    assert PL.period("en", day, date(2026, 3, 31)) == "2026-03-04 to 2026-03-31"


def test_the_part2_notice_has_a_spanish_rendering_of_every_required_element() -> None:
    spanish = in_language("es", PART2_NOTICE)
    assert spanish != PART2_NOTICE
    # The regulation's references all survive the translation, in the same order.
    refs = ["42 CFR parte 2", "2.12(c)(5)", "2.64", "2.65", "(i)", "(ii)", "(iii)", "45 CFR parte 164", "2.31"]
    positions = [spanish.index(r) for r in refs]
    assert positions == sorted(positions)
    for element in ("civil, penal, administrativo o legislativo", "consentimiento por escrito", "NO es suficiente",
                    "entidad cubierta", "socio comercial", "tratamiento, pago u operaciones de atención médica"):
        assert element in spanish, element
    assert in_language("es", PART2_NOTICE_TITLE) == "Aviso que acompaña a la divulgación (42 CFR 2.32)"
    assert "42 CFR parte 2" in in_language("es", PART2_NOTICE_SHORT)
    assert in_language("es", CONFIDENTIAL_MARK).startswith("CONFIDENCIAL")
    assert in_language("en", PART2_NOTICE) == PART2_NOTICE
    assert in_language("es", "A notice a caller wrote") == "A notice a caller wrote"


def test_every_printed_word_looked_up_is_marked_and_translated() -> None:
    """A word passed to ``tr`` as written must be in the catalogue: else it prints English in every language."""
    import ast
    from pathlib import Path

    from facilitator.core.catalogue import read_ts, ts_path

    spanish = read_ts(ts_path("es"))
    sources = {source for (context, source) in spanish if context.startswith("print")}
    root = Path(PL.__file__).resolve().parents[1]
    missing, checked = [], 0
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            # tr(language, context, "text", ...) and the renderers' local t("text", ...)
            position = {"tr": 2, "t": 0}.get(node.func.id)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                checked += 1
                if text.value not in sources:
                    missing.append(f"{path.relative_to(root)}:{node.lineno} {text.value!r}")
    assert not missing, missing
    assert checked > 100, "the scan found the printed words"
