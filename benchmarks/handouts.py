"""Handout PDFs at clinic scale: a 20-page packet, the largest workbook, guides, and the cold start.

usage: .venv/bin/python benchmarks/handouts.py   (prints figures; asserts nothing)

Targets: a 20-page packet in under 300 ms; the largest workbook in under 3 s.
"ReportLab alone" is the same pages as bare paragraphs with no letterhead, worksheets or
page numbering, to show what the handout machinery itself costs.
"""

from __future__ import annotations

import io
import statistics
import time

from facilitator.core import printing as P
from facilitator.core.library import load_library
from facilitator.core.markup import plain_text
from facilitator.paths import shipped_curricula_dir

CLINIC = P.Letterhead("Riverside Recovery Center (demo)")


def timed(fn, repeat: int = 9) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    samples, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), max(samples), result


def main() -> None:
    t = time.perf_counter()
    from facilitator.handouts import fonts, renderer_for

    import_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    fonts.register_fonts()
    fonts_ms = (time.perf_counter() - t) * 1000
    library = load_library(shipped_curricula_dir())
    print(
        f"import facilitator.handouts: {import_ms:.0f} ms; registering DejaVu Sans (once per process): {fonts_ms:.0f} ms"
    )

    # A packet of about 20 pages: copies of the session whose handouts fill the most pages.
    def pages_of(model: P.PrintModel) -> int:
        r = renderer_for(model)
        r.render(model)
        return r.page_count

    candidates = [(c, s) for c in library.curricula for s in c.sessions if s.handouts]
    curriculum, session = max(candidates, key=lambda cs: sum(len(h.body) for h in cs[1].handouts))
    per_copy = pages_of(P.build_packet(curriculum, session.id, P.anonymous_recipients(1), letterhead=CLINIC))
    copies = max(1, round(20 / per_copy))
    recipients = P.anonymous_recipients(copies)
    packet = P.build_packet(curriculum, session.id, recipients, letterhead=CLINIC)
    renderer = renderer_for(packet)
    median, worst, pdf = timed(lambda: renderer.render(packet))
    print(
        f"packet: {curriculum.id} / {session.id}, {copies} copies x {per_copy} pages = {renderer.page_count} pages, "
        f"{len(pdf) // 1024} KiB: median {median:.0f} ms, worst {worst:.0f} ms "
        f"({median / renderer.page_count:.1f} ms a page; target < 300 ms)"
    )

    mixed = [P.Recipient(large_print=n % 3 == 0) for n in range(copies)]
    packet_mixed = P.build_packet(curriculum, session.id, mixed, letterhead=CLINIC)
    r_mixed = renderer_for(packet_mixed)
    median, worst, _ = timed(lambda: r_mixed.render(packet_mixed))
    print(
        f"packet with every third copy in large print: {r_mixed.page_count} pages, median {median:.0f} ms, worst {worst:.0f} ms"
    )

    build_ms, _, _ = timed(lambda: P.build_packet(curriculum, session.id, recipients, letterhead=CLINIC), repeat=50)
    print(f"building that packet's model (core only): median {build_ms:.2f} ms")

    # ReportLab alone: the same words as plain paragraphs, same fonts, no furniture.
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from facilitator.handouts.styles import styles

    st = styles(False)
    words = [plain_text(h.body) + "\n" + "\n".join(f.prompt for f in h.worksheet) for h in session.handouts]

    def bare() -> bytes:
        story = []
        for _ in range(copies):
            for text in words:
                story += [Paragraph(line, st.body) for line in text.split("\n") if line]
                story.append(PageBreak())
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=LETTER).build(story)
        return buffer.getvalue()

    median, worst, _ = timed(bare)
    print(f"ReportLab alone, the same words as bare paragraphs: median {median:.0f} ms, worst {worst:.0f} ms")

    # The largest workbook, regular and large print (laid out twice for its contents).
    biggest = max(library.curricula, key=lambda c: sum(len(h.body) for s in c.sessions for h in s.handouts))
    for large in (False, True):
        book = P.build_workbook(biggest, letterhead=CLINIC, large_print=large)
        r_book = renderer_for(book)
        median, worst, pdf = timed(lambda r=r_book, b=book: r.render(b), repeat=3)
        print(
            f"workbook{' (large print)' if large else ''}: {biggest.id}, {book.handout_count} handouts, {r_book.page_count} pages, "
            f"{len(pdf) // 1024} KiB: median {median:.0f} ms, worst {worst:.0f} ms (target < 3000 ms)"
        )

    # Every facilitator guide.
    guides = []
    for c in library.curricula:
        for s in c.sessions:
            guide = P.build_guide(c, s.id, letterhead=CLINIC)
            t = time.perf_counter()
            renderer_for(guide).render(guide)
            guides.append((time.perf_counter() - t) * 1000)
    print(f"facilitator guides: {len(guides)}, median {statistics.median(guides):.0f} ms, worst {max(guides):.0f} ms")


if __name__ == "__main__":
    main()
