"""``facilitator screens import`` and ``facilitator measures due`` on the demo clinic, and its measures."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from facilitator.backend import open_backend
from facilitator.cli import main
from facilitator.config import AppConfig
from facilitator.core import measures as cm


@pytest.fixture
def demo_clinic(config: AppConfig):  # type: ignore[no-untyped-def]
    from facilitator.demo import seed_demo, sign_in_demo_user

    backend = open_backend(config)
    seed_demo(backend)
    sign_in_demo_user(backend)
    backend.sign_out()
    yield backend
    backend.dispose()


def run(config: AppConfig, user: str, *args: str) -> int:
    return main(["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "--user", user, *args])


def lab_file(tmp_path, today: date, rows: str | None = None, on_buprenorphine: str = "D-1023"):  # type: ignore[no-untyped-def]
    header = "record_number,collected_on,specimen,observed,panel,substance,result,lab_reference,expected\n"
    body = rows if rows is not None else (
        f"D-1016,{today},urine,yes,5-panel,cocaine,negative,LAB-T-1,\n"
        f"D-1016,{today},urine,yes,5-panel,opiates,positive,LAB-T-1,\n"
        f"{on_buprenorphine},{today},oral fluid,no,5-panel,buprenorphine,positive,LAB-T-2,buprenorphine\n"
    )
    path = tmp_path / "results.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_a_laboratory_file_is_imported_all_or_none(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    today = demo_clinic.measures.today()
    with demo_clinic.engine.connect() as conn:
        before = conn.execute(sa.text("SELECT count(*) FROM drug_screen")).scalar()
    bad = lab_file(tmp_path, today, f"D-1016,{today},urine,yes,5-panel,cocaine,negative,LAB-T-1,\n"
                   f"D-1016,{today + timedelta(days=3)},urine,yes,5-panel,opiates,maybe,LAB-T-9,\n")
    assert run(config, "facilitator", "screens", "import", str(bad)) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3: The collection date {today + timedelta(days=3)} is in the future" in err
    assert "not 'maybe'" in err and "nothing imported: 1 bad row(s)" in err
    with demo_clinic.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM drug_screen")).scalar() == before
    with demo_clinic.engine.connect() as conn:  # the demo's participant on buprenorphine (it varies with the day)
        on_buprenorphine = conn.execute(sa.text(
            "SELECT p.record_number FROM drug_screen s JOIN participant p ON p.id = s.participant_id "
            "WHERE s.expected LIKE '%buprenorphine%' LIMIT 1")).scalar_one()
    good = lab_file(tmp_path, today, on_buprenorphine=on_buprenorphine)
    assert run(config, "facilitator", "screens", "import", str(good)) == 0
    assert "Imported 2 drug screen(s) for 2 participant(s)" in capsys.readouterr().out
    assert run(config, "facilitator", "screens", "import", str(good)) == 1, "the same specimens twice"
    assert "was already imported" in capsys.readouterr().err
    with demo_clinic.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM drug_screen")).scalar() == before + 2
        details = [r[0] for r in conn.execute(sa.text(
            "SELECT detail FROM audit_entry WHERE record_type = 'drug screen' ORDER BY seq DESC LIMIT 3"))]
    assert details[0] == "imported 2 drug screen(s) for 2 participant(s)"
    assert all("positive" not in d and "cocaine" not in d for d in details)


def test_an_administrator_cannot_import_results(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    good = lab_file(tmp_path, demo_clinic.measures.today())
    assert run(config, "admin", "screens", "import", str(good)) != 0
    err = capsys.readouterr().err
    assert "Only a supervisor or the facilitators of a participant's groups can record drug screens" in err
    assert "line" not in err, "refused as a whole, not row by row"


def test_measures_due_lists_what_the_schedule_asks(demo_clinic, config, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    day = demo_clinic.measures.today() + timedelta(days=14)
    assert run(config, "supervisor", "measures", "due", "--date", day.isoformat(), "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows, "two weeks on, someone's questionnaires are due"
    assert all(d["instrument"] in ("PHQ-9", "GAD-7") for r in rows for d in r["due"])
    assert any(r["safety_flag_open"] for r in rows)
    assert run(config, "facilitator", "measures", "due") == 0
    assert capsys.readouterr().out.startswith("Measures due on ")
    assert run(config, "admin", "measures", "due") == 3
    assert "Measures are open to" in capsys.readouterr().err


def test_the_demo_clinic_has_a_believable_course(demo_clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.access import SETUP

    service = demo_clinic.measures.acting_as(SETUP)
    today = service.today()
    first = today - timedelta(weeks=9)
    with demo_clinic.engine.connect() as conn:
        ids = dict(conn.execute(sa.text("SELECT record_number, id FROM participant")).all())
        flagged = conn.execute(sa.text("SELECT participant_id FROM safety_flag WHERE resolved_at IS NULL")).scalars().all()
    assert len(flagged) == 1, "one participant raised a PHQ-9 item 9 flag"
    everyone = {r: service.participant_measures(pid, first, today) for r, pid in ids.items()}
    relapsed = [r for r, m in everyone.items() if any(s.screen.unexpected_positives for s in m.screens)]
    assert len(relapsed) == 1
    course = everyone[relapsed[0]]
    craving = course.series("craving")
    slips = [s.screen.collected_on for s in course.screens if s.screen.unexpected_positives]
    slip = slips[0]
    around = [v for d, v in craving if abs((d - slip).days) <= 7]
    after = [v for d, v in craving if d >= slip + timedelta(days=14)]
    assert max(around) >= 7 and after and max(after) <= 5, "craving rises around the slip, then eases"
    assert course.days_since_unexpected_positive == (today - slips[-1]).days
    on_medication = [m for m in everyone.values() if any(s.screen.expected for s in m.screens)]
    assert on_medication and all(not s.screen.unexpected_positives for m in on_medication for s in m.screens)
    assert {med for m in on_medication for s in m.screens for med in s.screen.expected} == {"buprenorphine", "methadone"}
    improving = 0
    for m in everyone.values():
        scores = m.scores("PHQ-9")
        if len(scores) >= 3 and scores[-1][1] < scores[0][1]:
            improving += 1
    assert improving >= 10, "most people's PHQ-9 eases"
    assert all(q.severity == cm.PHQ9.band(q.total).label for m in everyone.values() for q in m.questionnaires
               if q.instrument == "PHQ-9")
    assert sum(len(m.mutual_help) for m in everyone.values()) > 50
