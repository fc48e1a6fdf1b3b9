"""Rich text for the Library's reading pane: a curriculum overview and a full session."""

from __future__ import annotations

from html import escape

from ..core.curriculum import ChecklistField, Curriculum, CurriculumSession, LinesField, ScaleField
from ..core.markup import to_html
from .i18n import core_word, translate


def _list(items: tuple[str, ...] | list[str], ordered: bool = False) -> str:
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def _para(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def curriculum_html(c: Curriculum) -> str:
    facts = [core_word(c.group_type.label)]
    if c.focus:
        facts.append(translate("library_html", "focus: {focus}").format(focus=c.focus))
    facts += [
        translate("library_html", "audience: {audience}").format(audience=c.audience),
        translate("library_html", "language: {language}").format(language=c.language),
        translate("library_html", "{count} sessions").format(count=len(c.sessions)),
    ]
    origin = translate("library_html", "shipped with Facilitator") if c.shipped else translate("library_html", "clinic curriculum")
    rows = "".join(
        f"<tr><td>{n}.</td><td>{escape(s.title)}</td><td align='right'>"
        + translate("library_html", "{minutes} min").format(minutes=s.minutes)
        + "</td><td align='right'>"
        + (translate("library_html", "1 handout") if len(s.handouts) == 1
           else translate("library_html", "{count} handouts").format(count=len(s.handouts)))
        + "</td></tr>"
        for n, s in enumerate(c.sessions, start=1)
    )
    refs = translate("library_html", "<h3>References</h3>{references}").format(references=_list(list(c.references))) if c.references else ""
    reviewed = (
        f"<p><b>{escape(c.reviewed_label)}</b> ({c.reviewed.isoformat()})</p>"
        if c.reviewed
        else translate("library_html", "<p style='color:@warning'>This file does not say when its content was last reviewed.</p>")
    )
    return (
        f"<h1>{escape(c.title)}</h1>"
        f"<p><i>{escape(' · '.join(facts))}</i></p>"
        f"{reviewed}"
        f"{_para(c.summary)}"
        + translate("library_html", "<h3>Sessions</h3>")
        + f"<table cellpadding='4'>{rows}</table>"
        f"{refs}"
        + translate("library_html", "<p style='color:@muted'>Source: {source} ({origin})</p>").format(
            source=escape(str(c.source)), origin=origin)
    )


def session_html(c: Curriculum, s: CurriculumSession) -> str:
    number = c.session_number(s.id)
    where = translate("library_html", "{title} · session {number} of {count}").format(
        title=c.title, number=number, count=len(c.sessions))
    if c.reviewed:
        where += f" · {c.reviewed_label}"
    parts = [
        f"<p style='color:@muted'>{escape(where)}</p>",
        f"<h1>{escape(s.title)}</h1>",
        translate("library_html", "<p><i>{minutes} minutes</i></p>").format(minutes=s.minutes),
        translate("library_html", "<h3>Objectives</h3>"),
        _list(list(s.objectives)),
    ]
    if s.materials:
        parts += [translate("library_html", "<h3>Materials</h3>"), _list(list(s.materials))]
    rows = []
    clock = 0
    for n, item in enumerate(s.agenda, start=1):
        rows.append(
            f"<tr><td>{n}.</td><td>{clock}–{clock + item.minutes}</td><td>{escape(item.title)}</td>"
            f"<td>{escape(core_word(item.kind.label))}</td><td align='right'>"
            + translate("library_html", "{minutes} min").format(minutes=item.minutes) + "</td></tr>"
        )
        clock += item.minutes
    parts += [translate("library_html", "<h3>Agenda</h3>"), f"<table cellpadding='4'>{''.join(rows)}</table>"]
    for n, item in enumerate(s.agenda, start=1):
        parts.append(translate("library_html", "<h3>{n}. {title} <small>({kind}, {minutes} min)</small></h3>").format(
            n=n, title=escape(item.title), kind=escape(core_word(item.kind.label)), minutes=item.minutes))
        if item.script:
            parts.append(translate("library_html", "<p><b>Facilitator's script</b> (your screen only)</p>") + _para(item.script))
        if item.prompts:
            parts.append(translate("library_html", "<p><b>Prompts for the group</b></p>") + _list(list(item.prompts)))
        if item.display:
            parts.append(translate("library_html", "<p><b>On the room display:</b> {display}</p>").format(display=escape(item.display)))
        if item.role_play:
            rp = item.role_play
            phases = ", ".join(
                translate("library_html", "{name} {minutes} min").format(name=escape(p.name), minutes=p.minutes)
                for p in rp.phases)
            parts.append(translate("library_html", "<p><b>Role play.</b> {scenario}</p>").format(scenario=escape(rp.scenario)))
            parts.append(translate("library_html", "<p>Each round: {phases}. Rounds: {rounds} (roles rotate each round).</p>").format(phases=phases, rounds=rp.rounds))
            for role in rp.roles:
                check = translate("library_html", "<br/>Watch for: {checklist}").format(checklist=escape('; '.join(role.checklist))) if role.checklist else ""
                parts.append(f"<p>• <b>{escape(role.name)}</b>: {escape(role.brief)}{check}</p>")
            if rp.debrief:
                parts.append(translate("library_html", "<p><b>Debrief after the last round</b></p>") + _list(list(rp.debrief)))
    for h in s.handouts:
        parts.append(translate("library_html", "<hr/><h2>Handout: {title}</h2>").format(title=escape(h.title)))
        parts.append(to_html(h.body))
        if h.worksheet:
            parts.append(translate("library_html", "<p><b>Worksheet</b></p><ol>"))
            for f in h.worksheet:
                if isinstance(f, LinesField):
                    detail = (translate("library_html", "1 line to write on") if f.lines == 1
                              else translate("library_html", "{count} lines to write on").format(count=f.lines))
                elif isinstance(f, ChecklistField):
                    detail = translate("library_html", "tick boxes: {items}").format(items=escape("; ".join(f.checklist)))
                else:
                    assert isinstance(f, ScaleField)
                    detail = translate("library_html", "rating {min} ({low}) to {max} ({high})").format(
                        min=f.min, max=f.max, low=escape(f.low), high=escape(f.high))
                parts.append(f"<li>{escape(f.prompt)} <i>({detail})</i></li>")
            parts.append("</ol>")
    return "".join(parts)
