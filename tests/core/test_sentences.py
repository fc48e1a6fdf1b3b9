"""What the core and the store say to the user is a Sentence the UI can show in its own language:
every refusal they raise is marked for the catalogue, a template's placeholders are the params it
is given, and a Sentence looked up in Spanish keeps its params (and translates the words inside it)."""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
import string
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import facilitator.core
import facilitator.store
from facilitator.core.agenda_clock import ClockError
from facilitator.core.catalogue import QT_TRANSLATE_NOOP, Sentence, core_word, listing, say, say_in, translate
from facilitator.core.changes import ConflictError, UserFacingError, ValidationError
from facilitator.core.limits import parse_date

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("core", "store") for p in (ROOT / "facilitator" / folder).rglob("*.py")
                 if "migrations" not in p.parts)


def user_facing_names() -> set[str]:
    """Every exception the UI shows by its sentence: UserFacingError's family, and the session clock's."""
    names = {"UserFacingError", ClockError.__name__}
    for package in (facilitator.core, facilitator.store):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if "migrations" in info.name:
                continue
            module = importlib.import_module(info.name)
            names |= {v.__name__ for v in vars(module).values()
                      if isinstance(v, type) and issubclass(v, UserFacingError)}
    return names


def _words(node: ast.AST) -> bool:
    """English typed straight into the call: a literal, an f-string, or text glued with +."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _words(node.func.value)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return False


def unmarked_refusals(source: str, names: set[str], filename: str = "<string>") -> list[str]:
    """Where a user-facing error is raised (or built to be raised) with English not marked for the catalogue."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in names and _words(node.args[0]):
            found.append(f"{filename}:{node.lineno}: {name}({ast.unparse(node.args[0])[:70]})")
        if name == "_deny" and len(node.args) > 1 and _words(node.args[1]):  # permissions' refusals
            found.append(f"{filename}:{node.lineno}: _deny({ast.unparse(node.args[1])[:70]})")
    return found


def test_the_scan_catches_a_bare_refusal() -> None:
    sample = '''
def check(day):
    raise CareError(f"The plan's date {day} is before the admission.")
    raise ValidationError("Type a name.")
    raise GoneError("That " + what + " no longer exists.")
    raise CareError(say("core.care", "The plan's date {day} is before the admission.", day=day))
    raise CareError(problem)
    _deny(allowed, "Only an administrator can manage accounts.")
    raise ValueError(f"not for the user: {day}")
'''
    found = unmarked_refusals(sample, {"CareError", "ValidationError", "GoneError"})
    assert [f.split(": ", 1)[1].split("(")[0] for f in found] == ["CareError", "ValidationError", "GoneError", "_deny"]


def test_every_refusal_in_the_core_and_the_store_is_marked_for_the_catalogue() -> None:
    names = user_facing_names()
    assert {"ValidationError", "CareError", "BackupError", "SignInFailed", "MeasureError", "ClockError"} <= names
    found = []
    for path in SOURCES:
        found += unmarked_refusals(path.read_text(encoding="utf-8"), names, str(path.relative_to(ROOT)))
    assert found == []


def _say_calls(source: str) -> list[ast.Call]:
    """``catalogue.say`` calls (room_view's own one-argument ``say`` looks words up, and is not one)."""
    return [n for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "say" and len(n.args) != 1]


def test_every_sentence_names_its_context_and_template_literally_and_gives_each_placeholder() -> None:
    """A template lupdate cannot read never reaches the catalogue; a placeholder without its
    param (or a param without its placeholder) is a sentence that breaks, or loses a word, when said."""
    wrong = []
    count = 0
    for path in SOURCES:
        for call in _say_calls(path.read_text(encoding="utf-8")):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            literal = len(call.args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                                  for a in call.args)
            if not literal:
                wrong.append(f"{where}: context and template must be two literals")
                continue
            context, template = (a.value for a in call.args)
            count += 1
            if not (ROOT / "facilitator" / Path(*context.split("."))).with_suffix(".py").is_file():
                wrong.append(f"{where}: context {context!r} is not named after a module")
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
            given = {k.arg for k in call.keywords}
            if None in given:
                wrong.append(f"{where}: **params hide which placeholders are given")
            elif fields != given:
                wrong.append(f"{where}: placeholders {sorted(fields)} but params {sorted(given)}")
    assert wrong == []
    assert count > 300


# -- the Sentence ------------------------------------------------------------------------------


