"""The care panel by keyboard: a level change, a discharge signed, an aftercare plan saved and printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from care_world import NOW, care_world, make_care
from PySide6.QtCore import QDate, Qt

from facilitator.core.clock import FakeClock
from facilitator.store.models import AftercarePlan, Discharge, LevelOfCareChange
from facilitator.ui import operations


def idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=10_000)


@pytest.fixture(autouse=True)
def shown(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """What would be said in a message box, instead of a box waiting for a click."""
    said: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda _parent, _title, text: said.append(text))
    return said


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return care_world(engine)


@pytest.fixture
def care(engine, shipped_library):  # type: ignore[no-untyped-def]
    return make_care(engine, FakeClock(NOW), shipped_library)


def _panel(qtbot, care, principal, participant_id):  # type: ignore[no-untyped-def]
    from facilitator.ui.care_panel import CarePanel

    backend = SimpleNamespace(care=care.acting_as(principal), current_principal=lambda: principal)
    panel = CarePanel(backend, None, participant_id)
    qtbot.addWidget(panel)
    panel.show()
    idle(qtbot)
    return panel


def _rows(engine, model):  # type: ignore[no-untyped-def]
    table = model.__table__
    with engine.connect() as conn:
        return conn.execute(sa.select(table)).all()


def test_a_level_change_typed_by_keyboard_is_recorded_and_shown(qtbot, engine, world, care, shown) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, care, world.facilitator, world.participants["Sam"])
    assert "Now at intensive outpatient since 2026-09-01" in panel.summary.text()
    panel.new_level.setFocus()
    qtbot.keyClick(panel.new_level, Qt.Key.Key_Down)  # partial hospitalization, IOP, outpatient: IOP -> outpatient
    assert panel.new_level.currentData() == "outpatient"
    panel.effective.setDate(QDate(2026, 11, 16))
    qtbot.keyClicks(panel.reason, "Met the step-down milestones")
    panel.change_button.setFocus()
    qtbot.keyClick(panel.change_button, Qt.Key.Key_Space)  # no "who decided": refused, the reason stays
    idle(qtbot)
    assert _rows(engine, LevelOfCareChange) == []
    assert shown == ["Say who decided the change (for example, the treatment team)."]
    assert panel.reason.text() == "Met the step-down milestones"
    qtbot.keyClicks(panel.decided_by, "Treatment team")
    qtbot.keyClick(panel.change_button, Qt.Key.Key_Space)
    idle(qtbot)
    [row] = _rows(engine, LevelOfCareChange)
    assert (row.level, row.effective_date, row.decided_by) == ("outpatient", date(2026, 11, 16), "Treatment team")
    qtbot.waitUntil(lambda: panel.levels.rowCount() == 2)
    assert panel.levels.item(1, 1).text() == "Outpatient" and panel.reason.text() == ""
    assert "Now at outpatient since 2026-11-16; weekly hour target 1.5 hours" in panel.summary.text()


def test_the_criteria_tab_shows_progress_in_words(qtbot, world, care) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, care, world.supervisor, world.participants["Sam"])
    texts = {panel.criteria.item(r, 0).text(): panel.criteria.item(r, 2).text()
             for r in range(panel.criteria.rowCount())}
    assert texts["Weeks at the hour target"] == "Met"
    assert texts["Days without an unexpected positive screen"] == "Not recorded"
    assert panel.readiness.text().startswith("Not yet ready")


def test_a_discharge_is_started_written_signed_and_its_plan_printed(qtbot, engine, world, care, tmp_path: Path, shown) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, care, world.facilitator, world.participants["Maria"])
    assert not panel.sign_summary.isEnabled() and panel.start_button.isEnabled()
    panel.discharge_date.setDate(QDate(2026, 11, 25))
    panel.start_button.setFocus()
    qtbot.keyClick(panel.start_button, Qt.Key.Key_Space)
    idle(qtbot)
    qtbot.waitUntil(lambda: panel.sign_summary.isEnabled())
    assert "Admitted 2026-09-01" in panel.summary_fields["course"].toPlainText()
    panel.sign_summary.setFocus()
    qtbot.keyClick(panel.sign_summary, Qt.Key.Key_Space)  # condition and recommendations are empty: refused
    idle(qtbot)
    [row] = _rows(engine, Discharge)
    assert row.status == "draft" and shown == ["Fill in Condition at discharge, Recommendations and aftercare before signing."]
    qtbot.keyClicks(panel.summary_fields["progress"], "Uses refusal skills at work.")
    qtbot.keyClicks(panel.summary_fields["condition"], "Stable; no safety concerns voiced.")
    qtbot.keyClicks(panel.summary_fields["recommendations"], "Weekly outpatient group.")
    qtbot.keyClicks(panel.plan_fields["meetings"], "SMART Recovery, Tuesday 7 pm")
    panel.save_plan.setFocus()
    qtbot.keyClick(panel.save_plan, Qt.Key.Key_Space)
    idle(qtbot)
    [plan] = _rows(engine, AftercarePlan)
    assert "SMART Recovery, Tuesday 7 pm" in plan.content
    qtbot.keyClick(panel.sign_summary, Qt.Key.Key_Space)
    idle(qtbot)
    [row] = _rows(engine, Discharge)
    assert row.status == "awaiting_cosign" and "Weekly outpatient group." in row.content
    qtbot.waitUntil(lambda: not panel.sign_summary.isEnabled())
    assert panel.summary_fields["condition"].isReadOnly()
    panel.plan_language.setCurrentIndex(panel.plan_language.findData("es"))
    panel.plan_large.setChecked(True)
    out = tmp_path / "plan.pdf"
    panel.save_plan_pdf(out)
    idle(qtbot)
    from pypdf import PdfReader

    text = " ".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "Mi plan de cuidado" in text and "SMART Recovery" in text and "988" in text


def test_the_supervisor_cosigns_from_the_panel_and_the_participant_leaves(qtbot, engine, world, care) -> None:  # type: ignore[no-untyped-def]
    author = care.acting_as(world.facilitator)
    draft = author.start_discharge(world.participants["Jo"], "completed", date(2026, 11, 25))
    author.sign_discharge(draft.id, content=dict(draft.content, condition="Stable.", recommendations="Aftercare group."))
    panel = _panel(qtbot, care, world.supervisor, world.participants["Jo"])
    panel.tabs.setFocus()
    qtbot.keyClick(panel.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert panel.tabs.currentIndex() == 2
    assert panel.cosign_summary.isVisible() and not panel.sign_summary.isEnabled()
    panel.cosign_summary.setFocus()
    qtbot.keyClick(panel.cosign_summary, Qt.Key.Key_Space)
    idle(qtbot)
    [row] = _rows(engine, Discharge)
    assert row.status == "cosigned" and row.cosigner_name == "Rosa Diaz"
    qtbot.waitUntil(lambda: "completed" in panel.summary.text())


def test_groups_opens_the_care_record_of_the_selected_participant(qtbot, engine, world, care) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.groups_view import GroupsPage

    opened: list[int] = []
    page = GroupsPage(care._attendance.acting_as(world.supervisor), _roster(engine, world), care_opener=opened.append)
    qtbot.addWidget(page)
    page.show()
    idle(qtbot)
    page.enrolled.setFocus()
    page.enrolled.setCurrentCell(1, 0)
    page.care_button.setFocus()
    qtbot.keyClick(page.care_button, Qt.Key.Key_Space)
    assert opened == [page._enrollments[1].participant_id]


def _roster(engine, world):  # type: ignore[no-untyped-def]
    from facilitator.store.audit import AuditLog
    from facilitator.store.roster import RosterService
    from facilitator.store.unit_of_work import Work

    work = Work(engine, AuditLog(engine, FakeClock(NOW)), FakeClock(NOW))
    work.connect_identity()
    return RosterService(work, world.supervisor)


def test_a_facilitator_sees_a_sentence_not_the_readiness_list(qtbot, world, care) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.care_panel import ReadinessPage

    facilitator = SimpleNamespace(care=care.acting_as(world.facilitator), current_principal=lambda: world.facilitator)
    page = ReadinessPage(facilitator, None)
    qtbot.addWidget(page)
    page.show()  # the page reads (and is audited as viewed) only once it is opened
    assert "Only supervisors" in page.heading.text() and not page.table.isVisibleTo(page)
    supervisor = SimpleNamespace(care=care.acting_as(world.supervisor), current_principal=lambda: world.supervisor)
    page = ReadinessPage(supervisor, None)
    qtbot.addWidget(page)
    idle(qtbot)
    assert page.table.rowCount() == 0, "nothing is read for a page nobody opened"
    page.show()
    idle(qtbot)
    assert page.table.rowCount() == 4 and page.heading.text().startswith("0 of 4 active participants")
    assert page.awaiting.rowCount() == 0


def test_the_ready_page_lists_discharges_awaiting_cosignature(qtbot, world, care) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.care_panel import ReadinessPage

    author = care.acting_as(world.facilitator)
    draft = author.start_discharge(world.participants["Dee"], "administrative", date(2026, 11, 20))
    author.sign_discharge(draft.id, content=dict(draft.content, progress="Few sessions attended.",
                                                 condition="Not seen since 2 November.", recommendations="Re-refer."))
    supervisor = SimpleNamespace(care=care.acting_as(world.supervisor), current_principal=lambda: world.supervisor)
    page = ReadinessPage(supervisor, None)
    qtbot.addWidget(page)
    page.show()
    idle(qtbot)
    assert page.awaiting.rowCount() == 1
    assert [page.awaiting.item(0, c).text() for c in range(4)] == [
        "R-1004", "Dee", "Administrative discharge, 2026-11-20", "Ana Ruiz, CADC-I"]
    assert page.awaiting_label.text() == "Discharge summaries awaiting co-signature: 1"


def test_the_care_dialog_closes_with_escape_and_goes_away(qtbot, world, care) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.care_panel import CareDialog

    backend = SimpleNamespace(care=care.acting_as(world.facilitator), current_principal=lambda: world.facilitator)
    dialog = CareDialog(backend, None, world.participants["Sam"])
    dialog.show()
    idle(qtbot)
    assert "Sam (R-1001)" in dialog.panel.summary.text()
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
