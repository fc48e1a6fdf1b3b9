"""Accounts, audit trail and backups at clinic scale.

usage: .venv/bin/python benchmarks/audit.py [ENTRIES]   (prints figures; asserts nothing)

Argon2id sign-in cost; one audit append per transaction (what every view and change pays);
the trail filled to ENTRIES entries (default 1,000,000: years of a busy clinic), then a
full ``verify``, the audit screen's queries, a CSV export, and a backup with its check.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from facilitator.core.audit import GENESIS_HASH, HASHED_FIELDS, AuditAction, entry_hash
from facilitator.core.passwords import Passwords
from facilitator.core.permissions import Principal, UserRole
from facilitator.store import db
from facilitator.store.audit import AuditFilter, AuditLog
from facilitator.store.backup import check_backup, take_backup
from facilitator.store.models import AuditEntry, AuditHead

ADMIN = Principal(1, "admin", "Pat Kim", UserRole.ADMINISTRATOR)
USERS = ["priya", "morgan", "dana", "marcus", "lena", "jordan", "admin"]
ACTIONS = ["view", "view", "view", "change", "create", "print", "export", "sign-in", "lock", "unlock"]


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return f"median {statistics.median(samples):.2f} ms, p99 {p99:.2f} ms"


def timed(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


def fill(engine: sa.Engine, n: int) -> None:
    """Chained entries written with Core in batches: what years of use leave behind."""
    entry, head = AuditEntry.__table__, AuditHead.__table__  # type: ignore[attr-defined]
    start = datetime(2021, 1, 4, 14, 0, tzinfo=UTC)
    prev = GENESIS_HASH
    batch: list[dict[str, object]] = []
    with engine.begin() as conn:
        for seq in range(1, n + 1):
            content = {
                "seq": seq,
                "at": start + timedelta(seconds=seq * 150),
                "user_id": seq % 7 + 1,
                "username": USERS[seq % 7],
                "action": ACTIONS[seq % 10],
                "record_type": "participant",
                "record_id": str(seq % 4000),
                "participant_id": seq % 4000,
                "detail": "",
                "workstation": "room-a",
            }
            digest = entry_hash(prev, {k: content[k] for k in HASHED_FIELDS})
            batch.append(dict(content, prev_hash=prev, hash=digest))
            prev = digest
            if len(batch) == 20000:
                conn.execute(sa.insert(entry), batch)
                batch.clear()
        if batch:
            conn.execute(sa.insert(entry), batch)
        # The head only moves one entry at a time; a bulk fill lifts that rule for one update.
        trigger = conn.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_head_forward_only'")
        ).scalar_one()
        conn.execute(sa.text("DROP TRIGGER audit_head_forward_only"))
        conn.execute(sa.update(head).where(head.c.id == 1).values(seq=n, hash=prev))
        conn.execute(sa.text(trigger))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)

    passwords = Passwords()
    hashed = passwords.hash("river-stone-42")
    t = [timed(lambda: passwords.hash("river-stone-42"), 3), timed(lambda: passwords.verify(hashed, "river-stone-42"), 3)]
    print(f"Argon2id (m=64 MiB, t=3, p=4): hash {t[0]:.0f} ms, verify {t[1]:.0f} ms")

    audit = AuditLog(engine, workstation="bench")
    samples = []
    for i in range(2000):
        s = time.perf_counter()
        audit.record(ADMIN, AuditAction.VIEW, record_type="participant", record_id=i, participant_id=i % 40)
        samples.append((time.perf_counter() - s) * 1000)
    print(f"audit append, one transaction each (2,000): {ms(samples)}")

    # a fresh trail of n entries
    engine.dispose()
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    s = time.perf_counter()
    fill(engine, n)
    print(f"filled {n:,} chained entries in {time.perf_counter() - s:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")

    audit = AuditLog(engine, workstation="bench")
    s = time.perf_counter()
    report = AuditLog.verify_engine(engine)
    took = time.perf_counter() - s
    print(f"verify {report.checked:,} entries: {took:.1f} s ({report.checked / took / 1000:.0f}k entries/s), ok={report.ok}")

    last = datetime(2021, 1, 4, 14, 0, tzinfo=UTC) + timedelta(seconds=n * 150)
    month = AuditFilter(start=last - timedelta(days=30), end=last, descending=True, limit=5000)
    queries = {
        "audit screen, last 30 days, newest first": month,
        "  ... one participant, all time": AuditFilter(participant_id=17, descending=True, limit=5000),
        "  ... one user, last 30 days": AuditFilter(start=month.start, end=last, username="dana", limit=5000),
        "  ... exports only, last 30 days": AuditFilter(start=month.start, end=last, action="export", limit=5000),
        "  ... last 30 days sorted by user": AuditFilter(start=month.start, end=last, order_by="username", limit=5000),
        "  ... everything sorted by user (first 5,000)": AuditFilter(order_by="username", limit=5000),
    }
    for label, f in queries.items():
        rows = len(audit.entries(ADMIN, f))
        print(f"{label}: {timed(lambda f=f: audit.entries(ADMIN, f)):.0f} ms ({rows:,} rows)")

    out = folder / "month.csv"
    s = time.perf_counter()
    count = audit.export_csv(ADMIN, out, AuditFilter(start=month.start, end=last))
    print(f"CSV export of the last 30 days ({count:,} entries): {(time.perf_counter() - s) * 1000:.0f} ms")

    s = time.perf_counter()
    result = take_backup(path, folder / "backup.sqlite")
    took_backup = time.perf_counter() - s
    s = time.perf_counter()
    info = check_backup(result.path)
    print(
        f"backup of {result.size / 1e6:.0f} MB: {took_backup:.1f} s; restore check (digest, integrity, schema, "
        f"chain of {info.audit.checked:,}): {time.perf_counter() - s:.1f} s"
    )
    engine.dispose()


if __name__ == "__main__":
    main()
