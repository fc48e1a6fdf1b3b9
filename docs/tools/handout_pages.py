"""PNG pages of printed handouts for docs/handouts/ (needs pdftoppm from poppler-utils).

usage: .venv/bin/python docs/tools/handout_pages.py [OUT_DIR]

Renders, from the shipped curricula: a handout, the same handout in large print, a Spanish
handout when a Spanish edition is loaded, a sheet of role cards, and the first two pages of
a facilitator guide; then turns the chosen page of each into a PNG at 70 dpi.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from facilitator.core import printing as P
from facilitator.core.library import load_library
from facilitator.handouts import render_pdf
from facilitator.paths import shipped_curricula_dir

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/handouts")
CLINIC = P.Letterhead("Riverside Recovery Center (demo)")
DPI = "70"


def png(pdf: bytes, name: str, pages: range) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        for page in pages:
            target = OUT / (f"{name}-{page}" if len(pages) > 1 else name)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    DPI,
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(source),
                    str(target),
                ],
                check=True,
            )
            print("saved", target.with_suffix(".png"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    library = load_library(shipped_curricula_dir())
    skills = library.get("skills-core")
    session = skills.sessions[0].id
    one = [P.Recipient()]
    png(render_pdf(P.build_packet(skills, session, one, letterhead=CLINIC)), "handout", range(1, 2))
    large = [P.Recipient(large_print=True)]
    png(render_pdf(P.build_packet(skills, session, large, letterhead=CLINIC)), "handout-large-print", range(1, 2))
    family = library.find("family-recovery")
    if family is not None and library.translation(family, "es") is not None:
        spanish = [P.Recipient(language="es")]
        first = next(s.id for s in family.sessions if s.handouts)
        packet = P.build_packet(family, first, spanish, library=library, letterhead=CLINIC)
        png(render_pdf(packet), "handout-spanish", range(1, 2))
    png(render_pdf(P.build_role_cards(skills, session, letterhead=CLINIC)), "role-cards", range(1, 2))
    png(render_pdf(P.build_guide(skills, session, letterhead=CLINIC)), "guide", range(1, 3))


if __name__ == "__main__":
    main()
