"""The chime: optional, and silent without errors where there is no audio device."""

from __future__ import annotations

import pytest

from facilitator.core.agenda_clock import Cue
from facilitator.paths import resource
from facilitator.ui.runner.chime import SOUND_FILES, Chime


def test_the_sound_files_exist_and_are_wav() -> None:
    for name in SOUND_FILES.values():
        data = resource("sounds", name).read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 10_000


def test_a_disabled_chime_does_nothing(qapp) -> None:  # type: ignore[no-untyped-def]
    chime = Chime(enabled=False)
    chime.play(Cue.ZERO)
    assert chime.played == [] and chime._effects is None  # QtMultimedia was not even loaded


# What QtMultimedia itself logs on a machine without PipeWire, VA-API or a sound server.
@pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*(library|symbols)", r"PulseAudioService", r"Using Qt multimedia with FFmpeg"
)
def test_without_an_audio_device_the_chime_is_silent_without_errors(qapp) -> None:  # type: ignore[no-untyped-def]
    chime = Chime(enabled=True)
    for cue in Cue:
        chime.play(cue)  # must not raise, whatever the machine has
    assert chime.played == list(Cue)
