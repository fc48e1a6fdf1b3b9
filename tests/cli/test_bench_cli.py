"""``facilitator bench timer``: its arithmetic, its refusals, and the shape of its report."""

from __future__ import annotations

import math
import re

import pytest

from facilitator.cli import main
from facilitator.ui.runner.bench import difference, shown_interval


def test_shown_interval_follows_the_countdown_rounding() -> None:
    assert shown_interval("5:00") == (299.0, 300.0)
    assert shown_interval("0:01") == (0.0, 1.0)
    assert shown_interval("+0:00") == (-1.0, 0.0)
    assert shown_interval("+1:05") == (-66.0, -65.0)
    assert shown_interval("1:00:00") == (3599.0, 3600.0)


def test_difference_is_zero_while_the_screen_is_right() -> None:
    assert difference("5:00", 299.5) == 0
    assert difference("5:00", 300.0) == 0
    assert difference("5:00", 298.95) == pytest.approx(0.05)  # it should already say 4:59
    assert difference("4:59", 299.02) == pytest.approx(0.02)  # it says 4:59 too early
    assert difference("+0:00", -1.03) == pytest.approx(0.03)


def test_bench_timer_needs_no_account_and_ends_with_the_largest_difference(
    qapp, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """``qapp``: the command makes its own QApplication when none exists; in tests it must share pytest-qt's."""
    monkeypatch.delenv("FACILITATOR_USER", raising=False)
    assert main(["bench", "timer", "--seconds", "1.2", "--threads", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    match = re.fullmatch(
        r"largest difference between the remaining time shown and the true remaining time: ([\d.]+) ms", lines[-1]
    )
    assert match is not None and math.isfinite(float(match.group(1)))
    assert any("1 pure-Python and 1 hashing threads" in line for line in lines)
    assert any(re.search(r"\b[1-9]\d* repaints checked", line) for line in lines)


@pytest.mark.parametrize("argv", [["--seconds", "0"], ["--seconds", "-3"], ["--threads", "-1"]])
def test_bench_timer_refuses_nonsense(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "timer", *argv]) == 2
    assert capsys.readouterr().err.startswith("facilitator: ")
