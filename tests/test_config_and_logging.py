"""Configuration sources, this workstation's settings file, and the log file."""

from __future__ import annotations

import logging
from pathlib import Path

from facilitator.config import AppConfig, LocalSettings
from facilitator.logs import setup_logging


def test_command_line_beats_environment_beats_default(tmp_path: Path) -> None:
    env = {"FACILITATOR_DATA_DIR": str(tmp_path / "env"), "FACILITATOR_DATABASE_URL": "postgresql://db/x"}
    from_env = AppConfig.build(environ=env)
    assert from_env.data_dir == tmp_path / "env" and from_env.database_url == "postgresql://db/x"
    given = AppConfig.build(data_dir=tmp_path / "arg", database_url="sqlite:///x.sqlite", environ=env)
    assert given.data_dir == tmp_path / "arg" and given.database_url == "sqlite:///x.sqlite"
    default = AppConfig.build(data_dir=tmp_path / "d", environ={})
    assert default.database_url == f"sqlite:///{tmp_path / 'd' / 'facilitator.sqlite'}"
    assert default.clinic_curricula_dir == tmp_path / "d" / "curricula"


def test_demo_uses_a_throwaway_folder_and_ignores_the_clinic_database(tmp_path: Path) -> None:
    demo = AppConfig.build(demo=True, environ={"FACILITATOR_DATABASE_URL": "postgresql://db/real"})
    assert demo.demo and demo.database_url.startswith("sqlite:///")
    assert "facilitator-demo-" in str(demo.data_dir)


def test_local_settings_survive_a_restart_and_a_broken_file_is_ignored(tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path, environ={})
    config.set_clinic_curricula_dir(tmp_path / "shared")
    again = AppConfig.build(data_dir=tmp_path, environ={})
    assert again.clinic_curricula_dir == tmp_path / "shared"
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert LocalSettings.load(tmp_path / "settings.json") == LocalSettings()
    assert not list(tmp_path.glob(".settings-*")), "no temporary files left behind"


def test_logging_goes_to_a_rotating_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("facilitator.test").warning("a line for the log")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path == tmp_path / "logs" / "facilitator.log"
    assert "a line for the log" in path.read_text(encoding="utf-8")
