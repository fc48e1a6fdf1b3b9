"""Other workstations' changes, as they commit: the feed a workstation refreshes from.

Every unit of work writes what it changed to ``change_log``. A ``ChangeFeed`` remembers
the newest entry it has seen and returns what others committed since. On PostgreSQL it
waits on ``LISTEN facilitator_changes`` (a unit of work sends NOTIFY as it commits), so a
change arrives within milliseconds; on SQLite, where there is no notification, the caller
asks every half second, which costs one indexed query.
"""

from __future__ import annotations

import logging
import select
import threading
from typing import Any

from ..core.changes import Changes
from .unit_of_work import NOTIFY_CHANNEL, Work

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5


class ChangeFeed:
    def __init__(self, work: Work) -> None:
        self._work = work
        self._seq = work.latest_change()
        self._listen: Any = None
        self._stop = threading.Event()

    @property
    def seen(self) -> int:
        return self._seq

    def poll(self) -> Changes:
        """What other workstations committed since the last call (empty if nothing)."""
        self._seq, changes = self._work.changes_since(self._seq)
        return changes

    def wait(self, timeout: float = POLL_SECONDS) -> Changes:
        """Block up to ``timeout`` seconds for others' changes; for a background thread."""
        if self._work.is_postgres:
            self._wait_for_notify(timeout)
        else:
            self._stop.wait(timeout)
        if self._stop.is_set():
            return Changes()
        return self.poll()

    def _wait_for_notify(self, timeout: float) -> None:
        try:
            if self._listen is None:
                raw = self._work.engine.raw_connection()
                driver = raw.driver_connection
                driver.autocommit = True
                driver.execute(f"LISTEN {NOTIFY_CHANNEL}")
                self._listen = raw
            driver = self._listen.driver_connection
            ready, _, _ = select.select([driver.fileno()], [], [], timeout)
            if ready:
                for _ in driver.notifies(timeout=0, stop_after=100):
                    pass
        except Exception:
            log.info("Listening for other workstations' changes failed; checking on a timer instead")
            self.close_listener()
            self._stop.wait(timeout)

    def close_listener(self) -> None:
        if self._listen is not None:
            try:
                self._listen.close()
            except Exception:
                pass
            self._listen = None

    def stop(self) -> None:
        self._stop.set()
        self.close_listener()
