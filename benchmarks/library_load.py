"""Loading 200 curriculum files (copies of the shipped ones under new ids): target under 1 s."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from facilitator.core.library import curriculum_files, load_library
from facilitator.paths import shipped_curricula_dir


def main() -> None:
    shipped = curriculum_files(shipped_curricula_dir())
    folder = Path(tempfile.mkdtemp())
    total_bytes = 0
    for n in range(200):
        source = shipped[n % len(shipped)]
        text = source.read_text(encoding="utf-8")
        first_id = next(line for line in text.splitlines() if line.startswith("id:"))
        copy = text.replace(first_id, f"{first_id}-copy-{n}", 1)
        (folder / f"c{n:03}.yaml").write_text(copy, encoding="utf-8")
        total_bytes += len(copy.encode())
    from facilitator.core import library as library_module

    times, warm = [], []
    for _ in range(5):
        library_module._parsed.clear()  # cold: every file read and parsed
        start = time.perf_counter()
        library = load_library(None, folder)
        times.append(time.perf_counter() - start)
        assert len(library.curricula) == 200 and not library.problems, library.problems[:3]
        (folder / "c000.yaml").touch()  # one file saved in an editor
        start = time.perf_counter()
        load_library(None, folder)
        warm.append(time.perf_counter() - start)
    sessions = sum(len(c.sessions) for c in library.curricula)
    print(f"200 files, {total_bytes / 1e6:.1f} MB, {sessions} sessions")
    print(f"load_library, cold: median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms (target: under 1000 ms)")
    print(f"reload after one file changed: median {statistics.median(warm) * 1000:.0f} ms")
    start = time.perf_counter()
    hits = library.search("naloxone")
    first = time.perf_counter() - start
    start = time.perf_counter()
    library.search("relapse warning")
    warm = time.perf_counter() - start
    print(f"search over them: first (builds index) {first * 1000:.0f} ms, next {warm * 1000:.1f} ms, {len(hits)} hits")


if __name__ == "__main__":
    main()
