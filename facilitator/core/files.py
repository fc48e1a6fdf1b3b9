"""Writing files that hold protected information: atomically, and readable by the owner only.

Every PDF, CSV, backup digest, checkpoint and settings file Facilitator writes goes through
``private_file`` (``write_private`` for bytes already in hand): the content goes to a hidden
temporary file beside the target, created mode 600, that replaces the target only when the
whole file is written. A crash, a full disk or an exception leaves any earlier file as it was
and no partial file behind. ``store.db.private_file`` is this same helper.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from facilitator.core.catalogue import QT_TRANSLATE_NOOP

PART_PREFIX = ".facilitator-"
PART_SUFFIX = ".part"


def is_disk_full(exc: BaseException) -> bool:
    """True for "no space left" and "quota exceeded" (an OSError, or SQLite's "disk is full")."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc).lower()
    return "database or disk is full" in text or "no space left on device" in text


def os_problem(exc: OSError) -> str:
    """What an OSError on a path means, in a few words ("the file name is too long"), marked for
    the catalogue so a sentence quoting it is translated whole (an error not listed here gives
    the system's own words, as the system says them)."""
    if is_disk_full(exc):
        return QT_TRANSLATE_NOOP("core.files", "the disk is full")
    words = {
        errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("core.files", "the file name is too long"),
        errno.EACCES: QT_TRANSLATE_NOOP("core.files", "permission was denied"),
        errno.EPERM: QT_TRANSLATE_NOOP("core.files", "permission was denied"),
        errno.ENOENT: QT_TRANSLATE_NOOP("core.files", "there is no such file or folder"),
        errno.ENOTDIR: QT_TRANSLATE_NOOP("core.files", "a part of the path is not a folder"),
        errno.EISDIR: QT_TRANSLATE_NOOP("core.files", "it is a folder"),
        errno.EROFS: QT_TRANSLATE_NOOP("core.files", "the disk is read-only"),
        errno.ELOOP: QT_TRANSLATE_NOOP("core.files", "the path loops through links"),
        errno.EIO: QT_TRANSLATE_NOOP("core.files", "the disk could not be read or written"),
    }
    return words.get(exc.errno or -1) or (exc.strerror or str(exc) or type(exc).__name__).rstrip(".").lower()


def shown_path(path: Path | str, limit: int = 80) -> str:
    """A path to name in a sentence: shortened in the middle past ``limit`` characters, and
    control characters escaped, so a hostile name cannot fill the screen or the log."""
    text = str(path)
    if not text.isprintable():
        text = text.encode("unicode_escape").decode("ascii")
    if len(text) > limit:
        text = text[: limit // 2] + "…" + text[-(limit // 2) :]
    return text


DISK_FULL_SENTENCE = "The disk is full: nothing was saved. Free some space and try again; what you typed is still here."


@contextmanager
def private_file(path: Path, mode: str = "w", *, create_folder: bool = True, **kwargs: Any) -> Iterator[IO[Any]]:
    """Write ``path`` atomically, created mode 600: nobody else can read it, even half-written.

    Raises OSError (folder missing and not creatable, or missing and ``create_folder`` is
    False; disk full; no permission); the target is then untouched and the temporary file gone.
    """
    if "a" in mode or "+" in mode or "r" in mode:
        raise ValueError("private_file writes whole files")
    path = Path(path)
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{PART_PREFIX}{path.name}.{uuid.uuid4().hex[:8]}{PART_SUFFIX}")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_private(path: Path, data: bytes, *, create_folder: bool = True) -> None:
    """Write ``data`` to ``path`` in one step (a crash leaves the old file or none), mode 600."""
    with private_file(path, "wb", create_folder=create_folder) as fh:
        fh.write(data)
