"""Make the session runner's chimes (resources/sounds/*.wav) from sine waves, with the stdlib only.

Run from the repository root: ``.venv/bin/python docs/tools/make_chime.py``. The output is
byte-for-byte the same each time (no randomness, no timestamps), so the WAV files in git
are exactly what this script makes. Bell-like tones: a fundamental plus two soft partials,
a 5 ms attack so there is no click, and an exponential decay. 22,050 Hz, 16-bit, mono.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/sounds")

# (frequency in Hz, start in s, length in s, loudness 0..1)
Note = tuple[float, float, float, float]
CHIMES: dict[str, list[Note]] = {
    # Wrap-up: one gentle bell, E5. It should nudge the facilitator, not startle the room.
    "chime-wrapup.wav": [(659.25, 0.0, 1.2, 0.45)],
    # Zero: two notes falling a fourth, A5 then E5, a little louder.
    "chime-zero.wav": [(880.0, 0.0, 0.9, 0.5), (659.25, 0.32, 1.2, 0.5)],
    # Role-play phase change: a short high ping, C6.
    "chime-phase.wav": [(1046.5, 0.0, 0.5, 0.35)],
}
PARTIALS = [(1.0, 1.0), (2.0, 0.25), (3.01, 0.08)]  # (frequency ratio, relative loudness)


def render(notes: list[Note]) -> bytes:
    length = max(start + dur for _, start, dur, _ in notes)
    samples = [0.0] * int(length * RATE)
    for freq, start, dur, loud in notes:
        first = int(start * RATE)
        for n in range(int(dur * RATE)):
            t = n / RATE
            envelope = min(1.0, t / 0.005) * math.exp(-4.0 * t / dur)
            value = sum(weight * math.sin(2 * math.pi * freq * ratio * t) for ratio, weight in PARTIALS)
            samples[first + n] += loud * envelope * value / sum(w for _, w in PARTIALS)
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = min(1.0, 0.9 / peak) * 32767
    return b"".join(struct.pack("<h", int(round(s * scale))) for s in samples)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in CHIMES.items():
        path = OUT / name
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(render(notes))
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
