"""The Qt-free reader of the translation catalogue: what the core and the handouts print in a language."""

from __future__ import annotations

from pathlib import Path

from facilitator.core import catalogue as cat


def write_ts(path: Path) -> Path:
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>printing</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished">Conten</translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="vanished">Total viejo</translation>
    </message>
    <message>
        <source>Name &amp; date</source>
        <translation>Nombre &amp; fecha</translation>
    </message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    return path


def test_only_finished_entries_are_read(tmp_path: Path) -> None:
    entries = cat.read_ts(write_ts(tmp_path / "facilitator_es.ts"))
    assert entries == {
        ("printing", "Page {page} of {pages}"): "Página {page} de {pages}",
        ("printing", "Name & date"): "Nombre & fecha",
    }


def test_language_tags_reduce_to_their_language() -> None:
    assert cat.primary_language("es-MX") == cat.primary_language("es_ES") == "es"
    assert cat.primary_language("") == "en"


def test_the_shipped_spanish_catalogue_translates_and_english_passes_through() -> None:
    assert cat.translate("es-MX", "RoomView", "Starting soon") == "Comenzamos pronto"
    assert cat.translate("es", "RoomView", "Paused") == "En pausa"
    assert cat.translate("en", "RoomView", "Paused") == "Paused"
    assert cat.translate("fr", "RoomView", "Paused") == "Paused"  # no French catalogue: English
    assert cat.translate("es", "RoomView", "Not a word in the catalogue") == "Not a word in the catalogue"
    assert cat.has_catalogue("es") and cat.has_catalogue("en") and not cat.has_catalogue("fr")
