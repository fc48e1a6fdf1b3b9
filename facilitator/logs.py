"""Logging to a rotating file in the user's log folder; tracebacks go there, not to users.

The log is private: its folder is mode 700 and every log file mode 600, checked (and
tightened) at every start, not only when they are created. It never carries protected
health information: engines are built with ``hide_parameters=True`` so SQL errors do not
print the values they were given, and the formatter removes what a database's own error
message quotes back (PostgreSQL's ``DETAIL: Key (record_number)=(A-1001) already exists``).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import stat
import sys
from pathlib import Path

LOG_FILE = "facilitator.log"
_configured: Path | None = None

# What a database quotes back from the row it refused, and SQL parameters if any slip through.
_QUOTED_VALUES = (
    (re.compile(r"(Key \([^)]*\))=\((?:[^()]|\([^()]*\))*\)"), r"\1=(…)"),
    (re.compile(r"(Failing row contains )\(.*?\)(?=\.?$|\s*$)", re.MULTILINE), r"\1(…)"),
    (re.compile(r"\[parameters: .*?\](?=\n|$)", re.DOTALL), "[parameters hidden]"),
)


def redact(text: str) -> str:
    """``text`` without the values a database error quotes from the row it refused."""
    for pattern, replacement in _QUOTED_VALUES:
        text = pattern.sub(replacement, text)
    return text


class PrivateFormatter(logging.Formatter):
    """The usual line, with quoted row values taken out of messages and tracebacks."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, the rotated ones too, is created mode 600."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def doRollover(self) -> None:
        super().doRollover()
        for i in range(1, self.backupCount + 1):
            rotated = Path(f"{self.baseFilename}.{i}")
            if rotated.exists():
                rotated.chmod(0o600)


def make_private_log_dir(log_dir: Path) -> None:
    """Create the log folder mode 700, or tighten it and the log files in it if they exist."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if stat.S_IMODE(log_dir.stat().st_mode) != 0o700:
        log_dir.chmod(0o700)
    for path in log_dir.glob(f"{LOG_FILE}*"):
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(0o600)


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Send log records to ``log_dir/facilitator.log`` (1 MB x 5 files); return its path.

    If the folder cannot be written or made private (read-only home, full disk, a folder
    owned by someone else) logging falls back to standard error rather than stopping the app.
    """
    global _configured
    path = log_dir / LOG_FILE
    if _configured == path:
        return path
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        make_private_log_dir(log_dir)
        handler: logging.Handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        print(f"facilitator: cannot write the log in {log_dir} ({exc.strerror}); logging to the terminal", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.setFormatter(fmt)
    reset_logging()
    handler._facilitator = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # Alembic announces every plugin at INFO on each start; the upgrade itself is logged by us.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _configured = path
    return path


def reset_logging() -> None:
    """Take Facilitator's handler off the root logger (tests, and before setting up anew)."""
    global _configured
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_facilitator", False)]:
        root.removeHandler(old)
        old.close()
    _configured = None


def log_path() -> Path | None:
    return _configured
