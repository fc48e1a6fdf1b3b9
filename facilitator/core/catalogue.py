"""The translation catalogue read without Qt, for words printed on paper or shown to the group.

The UI's translations live in Qt's own files, ``facilitator/translations/facilitator_<lang>.ts``
(XML, kept in the repository; the UI loads the ``.qm`` built from them). What the group sees
or takes home must speak the curriculum's language whatever the UI's language is, and the
core and the handout renderers may not import Qt, so they read the same ``.ts`` here: one
catalogue, one place where a translator works.

Words are marked where they are written with ``QT_TRANSLATE_NOOP("context", "text")`` (an
identity function, the name Qt's lupdate looks for) and looked up with
``translate(language, "context", "text")``. A language without a catalogue, or an entry not
yet finished, gives the English text.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"


class Sentence(str):
    """Words for the catalogue that remember where to look them up: a ``str`` (the English) that
    also carries its ``context``, its ``template`` and, once formatted, its ``params``.

    Everything that treats it as a string sees the English, as before; ``say_in`` (and the UI's
    ``i18n.sentence_text``) looks the template up in another language and formats it there, with
    the params that are Sentences themselves (a status, a kind) translated too.
    """

    context: str
    template: str
    params: dict[str, Any] | None

    def __new__(cls, context: str, template: str, params: dict[str, Any] | None = None) -> Sentence:
        text = template if params is None else _format(template, params)
        self = super().__new__(cls, text)
        self.context = context
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Sentence, (self.context, self.template, self.params))

    def in_language(self, lookup: Callable[[str, str], str]) -> str:
        """The sentence with each template looked up by ``lookup(context, template)`` (params too)."""
        template = lookup(self.context, self.template) or self.template
        if self.params is None:
            return template
        params = {name: value.in_language(lookup) if isinstance(value, Sentence) else value
                  for name, value in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError, AttributeError):  # a translation that lost a placeholder
            log.warning("The translation of %r does not fit its placeholders; English is shown", self.template)
            return str(self)


def _format(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:  # a mistake in the code's own template
        raise ValueError(f"the sentence {template!r} does not fit its params {sorted(params)}") from exc


def QT_TRANSLATE_NOOP(context: str, text: str) -> Sentence:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalogue under ``context``; it is translated where it is used."""
    return Sentence(context, text)


def say(context: str, template: str, /, **params: Any) -> Sentence:
    """A sentence for the user: ``template.format(**params)`` in English, translatable as a whole.

    ``context`` and ``template`` must be literals (docs/tools/update_translations.py gathers
    them for the catalogue). A param that is an error the user was shown stands for its
    sentence, so a sentence that quotes another is translated whole.
    """
    return Sentence(context, template, {name: _as_words(value) for name, value in params.items()})


def _as_words(value: Any) -> Any:
    sentence = getattr(value, "sentence", None) if isinstance(value, BaseException) else None
    return sentence if isinstance(sentence, str) else value


def core_word(text: str, *, lower: bool = False) -> Sentence:
    """A word the core hands the UI (an enum label, a setting's name), to go inside a sentence;
    ``lower`` for the middle of one ("already at partial hospitalization"), in every language.

    The update script puts every such word in the catalogue under the context "core".
    """
    word = text if isinstance(text, Sentence) else Sentence("core", str(text))
    return _Lowered(word.context, word.template) if lower else word


class _Lowered(Sentence):
    """A word shown in lower case, whatever case its catalogue entry has."""

    def __new__(cls, context: str, template: str, params: dict[str, Any] | None = None) -> _Lowered:
        self = str.__new__(cls, template.lower())
        self.context, self.template, self.params = context, template, None
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Lowered, (self.context, self.template))

    def in_language(self, lookup: Callable[[str, str], str]) -> str:
        return super().in_language(lookup).lower()


def listing(words: list[str], separator: str = ", ") -> Sentence:
    """Words joined ("Data, Plan"), each translated where the list is shown when it is a Sentence."""
    names = [f"w{i}" for i in range(len(words))]
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + n + "}" for n in names)
    return Sentence("", template, dict(zip(names, words, strict=True)))


def say_in(language: str, sentence: str) -> str:
    """``sentence`` in ``language`` when the catalogue has its words, else in English."""
    if not isinstance(sentence, Sentence):
        return str(sentence)
    return sentence.in_language(lambda context, template: translate(language, context, template))


def primary_language(tag: str) -> str:
    """``es-MX`` and ``es_ES`` -> ``es``; empty -> the source language."""
    return (tag or SOURCE_LANGUAGE).replace("_", "-").split("-")[0].lower()


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"facilitator_{primary_language(language)}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Every finished entry of a Qt ``.ts`` file: (context, source) -> translation.

    Entries marked unfinished, vanished or obsolete are left out, so their English shows.
    """
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue
            text = translation.text or ""
            if text:
                entries[(name, source)] = text
    return entries


_cache: dict[str, dict[tuple[str, str], str]] = {}
_lock = threading.Lock()


def catalogue(language: str) -> dict[tuple[str, str], str]:
    """The finished entries for ``language`` (empty for English or a language without a file)."""
    primary = primary_language(language)
    with _lock:
        if primary not in _cache:
            path = ts_path(primary)
            entries: dict[tuple[str, str], str] = {}
            if primary != SOURCE_LANGUAGE and path.is_file():
                try:
                    entries = read_ts(path)
                except (OSError, ET.ParseError):
                    log.warning("The translation catalogue %s could not be read; English is used", path, exc_info=True)
            _cache[primary] = entries
        return _cache[primary]


def translate(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` when the catalogue has it, else as written (English)."""
    return catalogue(language).get((context, text), text)


def has_catalogue(language: str) -> bool:
    primary = primary_language(language)
    return primary == SOURCE_LANGUAGE or ts_path(primary).is_file()
