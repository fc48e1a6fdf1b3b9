"""The hash chain in plain Python: canonical content, and where verify_chain says it broke."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from facilitator.core.audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    AuditRecord,
    canonical_json,
    entry_hash,
    verify_chain,
)


def _chain(n: int) -> list[AuditRecord]:
    records = []
    prev = GENESIS_HASH
    start = datetime(2026, 11, 2, 17, 0, tzinfo=UTC)
    for seq in range(1, n + 1):
        r = AuditRecord(
            seq=seq,
            at=start + timedelta(seconds=seq),
            user_id=1,
            username="ana",
            action="view",
            record_type="participant",
            record_id=str(seq),
            participant_id=seq,
            detail="",
            workstation="room-a",
        )
        digest = entry_hash(prev, r.content())
        records.append(replace(r, prev_hash=prev, hash=digest))
        prev = digest
    return records


def test_canonical_json_is_independent_of_key_order_and_zone() -> None:
    at = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    a = {"b": 1, "a": at, "c": "é"}
    b = {"c": "é", "a": at.astimezone(__import__("zoneinfo").ZoneInfo("America/Chicago")), "b": 1}
    assert canonical_json(a) == canonical_json(b)
    assert canonical_json(a) == '{"a":"2026-11-02T12:00:00.000000Z","b":1,"c":"é"}'.encode()


def test_hash_covers_every_field_and_the_previous_hash() -> None:
    r = _chain(1)[0]
    base = entry_hash(GENESIS_HASH, r.content())
    assert entry_hash("1" * 64, r.content()) != base
    for name in HASHED_FIELDS:
        content = r.content()
        content[name] = "changed" if not isinstance(content[name], int) else content[name] + 1
        if name == "at":
            content[name] = r.at + timedelta(microseconds=1)
        assert entry_hash(GENESIS_HASH, content) != base, name


def test_intact_chain_passes() -> None:
    records = _chain(5)
    report = verify_chain(records, 5, records[-1].hash)
    assert report.ok and report.checked == 5 and report.last_seq == 5


def test_an_edited_entry_is_named() -> None:
    records = _chain(5)
    records[2] = replace(records[2], username="someone-else")
    report = verify_chain(records, 5, records[-1].hash)
    assert [p.seq for p in report.problems] == [3]
    assert "entry 3" in report.problems[0].sentence and "altered" in report.problems[0].sentence


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link() -> None:
    records = _chain(5)
    forged = replace(records[2], detail="nothing to see")
    records[2] = replace(forged, hash=entry_hash(forged.prev_hash, forged.content()))
    report = verify_chain(records, 5, records[-1].hash)
    assert [p.seq for p in report.problems] == [4]
    assert "does not follow" in report.problems[0].sentence


def test_a_deleted_entry_is_named() -> None:
    records = _chain(5)
    del records[1]
    report = verify_chain(records, 5, records[-1].hash)
    assert report.problems[0].seq == 2
    assert "entry 2 is missing" in report.problems[0].sentence


def test_entries_cut_off_the_end_are_found_with_the_head() -> None:
    records = _chain(5)
    report = verify_chain(records[:3], 5, records[-1].hash)
    assert [p.seq for p in report.problems] == [4]
    assert "entries 4 to 5" in report.problems[0].sentence
