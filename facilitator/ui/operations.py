"""One way for the UI to change the record, or to read slowly: off the GUI thread.

In the spirit of Anki's ``CollectionOp`` and ``QueryOp``:

- ``CollectionOp(parent, fn)`` runs a write (a service call that opens a unit of work) on
  the one writer thread of this workstation, so this workstation's writes keep their order;
  ``QueryOp(parent, fn)`` runs a read that may take more than ~50 ms on the thread pool.
- ``.success(cb)`` receives the result on the GUI thread; ``.failure(cb)`` may handle an
  error first (return True when it did), else it is said one way: a typed error is one
  sentence in a message box, a session that ended (account disabled, database restored)
  goes to the ``ChangeHub.session_ended`` signal, anything else is logged and shown calmly.
- Past one second a progress dialog says what is being done (``.with_progress(label)``
  lets ``fn`` report steps).
- Every unit of work's ``Changes`` reach ``ChangeHub.changed``: views refresh from there,
  whether the change was made on this workstation or on another (the change feed thread).

The hub is created once per backend (``ChangeHub.for_backend``); views receive it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ..core.changes import Changes, ConflictError, SessionEnded, UserFacingError
from .errors import show_error, unexpected_error_text
from .i18n import QT_TRANSLATE_NOOP, sentence_text, translate

log = logging.getLogger(__name__)
T = TypeVar("T")

PROGRESS_AFTER_MS = 1000
_writer_pool: QThreadPool | None = None
_running: set[Any] = set()


def writer_pool() -> QThreadPool:
    """One thread for this workstation's writes: they run in the order they were asked for."""
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)
        _writer_pool.setExpiryTimeout(-1)
    return _writer_pool


def busy() -> bool:
    """Whether any operation is still running (tests wait on this, never on a sleep)."""
    return bool(_running)


