"""Privacy texts that every printed or exported clinical record carries, kept in one place.

42 CFR 2.32 requires each disclosure made with the patient's written consent to carry one
of two statements. Reports (attendance, notes) print the full statement; places with no
room (a CSV footer, a page footer) may use the short one. Change the wording here only.
"""

from __future__ import annotations

from .catalogue import QT_TRANSLATE_NOOP, translate

CONTEXT = "print.privacy"

PART2_NOTICE_TITLE = QT_TRANSLATE_NOOP("print.privacy", "Notice to accompany disclosure (42 CFR 2.32)")

PART2_NOTICE = QT_TRANSLATE_NOOP(
    "print.privacy",
    "This record which has been disclosed to you is protected by Federal confidentiality rules "
    "(42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony "
    "that describes the information contained in this record, in any civil, criminal, "
    "administrative, or legislative proceedings by any Federal, State, or local authority, against "
    "the patient, unless authorized by the consent of the patient, except as provided at "
    "42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In "
    "addition, the Federal rules prohibit you from making any other use or disclosure of this "
    "record unless at least one of the following applies: (i) Further use or disclosure is "
    "expressly permitted by the written consent of the individual whose information is being "
    "disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered "
    "entity or business associate and have received the record for treatment, payment, or health "
    "care operations, or (iii) You have received the record from a covered entity or business "
    "associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the "
    "release of medical or other information is NOT sufficient to meet the required elements of "
    "written consent to further use or redisclose the record (see 42 CFR 2.31).",
)

PART2_NOTICE_SHORT = QT_TRANSLATE_NOOP(
    "print.privacy", "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
)

CONFIDENTIAL_MARK = QT_TRANSLATE_NOOP("print.privacy", "CONFIDENTIAL: protected by 42 CFR part 2 and HIPAA")


def in_language(language: str, text: str) -> str:
    """One of the texts above in ``language`` (a disclosure's notice prints in the document's language).

    Any other text (a notice a caller wrote itself) is returned as it is.
    """
    return translate(language, CONTEXT, text)
