"""Rich text for the Library's reading pane: a curriculum overview and a full session."""

from __future__ import annotations

from html import escape

from ..core.curriculum import ChecklistField, Curriculum, CurriculumSession, LinesField, ScaleField
from ..core.markup import to_html


def _list(items: tuple[str, ...] | list[str], ordered: bool = False) -> str:
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def _para(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def curriculum_html(c: Curriculum) -> str:
    facts = [c.group_type.label]
    if c.focus:
        facts.append(f"focus: {c.focus}")
    facts += [f"audience: {c.audience}", f"language: {c.language}", f"{len(c.sessions)} sessions"]
    origin = "shipped with Facilitator" if c.shipped else "clinic curriculum"
    rows = "".join(
        f"<tr><td>{n}.</td><td>{escape(s.title)}</td><td align='right'>{s.minutes} min</td>"
        f"<td align='right'>{len(s.handouts)} handout{'s' if len(s.handouts) != 1 else ''}</td></tr>"
        for n, s in enumerate(c.sessions, start=1)
    )
    refs = f"<h3>References</h3>{_list(list(c.references))}" if c.references else ""
    reviewed = (
        f"<p><b>{escape(c.reviewed_label)}</b> ({c.reviewed.isoformat()})</p>"
        if c.reviewed
        else "<p style='color:#8a4b00'>This file does not say when its content was last reviewed.</p>"
    )
    return (
        f"<h1>{escape(c.title)}</h1>"
        f"<p><i>{escape(' · '.join(facts))}</i></p>"
        f"{reviewed}"
        f"{_para(c.summary)}"
        f"<h3>Sessions</h3><table cellpadding='4'>{rows}</table>"
        f"{refs}"
        f"<p style='color:#555'>Source: {escape(str(c.source))} ({origin})</p>"
    )


def session_html(c: Curriculum, s: CurriculumSession) -> str:
    number = c.session_number(s.id)
    where = f"{c.title} · session {number} of {len(c.sessions)}"
    if c.reviewed:
        where += f" · {c.reviewed_label}"
    parts = [
        f"<p style='color:#555'>{escape(where)}</p>",
        f"<h1>{escape(s.title)}</h1>",
        f"<p><i>{s.minutes} minutes</i></p>",
        "<h3>Objectives</h3>",
        _list(list(s.objectives)),
    ]
    if s.materials:
        parts += ["<h3>Materials</h3>", _list(list(s.materials))]
    rows = []
    clock = 0
    for n, item in enumerate(s.agenda, start=1):
        rows.append(
            f"<tr><td>{n}.</td><td>{clock}–{clock + item.minutes}</td><td>{escape(item.title)}</td>"
            f"<td>{escape(item.kind.label)}</td><td align='right'>{item.minutes} min</td></tr>"
        )
        clock += item.minutes
    parts += ["<h3>Agenda</h3>", f"<table cellpadding='4'>{''.join(rows)}</table>"]
    for n, item in enumerate(s.agenda, start=1):
        parts.append(f"<h3>{n}. {escape(item.title)} <small>({escape(item.kind.label)}, {item.minutes} min)</small></h3>")
        if item.script:
            parts.append("<p><b>Facilitator's script</b> (your screen only)</p>" + _para(item.script))
        if item.prompts:
            parts.append("<p><b>Prompts for the group</b></p>" + _list(list(item.prompts)))
        if item.display:
            parts.append(f"<p><b>On the room display:</b> {escape(item.display)}</p>")
        if item.role_play:
            rp = item.role_play
            phases = ", ".join(f"{escape(p.name)} {p.minutes} min" for p in rp.phases)
            parts.append(f"<p><b>Role play.</b> {escape(rp.scenario)}</p>")
            parts.append(f"<p>Each round: {phases}. Rounds: {rp.rounds} (roles rotate each round).</p>")
            for role in rp.roles:
                check = f"<br/>Watch for: {escape('; '.join(role.checklist))}" if role.checklist else ""
                parts.append(f"<p>• <b>{escape(role.name)}</b>: {escape(role.brief)}{check}</p>")
            if rp.debrief:
                parts.append("<p><b>Debrief after the last round</b></p>" + _list(list(rp.debrief)))
    for h in s.handouts:
        parts.append(f"<hr/><h2>Handout: {escape(h.title)}</h2>")
        parts.append(to_html(h.body))
        if h.worksheet:
            parts.append("<p><b>Worksheet</b></p><ol>")
            for f in h.worksheet:
                if isinstance(f, LinesField):
                    detail = f"{f.lines} line{'s' if f.lines != 1 else ''} to write on"
                elif isinstance(f, ChecklistField):
                    detail = "tick boxes: " + escape("; ".join(f.checklist))
                else:
                    assert isinstance(f, ScaleField)
                    detail = f"rating {f.min} ({escape(f.low)}) to {f.max} ({escape(f.high)})"
                parts.append(f"<li>{escape(f.prompt)} <i>({detail})</i></li>")
            parts.append("</ol>")
    return "".join(parts)
