"""The Library as a therapist uses it: browse by group type, open a session, search."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from facilitator.core.curriculum import GroupType

EXAMPLE = (Path(__file__).parents[1] / "fixtures" / "format-example.yaml").read_text(encoding="utf-8")


def _labels(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_the_library_lists_curricula_grouped_by_type(main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    main_window.show_page("library")  # an administrator lands on Groups
    assert main_window.stack.currentWidget() is page
    labels = _labels(page.tree)
    assert [label.rsplit(" (", 1)[0] for label in labels] == [g.label for g in GroupType]
    skills = len(backend.library.by_group_type(GroupType.SKILLS))
    assert labels[1] == f"Skills development ({skills})"
    assert "curricula are loaded" in page.reader.toPlainText()


def test_browse_to_a_session_by_keyboard_shows_script_prompts_and_handouts(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    curriculum = backend.library.curricula[0]
    session = curriculum.sessions[0]
    page.tree.setFocus()
    top = page.tree.topLevelItem([g for g in GroupType].index(curriculum.group_type))
    page.tree.setCurrentItem(top.child(0))
    qtbot.keyClick(page.tree, Qt.Key.Key_Right)  # expand the curriculum
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)  # its first session
    assert page.current_selection() == (curriculum.id, session.id)
    text = page.reader.toPlainText()
    assert session.title in text
    assert session.objectives[0] in text
    item = next(i for i in session.agenda if i.script)
    assert " ".join(item.script.split())[:80] in " ".join(text.split()), "the facilitator's script is shown"
    assert f"Handout: {session.handouts[0].title}" in text
    assert f"{session.agenda[0].minutes} min" in text


def test_search_lists_matches_and_enter_opens_the_first(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    main_window.show_page("library")
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "naloxone")
    assert page.left.currentWidget() is page.results
    expected = backend.library.search("naloxone")
    assert page.results.count() == len(expected) > 0
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    first = expected[0]
    assert page.current_selection() == (first.curriculum_id, first.session_id)
    assert "naloxone" in page.reader.toPlainText().lower()
    page.search.clear()
    assert page.left.currentWidget() is page.tree


def test_search_with_no_match_says_so(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    qtbot.keyClicks(page.search, "qqzzxx")
    assert page.results.count() == 1
    assert page.results.item(0).text() == "Nothing matches “qqzzxx”."


def test_a_file_dropped_into_the_clinic_folder_appears_and_a_bad_one_shows_its_errors(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    main_window.show_page("library")
    state = main_window.library_state
    folder = backend.config.clinic_curricula_dir
    folder.mkdir(parents=True, exist_ok=True)
    state.reload()  # start watching the folder now that it exists
    with qtbot.waitSignal(state.changed, timeout=5000):
        (folder / "ours.yaml").write_text(EXAMPLE.replace("refusal-skills-sample", "ours"), encoding="utf-8")
    assert state.library.find("ours") is not None
    assert any("Refusal Skills (sample) · clinic" in page.tree.topLevelItem(1).child(i).text(0) for i in range(page.tree.topLevelItem(1).childCount()))
    with qtbot.waitSignal(state.changed, timeout=5000):
        (folder / "broken.yaml").write_text(EXAMPLE.replace("refusal-skills-sample", "broken").replace("minutes: 40", "minutes: 4"), encoding="utf-8")
    assert page.problems.isVisible()
    shown = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert shown == [
        f"{folder / 'broken.yaml'}:24:11: session 1 (saying-no), agenda item 2, role play: the phases take 12 minutes x 3 rounds = 36 minutes, more than the item's 4 minutes",
    ]
    assert "1 curriculum file has problems" in page.problem_summary.text()
    assert str(folder) in page.folder_label.text().replace("\u200b", "")


def test_changing_the_clinic_folder_persists(qtbot, main_window, backend, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.config import LocalSettings

    other = tmp_path / "shared-curricula"
    other.mkdir()
    (other / "x.yaml").write_text(EXAMPLE.replace("refusal-skills-sample", "from-share"), encoding="utf-8")
    main_window.library_state.set_clinic_folder(other)
    assert main_window.library_state.library.find("from-share") is not None
    assert str(other) in main_window.library_page.folder_label.text().replace("\u200b", "")
    assert LocalSettings.load(backend.config.settings_path).clinic_curricula_dir == str(other)


def test_the_library_says_when_a_curriculum_was_last_reviewed(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    state = main_window.library_state
    folder = backend.config.clinic_curricula_dir
    folder.mkdir(parents=True, exist_ok=True)
    dated = EXAMPLE.replace("refusal-skills-sample", "dated").replace("Refusal Skills (sample)", "Dated sample")
    (folder / "dated.yaml").write_text(dated.replace("session_minutes: 60\n", "session_minutes: 60\nreviewed: 2026-11-26\n"), encoding="utf-8")
    (folder / "undated.yaml").write_text(EXAMPLE.replace("refusal-skills-sample", "undated"), encoding="utf-8")
    state.reload()
    skills = page.tree.topLevelItem([g for g in GroupType].index(GroupType.SKILLS))
    labels = [skills.child(i).text(0) for i in range(skills.childCount())]
    page.tree.setFocus()
    page.tree.setCurrentItem(skills.child(labels.index("Dated sample · clinic")))
    qtbot.keyClick(page.tree, Qt.Key.Key_Right)  # expand it
    assert page.current_selection() == ("dated", None)
    assert "Content reviewed November 2026 (2026-11-26)" in page.reader.toPlainText()
    assert "Content reviewed November 2026" in skills.child(labels.index("Dated sample · clinic")).toolTip(0)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)  # its first session says it too
    assert page.current_selection() == ("dated", "saying-no")
    assert "session 1 of 1 · Content reviewed November 2026" in page.reader.toPlainText()
    page.tree.setCurrentItem(skills.child(labels.index("Refusal Skills (sample) · clinic")))
    assert page.current_selection() == ("undated", None)
    text = page.reader.toPlainText()
    assert "does not say when its content was last reviewed" in text and "Content reviewed" not in text


def test_navigation_by_keyboard_reaches_every_page(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.library_page.tree.setFocus()
    for n, key in enumerate(["library", "today", "groups", "notes", "review"], start=1):
        qtbot.keyClick(main_window.focusWidget() or main_window, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
        assert main_window.stack.currentWidget() is main_window.page(key)
        assert main_window.page(key).accessibleName()


def _press_save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_settings_dialog_saves_the_clinic_name(qtbot, main_window, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import operations
    from facilitator.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    dialog.field("clinic_name").clear()
    qtbot.keyClicks(dialog.field("clinic_name"), "Harbor Light IOP")
    dialog.field("adult_weekly_hours").setValue(10.5)
    dialog.field("capacity_warning").setValue(10)
    dialog.field("clinic_time_zone").setCurrentText("America/Chicago")
    dialog.field("idle_lock_minutes").setValue(3)
    _press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not operations.busy())
    assert dialog.result() == dialog.DialogCode.Accepted
    values = backend.settings.values()
    assert values["clinic_name"] == "Harbor Light IOP"
    assert values["adult_weekly_hours"] == 10.5
    assert values["adolescent_weekly_hours"] == 6
    assert values["capacity_warning"] == 10
    assert values["clinic_time_zone"] == "America/Chicago"
    assert values["idle_lock_minutes"] == 3
    from facilitator.store.attendance import read_rules

    assert read_rules(backend.settings).adult_weekly_hours == 10.5


def test_settings_refuse_an_unknown_time_zone_and_keep_what_was_typed(qtbot, main_window, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import settings_dialog

    told: list[str] = []
    monkeypatch.setattr(settings_dialog, "show_error", lambda parent, title, text: told.append(text))
    from facilitator.ui import operations

    dialog = settings_dialog.SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field("clinic_name"), "Typed name")
    dialog.field("clinic_time_zone").setCurrentText("Mars/Olympus")
    _press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not operations.busy())
    assert told and "is not a time zone" in told[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.field("clinic_name").text().endswith("Typed name")
    assert backend.settings.get("clinic_time_zone") != "Mars/Olympus"
