"""Every clinic setting is declared once; one test walks all of them."""

from __future__ import annotations

import pytest

from facilitator.core import clinic_settings as cs
from facilitator.core.changes import ValidationError


@pytest.mark.parametrize("spec", list(cs.SETTINGS.values()), ids=list(cs.SETTINGS))
def test_every_setting_round_trips_its_default_and_refuses_nonsense(spec: cs.Setting) -> None:
    assert spec.label and spec.help.endswith(".") and spec.section in cs.SECTIONS
    # The default survives being stored and read back.
    assert spec.parse(spec.to_text(spec.default)) == spec.default
    # Empty stored text reads as the default.
    assert spec.parse("") == spec.default
    if spec.kind in (cs.Kind.INTEGER, cs.Kind.NUMBER):
        assert spec.minimum is not None and spec.maximum is not None
        assert spec.minimum <= spec.default <= spec.maximum
        for bad in ("many", str(spec.maximum + 1), str(spec.minimum - 1), "nan", "inf"):
            with pytest.raises(ValidationError):
                spec.normalize_value(bad)
            assert spec.parse(bad) == spec.default
        assert spec.parse(str(spec.maximum)) == spec.maximum
    elif spec.kind is cs.Kind.CHOICE:
        with pytest.raises(ValidationError):
            spec.normalize_value("XYZ")
        for choice in spec.choices:
            assert spec.parse(choice.lower()) == choice
    elif spec.kind is cs.Kind.TIME_ZONE:
        assert spec.parse("America/Chicago") == "America/Chicago"
        with pytest.raises(ValidationError):
            spec.normalize_value("Mars/Olympus")
    with pytest.raises(ValidationError):
        spec.normalize_value("x" * (spec.max_length + 1))


def test_an_undeclared_key_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match="declare it in"):
        cs.setting("colour_of_the_walls")
