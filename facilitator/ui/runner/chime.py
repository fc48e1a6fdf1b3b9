"""Chimes at wrap-up, at zero and at a role-play phase change, through QtMultimedia.

QtMultimedia is imported at the first chime, not at start-up (it is slow to load and
chatty on machines without sound). Where there is no audio device, or the library cannot
load, a QSoundEffect reports an error status and the chime stays silent: that is "no
sound", never a failure the facilitator has to deal with.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from ...core.agenda_clock import Cue
from ...paths import resource

log = logging.getLogger(__name__)

SOUND_FILES = {
    Cue.WRAP_UP: "chime-wrapup.wav",
    Cue.ZERO: "chime-zero.wav",
    Cue.PHASE: "chime-phase.wav",
}


class Chime(QObject):
    """Plays one short sound per cue when enabled; silent (and quiet about it) without audio."""

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict[Cue, object] | None = None
        self._unavailable = False
        self.played: list[Cue] = []  # what was asked for, for tests and the log

    @property
    def available(self) -> bool:
        return not self._unavailable

    def play(self, cue: Cue) -> None:
        if not self.enabled:
            return
        self.played.append(cue)
        effects = self._load()
        effect = effects.get(cue)
        if effect is None:
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect

            if effect.status() == QSoundEffect.Status.Error:  # type: ignore[attr-defined]
                return
            effect.play()  # type: ignore[attr-defined]
        except Exception:  # a sound must never stop the session
            log.warning("Chime could not play", exc_info=True)

    def _load(self) -> dict[Cue, object]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except Exception:
            log.info("QtMultimedia is not available; chimes are silent")
            self._unavailable = True
            return self._effects
        if not QMediaDevices.audioOutputs():
            log.info("No audio output device; chimes are silent")
            self._unavailable = True
            return self._effects
        for cue, name in SOUND_FILES.items():
            path = resource("sounds", name)
            if not path.exists():
                log.warning("Chime file missing: %s", path)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.7)
            self._effects[cue] = effect
        return self._effects
