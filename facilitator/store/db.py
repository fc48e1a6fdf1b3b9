"""One engine per process, built in the composition root, and schema upgrades.

SQLite (the default) runs in WAL mode with foreign keys on; PostgreSQL works the same way
through its URL. Every query in the services is kept portable between the two.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from facilitator.core.catalogue import say

from ..core import files
from ..core.changes import UserFacingError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(UserFacingError):
    """The database cannot be used; the message is a sentence for the user."""


def is_sqlite(url: str | sa.URL) -> bool:
    return sa.make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str | sa.URL) -> Path | None:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def write_protected(mode: int) -> bool:
    """Whether a file's permission bits let nobody write it (chmod a-w), whoever runs the app."""
    return not mode & 0o222


def create_engine(url: str, *, create: bool = True) -> Engine:
    """Build the engine; for SQLite, WAL, foreign keys and a busy timeout on every connection.

    A SQLite file is opened with ``mode=rw``: SQLite never makes a new empty file where the
    database was, even when it vanishes while the app runs. A missing file is created only
    with ``create`` (the first start of a new data folder); otherwise a sentence.
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise DatabaseError(say("store.db", "The database address {url!r} is not a valid URL.", url=url)) from exc
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)
    path = sqlite_path(url)
    if path is None:
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False}, poolclass=StaticPool, hide_parameters=True
        )
    else:
        if not path.exists() and not create:
            raise DatabaseError(
                say("store.db", "The clinic database is missing from {path}, though this data folder has held one. "
                    "Facilitator does not start an empty clinic in its place: put the file back, or restore "
                    "the latest backup (facilitator restore FILE).", path=path)
            )
        try:
            make_private_dir(path.parent)
        except OSError as exc:
            raise DatabaseError(say("store.db", "Cannot create the data folder {parent}: {strerror}.",
                                    parent=path.parent, strerror=exc.strerror)) from exc
        _ensure_private(path)
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=rw"
        engine = sa.create_engine(
            url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=15), hide_parameters=True
        )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if path is not None:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def _ensure_private(path: Path) -> None:
    """Create the database file readable by its owner only, before SQLite creates it."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.is_file():
            try:
                p.chmod(0o600)
            except OSError:
                pass


def ensure_private(path: Path) -> None:
    """Make a SQLite file and its WAL/SHM companions readable by their owner only (creating the file)."""
    _ensure_private(path)


def make_private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create a folder (and its parents) that only its owner can open.

    An existing folder is left as it is unless ``tighten`` says it is ours (the backups
    folder); a folder the user chose, such as a USB stick, is never changed.
    """
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        tighten = True
    if tighten:
        try:
            path.chmod(0o700)
        except OSError:
            pass
    return path


# Every protected file is written through one helper (kept in core so handouts and core can use it).
private_file = files.private_file


# -- migrations ----------------------------------------------------------------------------


def _alembic_config(connection: sa.Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)  # type: ignore[arg-type]
    heads = ScriptDirectory.from_config(cfg).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision_on(conn)


def current_revision_on(conn: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade_on(conn: sa.Connection) -> None:
    """Run the migrations on this connection, in its transaction (the caller commits)."""
    from alembic import command

    command.upgrade(_alembic_config(conn), "head")


def may_change_schema(conn: sa.Connection) -> bool:
    """Whether the connected role may run the migrations.

    Always on SQLite. On PostgreSQL only the owner of the schema's tables (or a superuser)
    may: a clinic's workstations connect as an app role that changes rows, not tables.
    """
    if conn.dialect.name != "postgresql":
        return True
    return bool(
        conn.exec_driver_sql(
            "SELECT CASE WHEN to_regclass('alembic_version') IS NULL "
            "THEN has_schema_privilege(current_schema(), 'CREATE') "
            "ELSE pg_has_role((SELECT relowner FROM pg_class WHERE oid = to_regclass('alembic_version')), 'USAGE') "
            "END"
        ).scalar()
    )


def upgrade(engine: Engine, backup_dir: Path | None = None) -> str | None:
    """Bring the schema to the newest version; return the backup path if one was taken.

    An existing SQLite database at an older version is copied first (SQLite's online
    backup), so a failed upgrade can be undone by hand. A database written by a newer
    Facilitator is refused rather than touched.
    """
    from alembic.script import ScriptDirectory

    try:
        current = current_revision(engine)
    except sa.exc.OperationalError as exc:
        raise DatabaseError(say("store.db", "Cannot open the database: {orig}.", orig=exc.orig)) from exc
    head = head_revision()
    if current == head:
        return None
    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseError(
                say("store.db", "This database was written by a newer version of Facilitator (schema {current}); "
                    "update Facilitator on this computer before opening it.", current=current)
            ) from exc
    with engine.connect() as conn:
        allowed = may_change_schema(conn)
    if not allowed:
        user = engine.url.username or "this account"
        if current is None:
            raise DatabaseError(
                say("store.db", "The clinic database is empty and {user} may not create its tables: the clinic's "
                    "administrator must run 'facilitator server prepare' (it installs the schema as the "
                    "database's owner) first.", user=user)
            )
        raise DatabaseError(
            say("store.db", "The clinic database is at schema {current} and this Facilitator needs {head}, which "
                "{user} may not install: the clinic's administrator must run 'facilitator server upgrade' "
                "(it migrates as the database's owner) before the workstations open it.",
                current=current, head=head, user=user)
        )
    backup = None
    path = sqlite_path(engine.url)
    if current is not None and path is not None and backup_dir is not None:
        backup = backup_dir / f"before-upgrade-{current}-{datetime.now(UTC):%Y%m%d-%H%M%S}.sqlite"
        sqlite_backup(path, backup)
        log.info("Backed up %s to %s before upgrading from %s to %s", path, backup, current, head)
    with engine.begin() as conn:
        upgrade_on(conn)
    log.info("Database schema upgraded from %s to %s", current, head)
    return str(backup) if backup else None


def sqlite_backup(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database, created mode 600, as one self-contained file.

    The copy is switched out of WAL mode so that it needs no -wal/-shm companions and can be
    checked read-only without leaving any behind. It is written to ``TARGET.part`` (locked
    while it is written) and renamed when whole; a copy killed midway leaves the ``.part``,
    which the next start removes.
    """
    make_private_dir(target.parent)
    tmp = target.with_suffix(target.suffix + ".part")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        with held_partial(tmp):
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
            shutil.move(tmp, target)
    except BaseException:
        for leftover in (tmp, Path(str(tmp) + "-journal")):
            leftover.unlink(missing_ok=True)
        raise


@contextmanager
def held_partial(path: Path) -> Iterator[None]:
    """Hold an advisory lock on a partial file while it is written, so a start-up cleanup elsewhere leaves it be.

    The lock goes with the process: a backup killed midway leaves a file nobody holds.
    """
    try:
        import fcntl
    except ImportError:  # Windows: the cleanup goes by age instead
        yield
        return
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def partial_in_use(path: Path) -> bool:
    """Whether a live backup or restore holds ``path`` (without locks: whether it changed in the last hour)."""
    try:
        import fcntl
    except ImportError:
        import time

        return time.time() - path.stat().st_mtime < 3600
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False
