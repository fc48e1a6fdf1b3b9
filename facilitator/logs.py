"""Logging to a rotating file in the user's log folder; tracebacks go there, not to users."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "facilitator.log"
_configured: Path | None = None


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Send log records to ``log_dir/facilitator.log`` (1 MB x 5 files); return its path.

    If the folder cannot be written (read-only home, full disk) logging falls back to
    standard error rather than stopping the app.
    """
    global _configured
    path = log_dir / LOG_FILE
    if _configured == path:
        return path
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        print(f"facilitator: cannot write the log in {log_dir} ({exc.strerror}); logging to the terminal", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.setFormatter(fmt)
    for old in [h for h in root.handlers if getattr(h, "_facilitator", False)]:
        root.removeHandler(old)
        old.close()
    handler._facilitator = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # Alembic announces every plugin at INFO on each start; the upgrade itself is logged by us.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _configured = path
    return path


def log_path() -> Path | None:
    return _configured
