"""Printed material as PDF, with ReportLab: core print models in, bytes out.

This package imports only ReportLab and ``facilitator.core`` (and ``facilitator.paths``
to find the shipped fonts); a test keeps Qt and the database out of it.
"""

from __future__ import annotations

from ..core.billing import ServicesExport
from ..core.care import AftercarePrint
from ..core.consents import Letter
from ..core.printing import Guide, Packet, PrintModel, RoleCardSheet, Workbook
from ..core.safety import SafetyProtocolPrint
from ..core.trends import MyProgress, ProgressReport, QuestionnaireForms
from .base import BaseRenderer, Progress
from .fonts import FontMissing

__all__ = ["render_pdf", "renderer_for", "BaseRenderer", "FontMissing", "Progress"]


def renderer_for(model: PrintModel | SafetyProtocolPrint | ProgressReport | MyProgress | QuestionnaireForms | AftercarePrint | Letter | ServicesExport, *, invariant: bool = False, progress: Progress | None = None) -> BaseRenderer:  # type: ignore[type-arg]
    from .aftercare import AftercareRenderer
    from .letters import LetterRenderer, ServicesSummaryRenderer
    from .progress import MyProgressRenderer, ProgressReportRenderer, QuestionnaireFormRenderer
    from .renderers import GuideRenderer, PacketRenderer, RoleCardsRenderer, WorkbookRenderer
    from .safety import SafetyProtocolRenderer

    kinds: dict[type, type[BaseRenderer]] = {  # type: ignore[type-arg]
        Packet: PacketRenderer,
        Guide: GuideRenderer,
        RoleCardSheet: RoleCardsRenderer,
        Workbook: WorkbookRenderer,
        SafetyProtocolPrint: SafetyProtocolRenderer,
        ProgressReport: ProgressReportRenderer,
        MyProgress: MyProgressRenderer,
        QuestionnaireForms: QuestionnaireFormRenderer,
        AftercarePrint: AftercareRenderer,
        Letter: LetterRenderer,
        ServicesExport: ServicesSummaryRenderer,
    }
    return kinds[type(model)](invariant=invariant, progress=progress)


def render_pdf(model: PrintModel | SafetyProtocolPrint | ProgressReport | MyProgress | QuestionnaireForms | AftercarePrint | Letter | ServicesExport, *, invariant: bool = False, progress: Progress | None = None) -> bytes:
    """The PDF for a packet, guide, role card sheet, workbook, the safety protocol, a participant's
    progress or aftercare plan, a letter under a consent, or the services-to-bill summary.

    ``invariant`` makes the bytes depend on the content only (no dates, fixed ids), for
    golden files. ``progress(done, total, what)`` is called as the layout goes.
    """
    return renderer_for(model, invariant=invariant, progress=progress).render(model)
