"""Several workstations editing one clinic at once: are updates lost, and how fast do others see them?

N workstation processes (default 4) make random edits for a fixed time (default 20 s) to
shared draft notes, attendance sheets and participants, through the services the app uses,
each the way the app's screens do it: read what is shown, change one thing, save. Every
process records what it believes it saved (the value, the version the save returned, if
any) and every ConflictError it was shown. Afterwards the database is compared with those
beliefs:

- a draft note: every word a workstation appended and saved must still be in the note;
- an attendance row and a participant's field each have one owning workstation: what it
  last saved must be what the database holds (another's save of a stale sheet or record
  would overwrite it);
- two successful saves of one record must not both claim the same version.

One more process watches the change feed (``store.change_feed.ChangeFeed``) as a
workstation's views do, and records for each change another process committed the time
from its commit (``change_log.at``) to its arrival.

    python benchmarks/workstations.py                    # SQLite in a temporary folder
    python benchmarks/workstations.py --postgres postgresql+psycopg://postgres@/bench?host=/tmp/pg
    python benchmarks/workstations.py --workers 8 --seconds 60

The PostgreSQL database is emptied first (its ``public`` schema is dropped): give it one
kept for benchmarks. The last line reads ``lost updates: L, conflicts reported: C, refresh
p95: R ms`` (over every database run); the goal is L = 0 and R <= 2000.

The service calls sit in the ``_read_*``/``_save_*`` functions below, the only place that
knows the services' signatures.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
NOTE_ROWS = 6  # shared drafts
SHEETS = 3  # shared attendance sheets
PARTICIPANTS = 6  # shared participants
FIELDS = ("preferred_name", "legal_name", "weekly_hours_target", "date_of_birth")
THINK_SECONDS = (0.0, 0.05)  # between reading what is on screen and pressing Save
PASSWORD = "demo"


# -- the service calls (adjust here when a service's signature changes) -------------------


def _kwargs_for(method: Any, seen_version: int | None) -> dict[str, Any]:
    """Pass the version the value was read at, if the service takes one."""
    params = inspect.signature(method).parameters
    for name in ("seen_version", "version", "expected_version"):
        if name in params:
            return {name: seen_version}
    return {}


def _version_of(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    version = getattr(value, "version", None)
    return int(version) if isinstance(version, int) else None


def _read_note(fac: Any, note_id: int) -> tuple[dict[str, Any], int | None]:
    view = fac.notes.note(fac.principal, note_id)
    return dict(view.content), _version_of(view)


def _save_note(fac: Any, note_id: int, content: dict[str, Any], seen: int | None) -> int | None:
    method = fac.notes.save_draft
    return _version_of(method(fac.principal, note_id, content, **_kwargs_for(method, seen)))


def _read_sheet(fac: Any, meeting_id: int) -> list[Any]:
    return list(fac.attendance.sheet(meeting_id))


def _save_sheet(fac: Any, meeting_id: int, rows: list[Any], changed_pid: int, status: Any) -> int | None:
    """Save the sheet as the attendance screen does: only the row the user changed, with the version it showed."""
    from facilitator.core.roster import AttendanceMark

    row = next(r for r in rows if r.participant_id == changed_pid)
    mark = AttendanceMark(status, participant_id=row.participant_id, relative_id=row.relative_id,
                          arrived_at=row.arrived_at, left_at=row.left_at,
                          attendance_id=getattr(row, "attendance_id", None), version=getattr(row, "version", None))
    fac.attendance.save_attendance(meeting_id, [mark])
    return None  # the service answers with the sheet's row count, not a version


def _read_participant(admin: Any, pid: int) -> Any:
    return admin.roster.participant(pid)


def _save_participant(admin: Any, record: Any, field: str, value: Any) -> int | None:
    from facilitator.core.roster import ParticipantDraft

    names = {f.name for f in dataclasses.fields(ParticipantDraft)}
    draft = ParticipantDraft(**{n: getattr(record, n) for n in names if hasattr(record, n)})
    draft = dataclasses.replace(draft, **{field: value})
    method = admin.roster.update_participant
    return _version_of(method(record.id, draft, **_kwargs_for(method, _version_of(record))))


def _config(url: str, folder: Path) -> Any:
    from facilitator.config import AppConfig

    return AppConfig.build(data_dir=folder / "data", log_dir=folder / "logs", database_url=url, environ={})


def prepare_clinic(url: str, folder: Path, workers: int) -> dict[str, Any]:
    """The demo clinic; returns the shared records and which workstation owns which row and field."""
    import sqlalchemy as sa

    from facilitator.backend import open_backend
    from facilitator.demo import seed_demo_accounts, seed_demo_notes
    from facilitator.store.demo_clinic import fill_demo_clinic

    backend = open_backend(_config(url, folder))
    try:
        backend.settings.set("clinic_name", "Workstations benchmark")  # type: ignore[union-attr]
    except Exception:
        pass
    attendance = backend.attendance
    fill_demo_clinic(backend.engine, backend.library, attendance.clock.now(), attendance.zone_name(), seed=11)
    seed_demo_accounts(backend)
    seed_demo_notes(backend)
    with backend.engine.connect() as conn:
        fac_id = conn.execute(sa.text("SELECT id FROM user_account WHERE username = 'facilitator'")).scalar_one()
        notes = conn.execute(sa.text(
            "SELECT id FROM progress_note WHERE author_id = :a AND status = 'draft' ORDER BY id LIMIT :n"
        ), {"a": fac_id, "n": NOTE_ROWS}).scalars().all()
        staff_id = conn.execute(sa.text("SELECT staff_id FROM user_account WHERE id = :a"), {"a": fac_id}).scalar_one()
        meetings = conn.execute(sa.text(
            "SELECT m.id FROM meeting m JOIN group_staff gs ON gs.group_id = m.group_id "
            "WHERE gs.staff_id = :s AND m.cancelled_at IS NULL AND EXISTS "
            "(SELECT 1 FROM attendance a WHERE a.meeting_id = m.id AND a.participant_id IS NOT NULL) "
            "ORDER BY m.starts_at DESC LIMIT :n"
        ), {"s": staff_id, "n": SHEETS}).scalars().all()
        people = conn.execute(sa.text("SELECT id FROM participant ORDER BY id LIMIT :n"),
                              {"n": PARTICIPANTS}).scalars().all()
    backend.sign_in("facilitator", PASSWORD)
    sheets = {}
    for mid in meetings:
        pids = [r.participant_id for r in _read_sheet(backend, mid) if r.participant_id is not None]
        sheets[mid] = {pid: i % workers for i, pid in enumerate(pids)}
    backend.dispose()
    fields = {f"{pid}:{field}": (i * len(FIELDS) + j) % workers
              for i, pid in enumerate(people) for j, field in enumerate(FIELDS)}
    return {"notes": list(notes), "sheets": {str(k): {str(p): w for p, w in v.items()} for k, v in sheets.items()},
            "fields": fields}


# -- a workstation ----------------------------------------------------------------------------


def workstation(index: int, url: str, folder: str, plan: dict[str, Any], start_at: Any, seconds: float,
                out: str) -> None:
    from facilitator.backend import open_backend
    from facilitator.core.attendance import AttendanceStatus
    from facilitator.core.changes import ConflictError, GoneError, UserFacingError

    rnd = random.Random(index)
    fac = open_backend(_config(url, Path(folder) / f"ws{index}"))
    admin = open_backend(_config(url, Path(folder) / f"ws{index}-admin"))
    fac.sign_in("facilitator", PASSWORD)
    admin.sign_in("admin", PASSWORD)
    my_rows = [(int(m), int(p)) for m, rows in plan["sheets"].items() for p, w in rows.items() if w == index]
    my_fields = [(int(k.split(":")[0]), k.split(":")[1]) for k, w in plan["fields"].items() if w == index]
    saves: list[dict[str, Any]] = []
    conflicts = failures = 0
    errors: dict[str, int] = {}
    n = 0
    start_at.wait()  # every process is connected and signed in: all start together
    deadline = time.time() + seconds
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.ABSENT_UNEXCUSED]
    while time.time() < deadline:
        n += 1
        kind = rnd.choice(["note", "note", "sheet", "participant"])
        try:
            if kind == "note" and plan["notes"]:
                note_id = rnd.choice(plan["notes"])
                content, seen = _read_note(fac, note_id)
                key = next(iter(sorted(k for k, v in content.items() if isinstance(v, str))), "text")
                token = f"[w{index}:{n}]"
                time.sleep(rnd.uniform(*THINK_SECONDS))
                content[key] = f"{content.get(key, '')} {token}".strip()
                version = _save_note(fac, note_id, content, seen)
                saves.append({"kind": "note", "id": note_id, "field": key, "value": token, "version": version})
            elif kind == "sheet" and my_rows:
                mid, pid = rnd.choice(my_rows)
                rows = _read_sheet(fac, mid)
                status = rnd.choice(statuses)
                time.sleep(rnd.uniform(*THINK_SECONDS))
                version = _save_sheet(fac, mid, rows, pid, status)
                saves.append({"kind": "sheet", "id": mid, "field": str(pid), "value": status.value, "version": version})
            elif kind == "participant" and my_fields:
                pid, field = rnd.choice(my_fields)
                record = _read_participant(admin, pid)
                value: Any = {
                    "preferred_name": f"P{index}x{n}",
                    "legal_name": f"Legal {index}x{n}",
                    "weekly_hours_target": float(rnd.randint(3, 20)),
                    "date_of_birth": date(1960, 1, 1) + timedelta(days=rnd.randint(0, 15000)),
                }[field]
                time.sleep(rnd.uniform(*THINK_SECONDS))
                version = _save_participant(admin, record, field, value)
                saves.append({"kind": "participant", "id": pid, "field": field, "value": str(value), "version": version})
        except (ConflictError, GoneError):
            conflicts += 1
        except UserFacingError:
            failures += 1  # e.g. the database was busy: nothing saved, and the user was told
        except Exception as exc:  # what the app would show as an unexpected error
            text = f"{kind}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
            errors[text] = errors.get(text, 0) + 1
    fac.dispose()
    admin.dispose()
    Path(out).write_text(json.dumps({"saves": saves, "conflicts": conflicts, "failures": failures, "errors": errors}), encoding="utf-8")


def watcher(url: str, folder: str, start_at: Any, seconds: float, out: str) -> None:
    """Follow the change feed as a workstation's views do; time each change's arrival."""
    import sqlalchemy as sa

    from facilitator.backend import open_backend
    from facilitator.store.change_feed import ChangeFeed
    from facilitator.store.models import ChangeLogEntry

    table = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    backend = open_backend(_config(url, Path(folder) / "watcher"))
    feed = ChangeFeed(backend.work)
    latencies: list[float] = []
    start_at.wait()
    deadline = time.time() + seconds + 3
    while time.time() < deadline:
        seen = feed.seen
        feed.wait(0.5)
        arrived = datetime.now(UTC)
        if feed.seen == seen:
            continue
        with backend.engine.connect() as conn:
            rows = conn.execute(sa.select(table.c.at).where(table.c.seq > seen, table.c.seq <= feed.seen,
                                                            table.c.workstation != backend.work.workstation)).all()
        for (at,) in rows:
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            latencies.append((arrived - at).total_seconds() * 1000)
    feed.stop()
    backend.dispose()
    Path(out).write_text(json.dumps(latencies), encoding="utf-8")


# -- what the database holds ----------------------------------------------------------------


def compare(url: str, results: list[dict[str, Any]]) -> tuple[int, dict[str, int]]:
    """Lost updates: saves a workstation believes it made that the database does not hold.

    Two saves claiming one version are counted apart ("same version"): the words or values
    they lost are already counted by what the database holds.
    """
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    lost = {"note": 0, "sheet": 0, "participant": 0}
    same_version = 0
    with engine.connect() as conn:
        notes = {r.id: json.loads(r.content) if isinstance(r.content, str) else r.content
                 for r in conn.execute(sa.text("SELECT id, content FROM progress_note"))}
        marks = {(r.meeting_id, r.participant_id): r.status
                 for r in conn.execute(sa.text("SELECT meeting_id, participant_id, status FROM attendance "
                                               "WHERE participant_id IS NOT NULL"))}
        people = {r.id: r for r in conn.execute(sa.text(
            "SELECT id, preferred_name, legal_name, weekly_hours_target, date_of_birth FROM participant"))}
    engine.dispose()
    last: dict[tuple[str, int, str], str] = {}
    versions: dict[tuple[str, int], list[int]] = {}
    for result in results:
        for s in result["saves"]:
            if s["kind"] == "note":
                if s["value"] not in str(notes[s["id"]].get(s["field"], "")):
                    lost["note"] += 1
            else:
                last[(s["kind"], s["id"], s["field"])] = s["value"]
            if s["version"] is not None:
                versions.setdefault((s["kind"], s["id"] if s["kind"] != "sheet" else hash((s["id"], s["field"]))),
                                    []).append(s["version"])
    for (kind, rid, field), value in last.items():
        if kind == "sheet":
            held = marks.get((rid, int(field)))
        else:
            raw = getattr(people[rid], field)
            held = str(float(raw)) if field == "weekly_hours_target" and raw is not None else str(raw)
        if held != value:
            lost[kind] += 1
    for seen in versions.values():
        same_version += len(seen) - len(set(seen))
    return sum(lost.values()), {**lost, "same version": same_version}


def run(label: str, url: str, workers: int, seconds: float) -> tuple[int, int, float | None]:
    folder = Path(tempfile.mkdtemp(prefix=f"facilitator-ws-{label.lower()}-"))
    t0 = time.perf_counter()
    plan = prepare_clinic(url, folder, workers)
    print(f"{label}: clinic ready in {time.perf_counter() - t0:.1f} s: {len(plan['notes'])} drafts, "
          f"{len(plan['sheets'])} sheets, {len(plan['fields']) // len(FIELDS)} participants; "
          f"{workers} workstations for {seconds:g} s", flush=True)
    ctx = mp.get_context("spawn")
    start_at = ctx.Barrier(workers + 1)  # workstations and the watcher start together once all are ready
    outs = [str(folder / f"ws{i}.json") for i in range(workers)]
    procs = [ctx.Process(target=workstation, args=(i, url, str(folder), plan, start_at, seconds, outs[i]))
             for i in range(workers)]
    watch_out = str(folder / "watcher.json")
    procs.append(ctx.Process(target=watcher, args=(url, str(folder), start_at, seconds, watch_out)))
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    if any(p.exitcode for p in procs):
        raise SystemExit(f"{label}: a workstation process failed (exit codes {[p.exitcode for p in procs]})")
    results = [json.loads(Path(o).read_text(encoding="utf-8")) for o in outs]
    latencies = json.loads(Path(watch_out).read_text(encoding="utf-8"))
    lost, detail = compare(url, results)
    shutil.rmtree(folder, ignore_errors=True)
    saves = sum(len(r["saves"]) for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    failures = sum(r["failures"] for r in results)
    errors: dict[str, int] = {}
    for r in results:
        for text, count in r["errors"].items():
            errors[text] = errors.get(text, 0) + count
    p95 = statistics.quantiles(latencies, n=20)[18] if len(latencies) >= 20 else (max(latencies) if latencies else None)
    by_kind = {k: sum(1 for r in results for s in r["saves"] if s["kind"] == k) for k in ("note", "sheet", "participant")}
    print(f"{label}: {saves} saves ({by_kind}), {conflicts} conflicts shown, {failures} other refusals; "
          f"lost {lost} {detail}; {len(latencies)} changes seen by the watcher, "
          f"p50 {statistics.median(latencies) if latencies else float('nan'):.0f} ms, "
          f"p95 {p95 if p95 is not None else float('nan'):.0f} ms", flush=True)
    for text, count in errors.items():
        print(f"{label}: {count} unexpected errors: {text}", flush=True)
    return lost, conflicts, p95


def empty_postgres(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4, help="workstation processes (default 4)")
    parser.add_argument("--seconds", type=float, default=20, help="how long they edit (default 20)")
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL database (it is emptied)")
    parser.add_argument("--no-sqlite", action="store_true", help="run on PostgreSQL only")
    args = parser.parse_args()
    runs: list[tuple[int, int, float | None]] = []
    if not args.no_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="facilitator-ws-db-"))
        runs.append(run("SQLite", f"sqlite:///{folder / 'clinic.sqlite'}", args.workers, args.seconds))
        shutil.rmtree(folder, ignore_errors=True)
    if args.postgres:
        empty_postgres(args.postgres)
        runs.append(run("PostgreSQL", args.postgres, args.workers, args.seconds))
    lost = sum(r[0] for r in runs)
    conflicts = sum(r[1] for r in runs)
    p95s = [r[2] for r in runs if r[2] is not None]
    refresh = f"{max(p95s):.0f}" if p95s else "n/a"
    print(f"lost updates: {lost}, conflicts reported: {conflicts}, refresh p95: {refresh} ms")


if __name__ == "__main__":
    main()
