"""Slow work off the UI thread with plain callbacks: the start-up open and the print preview.

The same job and signals as ``ui.operations`` (whose ``CollectionOp`` and ``QueryOp`` every
write and slow read uses); this is the bare form for callers that handle the result and the
error themselves. A job started here counts in ``operations.busy()`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool

from . import operations
from .operations import _Job, _Signals


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> _Signals:
    """Run ``fn`` on the thread pool; with ``on_progress``, ``fn`` receives a report callback."""
    signals = _Signals()
    operations._running.add(signals)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def inner(value: Any) -> None:
            operations._running.discard(signals)
            callback(value)

        return inner

    signals.done.connect(finish(on_done))
    signals.failed.connect(finish(on_error))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(fn, signals, on_progress is not None))
    return signals
