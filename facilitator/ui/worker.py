"""One way to run slow work off the UI thread and come back with its result or error.

Like Anki's CollectionOp: the caller passes a plain function and two callbacks; the
callbacks run on the UI thread. Errors are logged and handed over as exceptions, never
shown as tracebacks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total, text="": self.signals.progress.emit(done, total, text))
            else:
                result = self.fn()
        except Exception as exc:  # handed to the UI thread, which decides how to say it
            log.exception("Background work failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[_Signals] = set()


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> _Signals:
    """Run ``fn`` on the thread pool; with ``on_progress``, ``fn`` receives a report callback."""
    signals = _Signals()
    _running.add(signals)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def inner(value: Any) -> None:
            _running.discard(signals)
            callback(value)

        return inner

    signals.done.connect(finish(on_done))
    signals.failed.connect(finish(on_error))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(fn, signals, on_progress is not None))
    return signals
