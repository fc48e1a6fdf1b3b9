"""The progress report, the participant's own page and the blank forms, read back from the PDF."""

from __future__ import annotations

from datetime import date, timedelta

from pdfcheck import read_pdf

from facilitator.core import measures as cm
from facilitator.core import trends as T
from facilitator.core.privacy import PART2_NOTICE_SHORT, PART2_NOTICE_TITLE
from facilitator.core.progress import bands_of
from facilitator.handouts.progress import render_my_progress, render_progress_report

FIRST = date(2026, 9, 7)
LAST = date(2026, 10, 4)

PHQ9_BANDS = bands_of(cm.PHQ9)
GAD7_BANDS = bands_of(cm.GAD7)


def charts() -> tuple[T.Chart, ...]:
    return (
        T.hours_chart([T.WeekMinutes(FIRST + timedelta(weeks=i), m, 540, 540) for i, m in enumerate((540, 300, 600, 540))],
                      first=FIRST, last=LAST),
        T.craving_chart([T.Rating(FIRST + timedelta(days=3 * i), 8 - i, "ok") for i in range(6)], first=FIRST, last=LAST),
        T.score_chart("phq9", "PHQ-9", [T.Score(FIRST, 16), T.Score(FIRST + timedelta(weeks=2), 9)], PHQ9_BANDS,
                      first=FIRST, last=LAST),
        T.screens_chart([T.ScreenEvent(FIRST + timedelta(days=5), "unexpected positive", "opioids", True)],
                        first=FIRST, last=LAST),
    )


def test_progress_report_carries_the_notice_the_charts_words_and_numbers() -> None:
    report = T.ProgressReport("Riverside", "Jordan Sample", "R-1001", FIRST, LAST, "2026-10-05 09:00", charts(),
                              safety=("PHQ-9 item 9 answered above zero on 2026-09-07; acknowledged.",),
                              notice="The full notice.")
    pdf = read_pdf(render_progress_report(report))
    assert PART2_NOTICE_TITLE in pdf.text
    assert all(PART2_NOTICE_SHORT in page for page in pdf.pages)
    for words in ("Jordan Sample", "R-1001", "Hours attended per week", "target 9 h", "below target",
                  "moderately severe 15–19", "unexpected positive", "Latest PHQ-9: 9 (mild)", "acknowledged"):
        assert words in pdf.text, words
    assert "Jordan" not in (pdf.reader.metadata.title or "")


def test_my_progress_is_large_print_with_first_name_only() -> None:
    page = T.MyProgress("Riverside", "Jordan", FIRST, LAST, T.my_progress_lines(charts()), charts()[:2])
    pdf = read_pdf(render_my_progress(page))
    assert "My progress" in pdf.text and "Jordan" in pdf.text
    assert "R-1001" not in pdf.text and "Sample" not in pdf.text
    assert "Your craving went down, from 8 to 3 out of 10." in pdf.text
    assert pdf.sizes_of("Your craving went down") == {18.0}  # large print: 18 pt body
    assert "Jordan" not in pdf.metadata_text


def test_blank_forms_print_every_item_one_page_each_with_their_reference() -> None:
    from facilitator.core.progress import questionnaire_form
    from facilitator.handouts import render_pdf

    forms = T.QuestionnaireForms((questionnaire_form(cm.PHQ9, clinic_name="Riverside"),
                                  questionnaire_form(cm.GAD7, clinic_name="Riverside")))
    pdf = read_pdf(render_pdf(forms))
    assert len(pdf.pages) == 2  # one page each, so a form can be handed out alone
    phq, gad = pdf.pages
    for n, item in enumerate(cm.PHQ9.items, 1):
        assert f"{n}. {' '.join(item.split()[:4])}" in phq, item
    assert "Kroenke K, Spitzer RL, Williams JBW" in phq and "No permission required to reproduce" in phq
    assert "Spitzer RL, Kroenke K, Williams JBW, Löwe B" in gad and "7. Feeling afraid" in gad
    assert "Name:" in phq and "3 = Nearly every day" in phq
