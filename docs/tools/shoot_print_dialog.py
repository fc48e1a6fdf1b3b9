"""Screenshot of the print dialog in a real X window (run under xvfb-run).

usage: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_print_dialog.py [OUT.png]

Opens the dialog on the first session of the skills curriculum, as the Library's Print
button does, sets eight copies, waits for the preview, and grabs the screen.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from facilitator.core import printing as P
from facilitator.core.library import load_library
from facilitator.demo import DEMO_CLINIC_NAME
from facilitator.paths import shipped_curricula_dir
from facilitator.ui.print_dialog import PrintDialog

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/print-dialog.png")
app = QApplication([])
library = load_library(shipped_curricula_dir())
curriculum = library.get("skills-core")
dialog = PrintDialog(library, curriculum.id, curriculum.sessions[0].id, letterhead=P.Letterhead(DEMO_CLINIC_NAME))
dialog.resize(1380, 880)
dialog.move(10, 10)
dialog.show()
state = {"copies_set": False}


def rendered(_pages: int) -> None:
    if not state["copies_set"]:
        state["copies_set"] = True
        dialog.copies.setValue(8)
        return
    QTimer.singleShot(500, shoot)


def shoot() -> None:
    app.primaryScreen().grabWindow(0).save(str(out))
    print("saved", out)
    app.quit()


dialog.rendered.connect(rendered)
app.exec()
