"""``--demo`` runs in a folder of its own that is thrown away, and never backed up."""

from __future__ import annotations

from pathlib import Path

from facilitator.config import AppConfig


def test_the_demo_folder_is_its_own_and_goes_away(tmp_path: Path) -> None:
    config = AppConfig.build(demo=True, log_dir=tmp_path / "logs", environ={})
    assert config.throwaway and config.data_dir.name.startswith("facilitator-demo-")
    (config.data_dir / "facilitator.sqlite").write_bytes(b"demo")
    config.remove_throwaway()
    assert not config.data_dir.exists()


def test_a_folder_the_user_named_is_never_removed(tmp_path: Path) -> None:
    kept = tmp_path / "facilitator-demo-mine"
    config = AppConfig.build(demo=True, data_dir=kept, log_dir=tmp_path / "logs", environ={})
    kept.mkdir()
    assert not config.throwaway
    config.remove_throwaway()
    assert kept.exists()


def test_the_demo_is_not_backed_up_on_close(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from facilitator.backend import open_backend
    from facilitator.ui.backup_actions import automatic_backup

    config = AppConfig.build(demo=True, log_dir=tmp_path / "logs", environ={})
    backend = open_backend(config)
    try:
        assert automatic_backup(backend) is None
        assert not config.backup_dir.exists() or not any(config.backup_dir.iterdir())
    finally:
        backend.dispose()
        config.remove_throwaway()
    assert not config.data_dir.exists()
