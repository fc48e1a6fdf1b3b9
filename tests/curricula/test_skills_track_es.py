"""The Spanish skills track: the English track's twin, written anew for clients in Spanish.

Same session and handout ids, same agenda shape and minutes, the same role plays (roles,
rounds, phases, observer checklists, debriefs), the safety check where the English track has
it (with 988's Spanish option), and handouts that read easily by a Spanish measure
(Fernández-Huerta 70 or more). A session missing from the twin is named, not hidden.
"""

from __future__ import annotations

import re
import statistics

import pytest
import textstat
from test_shipped_curricula import reading_text

from facilitator.core.curriculum import Curriculum, Handout
from facilitator.core.library import Library
from facilitator.core.markup import plain_text

MIN_EASE = 70.0

SAFETY_WORDS = ("sobredosis", "naloxona", "sin receta", "911", "suicidio", "directamente", "xilacina",
                "tiras reactivas de fentanilo", "llame o mande un texto al 988",
                "cualquier crisis de salud mental o de consumo", "opción 2", "1-800-662-4357")
#: Words a client reads in a handout when addressed as "tú" rather than "usted".
TU_FORMS = re.compile(r"\b(tú|tienes|puedes|quieres|eres|estás|necesitas|sientes)\b", re.IGNORECASE)
NEW_TOPICS = {
    # session id: Spanish words its text must hold (the topic, not just the title)
    "iop-and-drug-testing": ("positiva", "laboratorio", "consejero", "intoxicado"),
    "stimulant-cravings": ("estimulante", "premio", "prueba negativa", "manejo de contingencias"),
    "cannabis-refusal": ("cannabis", "legal", "abstinencia"),
    "benzodiazepines-and-coping": ("benzodiacepina", "quien le receta", "convulsiones", "nunca las deje de golpe"),
    "quitting-nicotine": ("nicotina", "1-800-quit-now", "1-855-335-3569", "parche"),
    "post-acute-withdrawal": ("abstinencia prolongada", "sueño", "concentra", "ánimo"),
    "grief-and-loss": ("duelo", "sobredosis", "pérdida"),
    "depression-skills": ("activación conductual", "depresión", "actividad"),
    "anxiety-skills": ("ansiedad", "soltar el aire", "lugar, color, pies"),
    "safety-plan": ("señales de alerta", "988", "más seguro", "profesionales", "personas a quienes puedo pedir ayuda"),
    "ambivalence-and-values": ("entrevista motivacional", "valores", "dos cosas a la vez"),
    "recovery-capital": ("capital de recuperación", "salud", "hogar", "propósito", "comunidad"),
}


@pytest.fixture(scope="module")
def english(shipped_library: Library) -> Curriculum:
    return shipped_library.get("skills-core")


@pytest.fixture(scope="module")
def spanish(shipped_library: Library) -> Curriculum:
    return shipped_library.get("skills-core-es")


@pytest.fixture
def ease():  # type: ignore[no-untyped-def]
    textstat.set_lang("es")
    yield textstat.fernandez_huerta
    textstat.set_lang("en_US")


def twins(english: Curriculum, spanish: Curriculum) -> list:  # type: ignore[type-arg]
    by_id = {s.id: s for s in english.sessions}
    return [(by_id[s.id], s) for s in spanish.sessions]


def session_text(session) -> str:  # type: ignore[no-untyped-def]
    parts = [session.title, *session.objectives, *session.materials]
    for item in session.agenda:
        parts += [item.title, item.script or "", item.display or "", *item.prompts]
        if item.role_play:
            rp = item.role_play
            parts += [rp.scenario, *rp.debrief]
            for role in rp.roles:
                parts += [role.name, role.brief, *role.checklist]
    for h in session.handouts:
        parts += [h.title, plain_text(h.body)]
        for field in h.worksheet:
            parts += [field.prompt, *getattr(field, "checklist", ())]
    return "\n".join(parts)


def is_safety_check(item) -> bool:  # type: ignore[no-untyped-def]
    return item.title.lower().startswith(("safety check", "chequeo de seguridad"))


def test_the_twin_has_every_session_in_the_same_order(english: Curriculum, spanish: Curriculum) -> None:
    written = {s.id for s in spanish.sessions}
    missing = [s.id for s in english.sessions if s.id not in written]
    assert missing == [], f"the Spanish skills track lacks these sessions: {', '.join(missing)}"
    assert [s.id for s in spanish.sessions] == [s.id for s in english.sessions]
    assert len(spanish.sessions) == 24


def test_the_twin_keeps_ids_shape_and_minutes(english: Curriculum, spanish: Curriculum) -> None:
    assert (spanish.language, spanish.session_minutes) == ("es", english.session_minutes)
    assert spanish.group_type is english.group_type and spanish.reviewed == english.reviewed
    for en, es in twins(english, spanish):
        assert [(i.kind, i.minutes) for i in es.agenda] == [(i.kind, i.minutes) for i in en.agenda], es.id
        assert [h.id for h in es.handouts] == [h.id for h in en.handouts], es.id
        assert [[type(f) for f in h.worksheet] for h in es.handouts] == [[type(f) for f in h.worksheet] for h in en.handouts], es.id
        assert es.title != en.title, f"{es.id}: written in Spanish, not copied"
        en_recaps = [n for n, i in enumerate(en.agenda) if i.title.lower().startswith("recap")]
        es_recaps = [n for n, i in enumerate(es.agenda) if i.title.lower().startswith("repaso")]
        assert es_recaps == en_recaps and all(es.agenda[n].script for n in es_recaps), f"{es.id}: the two-minute recap"