def wait_idle(timeout_ms: int = 10_000) -> None:
    """Let running operations finish, processing events; for closing the app and for tests."""
    deadline = time.monotonic() + timeout_ms / 1000
    app = QApplication.instance()
    while _running and time.monotonic() < deadline:
        if app is not None:
            app.processEvents()
        writer_pool().waitForDone(10)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
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
        except Exception as exc:  # the GUI thread decides how to say it
            if not isinstance(exc, UserFacingError):
                log.exception("An operation failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class ChangeHub(QObject):
    """Where every view hears what changed, and the app hears that a session ended."""

    changed = Signal(object)  # Changes
    session_ended = Signal(str)  # the sentence to show; the session manager locks and asks to sign in

    def __init__(self, work: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._feed_thread: _FeedThread | None = None
        if work is not None:
            work.subscribe(self._from_any_thread)

    @classmethod
    def for_backend(cls, backend: Any) -> ChangeHub:
        """The hub of this backend's unit-of-work factory (one per backend)."""
        work = getattr(backend, "work", None)
        hub = getattr(work, "change_hub", None) if work is not None else None
        if hub is None:
            hub = cls(work)
            if work is not None:
                # Kept on the work itself (not in a class-wide table), so a closed backend and
                # its database connections can be collected with it.
                work.change_hub = hub
        return hub

    def _from_any_thread(self, changes: Changes) -> None:
        # Emitted from a worker thread, delivered on the GUI thread (queued connection).
        self.changed.emit(changes)

    def refresh_on(self, view: QObject, kinds: tuple[str, ...], refresh: Callable[[], None]) -> None:
        """Call ``refresh`` once, on the next turn of the event loop, after changes touching ``kinds``.

        A burst of changes (a save here, the feed's batch from another workstation) gives one
        refresh, not one per change; the connection goes with ``view``.
        """
        pending = [False]

        def run() -> None:
            pending[0] = False
            refresh()

        def heard(changes: Changes) -> None:
            if pending[0] or not changes.touches(*kinds):
                return
            pending[0] = True
            QTimer.singleShot(0, view, run)

        self.changed.connect(heard)
        view.destroyed.connect(lambda *_: self._disconnect(heard))

    def _disconnect(self, slot: Callable[[Changes], None]) -> None:
        try:
            self.changed.disconnect(slot)
        except (RuntimeError, TypeError):
            pass

    # -- other workstations -----------------------------------------------------------------

    def watch_other_workstations(self) -> None:
        """Start the thread that reads the change feed (PostgreSQL NOTIFY, or SQLite every 0.5 s)."""
        if self._work is None or self._feed_thread is not None:
            return
        from ..store.change_feed import ChangeFeed

        self._feed_thread = _FeedThread(ChangeFeed(self._work))
        self._feed_thread.arrived.connect(self.changed.emit)
        self._feed_thread.start()

    def stop(self) -> None:
        if self._feed_thread is not None:
            self._feed_thread.stop()
            self._feed_thread = None
        if self._work is not None:
            self._work.unsubscribe(self._from_any_thread)
            if getattr(self._work, "change_hub", None) is self:
                self._work.change_hub = None


class _FeedThread(QThread):
    arrived = Signal(object)

    def __init__(self, feed: Any) -> None:
        super().__init__()
        self._feed = feed
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                changes = self._feed.wait()
            except Exception:
                log.info("Reading the change feed failed; trying again", exc_info=True)
                self._stopping.wait(2.0)
                continue
            if changes:
                self.arrived.emit(changes)

    def stop(self) -> None:
        self._stopping.set()
        self._feed.stop()
        self.wait(3000)


def describe(exc: BaseException) -> str:
    """The one sentence an error is shown as."""
    if isinstance(exc, UserFacingError):
        return sentence_text(exc)
    return unexpected_error_text()


class _Op(Generic[T]):
    _pool_is_writer = True
    _default_title = QT_TRANSLATE_NOOP("operations", "Could not save")

    def __init__(self, parent: QWidget | None, fn: Callable[..., T], hub: ChangeHub | None = None) -> None:
        self._parent = parent
        self._fn = fn
        self._hub = hub
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], bool | None] | None = None
        self._progress_label: str | None = None
        self._title = translate("operations", self._default_title)
        self._dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[T], None]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], bool | None]) -> _Op[T]:
        """Handle an error first; return True if it was handled, else it is shown as usual."""
        self._failure = callback
        return self

    def titled(self, title: str) -> _Op[T]:
        self._title = title
        return self

    def with_progress(self, label: str) -> _Op[T]:
        """``fn`` receives ``report(done, total, text)``; a dialog shows it past one second."""
        self._progress_label = label
        return self

    def run(self) -> None:
        signals = _Signals()
        _running.add(signals)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self._show_progress)
        timer.start(PROGRESS_AFTER_MS)
        keep = (signals, timer, self)

        def finished() -> None:
            timer.stop()
            if self._dialog is not None:
                self._dialog.reset()
                self._dialog.deleteLater()
                self._dialog = None
            _running.discard(signals)
            del keep_alive[0]

        keep_alive = [keep]

        def on_done(result: Any) -> None:
            finished()
            if self._success is not None:
                self._success(result)

        def on_failed(exc: Exception) -> None:
            finished()
            self._report(exc)

        signals.done.connect(on_done)
        signals.failed.connect(on_failed)
        signals.progress.connect(self._on_progress)
        pool = writer_pool() if self._pool_is_writer else QThreadPool.globalInstance()
        pool.start(_Job(self._fn, signals, self._progress_label is not None))

    def _show_progress(self) -> None:
        self._dialog = QProgressDialog(self._progress_label or translate("operations", "Working…"), "", 0, 0, self._parent)
        self._dialog.setCancelButton(None)
        self._dialog.setMinimumDuration(0)
        self._dialog.setAccessibleName(self._progress_label or translate("operations", "Working"))
        self._dialog.setWindowTitle(translate("operations", "Facilitator"))
        self._dialog.show()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setRange(0, max(total, 0))
        self._dialog.setValue(done)
        if text:
            self._dialog.setLabelText(text)

    def _report(self, exc: Exception) -> None:
        if self._failure is not None and self._failure(exc):
            return
        hub = self._hub
        if isinstance(exc, SessionEnded) and hub is not None:
            hub.session_ended.emit(sentence_text(exc))
            return
        title = translate("operations", "Someone else changed this") if isinstance(exc, ConflictError) else self._title
        show_error(self._parent, title, describe(exc))


class CollectionOp(_Op[T]):
    """A write: runs on this workstation's writer thread, in order."""


class QueryOp(_Op[T]):
    """A read that can take a while: runs on the thread pool."""

    _pool_is_writer = False
    _default_title = QT_TRANSLATE_NOOP("operations", "Could not load")


def write_then_refresh(
    parent: QObject, fn: Callable[[], T], hub: ChangeHub | None, title: str, refresh: Callable[[], object],
    done: Callable[[T], object] | None = None,
) -> None:
    """A change off the GUI thread titled for its errors; the view refreshes from the hub, or
    (a view built without one) through ``refresh`` once the change is in."""

    def finished(result: T) -> None:
        if done is not None:
            done(result)
        if hub is None:
            refresh()

    CollectionOp(parent, fn, hub).titled(title).success(finished).run()