def test_a_sentence_is_its_english_text_everywhere_a_string_is_used() -> None:
    said = say("core.care", "The participant is already at {label} on that date.", label="partial hospitalization")
    assert said == "The participant is already at partial hospitalization on that date."
    assert isinstance(said, str) and f"{said}" == str(said) and said.upper().startswith("THE PARTICIPANT")
    assert (said.context, said.template, said.params) == (
        "core.care", "The participant is already at {label} on that date.", {"label": "partial hospitalization"})
    assert pickle.loads(pickle.dumps(said)) == said and pickle.loads(pickle.dumps(said)).params == said.params
    marked = QT_TRANSLATE_NOOP("core.limits", "record number")
    assert marked == "record number" and isinstance(marked, Sentence) and marked.params is None


def test_an_error_keeps_its_sentence_and_a_plain_string_still_works() -> None:
    said = say("store.roster", "There is already a group called {name!r}.", name="Tuesday {evening}")
    error = ValidationError(said)
    assert str(error) == "There is already a group called 'Tuesday {evening}'." and error.sentence is said
    plain = ValidationError("Something plain.")
    assert str(plain) == plain.sentence == "Something plain."
    assert not isinstance(plain.sentence, Sentence)


def test_say_in_spanish_translates_the_template_and_keeps_the_params() -> None:
    said = say("core.changes", "{who} changed this {what} after you opened it. Nothing was overwritten: "
               "reload to see their version, or save yours over it.", who="Dana Lee", what="x")
    spanish = say_in("es", said)
    assert spanish.startswith("Dana Lee cambió") and "(x)" in spanish and "No se sobrescribió nada" in spanish
    assert say_in("en", said) == str(said)
    assert say_in("es", "not a Sentence") == "not a Sentence"


def test_words_inside_a_sentence_are_translated_too() -> None:
    conflict = ConflictError("note", 7, what="note", changed_by="")
    spanish = say_in("es", conflict.sentence)
    assert spanish.startswith("Otra persona cambió este registro (nota)")
    assert str(conflict).startswith("Someone else changed this note after you opened it.")
    # A moment: the clinic's clock time and day, the month's name in the language shown.
    timed = ConflictError("note", 7, what="note", changed_by="Kim", changed_at=datetime(2026, 11, 3, 17, tzinfo=UTC),
                          zone=ZoneInfo("America/Chicago"))
    assert str(timed).startswith("Kim changed this note at 11:00 on 03 Nov, after you opened it.")
    assert say_in("es", timed.sentence).startswith("Kim cambió este registro (nota) a las 11:00 del 03 nov,")
    # An enum's label in the middle of a sentence: lower case in both languages.
    word = core_word("Awaiting co-signature", lower=True)
    assert word == "awaiting co-signature"
    assert say_in("es", word) == translate("es", "core", "Awaiting co-signature").lower() != word
    # A list of words: each translated, the separators kept.
    joined = listing([QT_TRANSLATE_NOOP("core.limits", "legal name"), "Zed"], "; ")
    assert joined == "legal name; Zed" and say_in("es", joined) == "nombre legal; Zed"


def test_an_error_quoted_inside_a_sentence_is_said_whole() -> None:
    inner = ValidationError(say("core.limits", "The report's end date is before its start date."))
    outer = say("core.measures", "The file cannot be read: {problem}.", problem=inner)
    assert outer == "The file cannot be read: The report's end date is before its start date.."
    assert say_in("es", outer) == ("No se puede leer el archivo: La fecha de fin del informe es anterior a su "
                                   "fecha de inicio..")


def test_the_absurd_date_is_refused_in_a_sentence_spanish_can_say() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("3026-01-01", QT_TRANSLATE_NOOP("core.limits", "first day"))
    assert str(caught.value) == "The first day 3026-01-01 is not between 1900 and 2100."
    assert say_in("es", caught.value.sentence) == "primer día: la fecha 3026-01-01 no está entre 1900 y 2100."


# -- a translation that does not fit ------------------------------------------------------------


def test_a_translation_that_lost_a_placeholder_shows_the_english_rather_than_failing() -> None:
    said = say("core.care", "The reason can be at most {reason_max} characters.", reason_max=500)
    broken = said.in_language(lambda context, template: "El motivo puede tener como máximo {maximo} caracteres.")
    assert broken == "The reason can be at most 500 characters."
    fitting = said.in_language(lambda context, template: "Máximo {reason_max}.")
    assert fitting == "Máximo 500."


def test_a_template_that_does_not_fit_its_params_is_a_mistake_in_the_code() -> None:
    with pytest.raises(ValueError, match="does not fit its params"):
        say("core.care", "The reason can be at most {reason_max} characters.", maximum=500)