def test_role_plays_keep_roles_rounds_and_observers(english: Curriculum, spanish: Curriculum) -> None:
    for en, es in twins(english, spanish):
        assert len(es.role_plays) == len(en.role_plays), es.id
        for en_item, es_item in zip(en.role_plays, es.role_plays, strict=True):
            a, b = en_item.role_play, es_item.role_play
            assert b is not None and a is not None
            assert (b.rounds, [p.minutes for p in b.phases], len(b.roles)) == (a.rounds, [p.minutes for p in a.phases], len(a.roles)), es.id
            assert b.scenario and b.debrief and all(r.brief for r in b.roles), es.id
            assert any(r.checklist for r in b.roles), f"{es.id}: an observer checklist"
            assert not {r.name for r in b.roles} & {r.name for r in a.roles}, f"{es.id}: role names in Spanish"


def test_the_safety_check_comes_where_the_english_track_has_it(english: Curriculum, spanish: Curriculum) -> None:
    for en, es in twins(english, spanish):
        en_checks = [i for i in en.agenda if is_safety_check(i)]
        es_checks = [i for i in es.agenda if is_safety_check(i)]
        assert [i.minutes for i in es_checks] == [i.minutes for i in en_checks], es.id
        for item in es_checks:
            text = " ".join(f"{item.script}\n{item.display}".lower().split())
            assert [w for w in SAFETY_WORDS if w not in text] == [], es.id
            assert re.search(r"después de beber|bajo los efectos|intoxicad", text), es.id
    first = spanish.sessions[0]
    walk = next(i for i in first.agenda if is_safety_check(i))
    script = walk.script.lower()
    for step in ("no manejará", "directamente", "no la dejaré sola", "en persona", "anotaré", "911", "kit de naloxona",
                 "línea de prevención del suicidio y crisis"):
        assert step in script, step
    assert any(h.id == "group-safety" and "988 y luego el 2" in plain_text(h.body) for h in first.handouts)


def test_every_spanish_handout_reads_easily(ease, spanish: Curriculum) -> None:  # type: ignore[no-untyped-def]
    scores = {h.id: ease(reading_text(h)) for s in spanish.sessions for h in s.handouts}
    assert scores
    assert {k: round(v, 1) for k, v in scores.items() if v < MIN_EASE} == {}
    print(f"Fernández-Huerta over {len(scores)} handouts: min {min(scores.values()):.1f}, "
          f"median {statistics.median(scores.values()):.1f}")
    hard = Handout("x", "x", "La discontinuación de benzodiacepinas requiere protocolos farmacológicos "
                   "individualizados, supervisados por profesionales prescriptores, para minimizar complicaciones.")
    assert ease(reading_text(hard)) < MIN_EASE, "the measure can fail"


def test_handouts_speak_to_clients_as_usted(spanish: Curriculum) -> None:
    found = {}
    for s in spanish.sessions:
        for h in s.handouts:
            text = " ".join([plain_text(h.body), *(f.prompt for f in h.worksheet)])
            if hits := TU_FORMS.findall(text):
                found[h.id] = sorted(set(hits))
    assert found == {}
    assert TU_FORMS.search("Si tú puedes, llama.") is not None  # the pattern can fail


def test_no_checklist_asks_for_eye_contact(spanish: Curriculum) -> None:
    for s in spanish.sessions:
        for item in s.role_plays:
            for role in item.role_play.roles:  # type: ignore[union-attr]
                for line in role.checklist:
                    assert not re.search(r"\bojos?\b|mirada|contacto visual", line, re.IGNORECASE), f"{s.id}: {line}"


@pytest.mark.parametrize("session_id", sorted(NEW_TOPICS))
def test_each_new_topic_is_taught(spanish: Curriculum, session_id: str) -> None:
    session = next(s for s in spanish.sessions if s.id == session_id)
    text = session_text(session).lower()
    assert [w for w in NEW_TOPICS[session_id] if w.lower() not in text] == []
    assert any(h.worksheet for h in session.handouts)


def test_sources_are_cited(spanish: Curriculum, english: Curriculum) -> None:
    refs = "\n".join(spanish.references)
    for tip in ("TIP 41", "TIP 47", "TIP 35", "TIP 50", "TIP 63", "PEP23-03-00-001"):
        assert tip in refs, tip
    assert "opción 2" in refs and "988" in refs
    for technique, author in (("urge surfing", "Marlatt"), ("thinking traps", "Beck"), ("motivational interviewing", "Miller"),
                              ("Safety planning", "Stanley"), ("Behavioral activation", "Lewinsohn"),
                              ("Recovery capital", "Granfield"), ("Contingency management", "Petry")):
        assert technique.lower() in refs.lower() and author in refs, technique
