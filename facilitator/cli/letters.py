"""``facilitator letters``: consents to disclose (42 CFR 2.31), their revocation, and letters under them."""

from __future__ import annotations

import argparse
from typing import Any

from ..config import AppConfig
from .options import add_language_option
from .report import file_path, iso_date, record_id


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "letters",
        help="consents to disclose, and attendance or completion letters under them",
        description="Record a participant's written consent to disclose (every element 42 CFR 2.31 requires), "
        "revoke it, and print attendance or completion letters for a court, probation or an employer. "
        "A letter prints only under a recorded consent in force that covers its recipient and its "
        "information; it carries the 42 CFR 2.32 notice and goes into the audit trail as a disclosure.",
    )
    sub = cmd.add_subparsers(dest="letters_command", metavar="ACTION", required=True)

    listing = sub.add_parser("consents", help="list a participant's consents and the letters sent",
                             description="List a participant's consents (newest first) and the letters sent under them.")
    listing.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    listing.set_defaults(handler=run_list)

    rec = sub.add_parser(
        "record",
        help="record a signed consent",
        description="Record the consent the participant signed. Every element is required: to whom, what, why, "
        "until when (a date, an event, or both), the signature date, and that the form told the participant of "
        "the right to revoke. The clinic (its name in the settings) is who discloses.",
    )
    rec.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    rec.add_argument("--to", dest="recipient", required=True, metavar="NAME",
                     help="who receives the information, e.g. 'Cook County Drug Court'")
    rec.add_argument("--recipient-kind", choices=("court", "probation", "employer", "other"), required=True,
                     help="what kind of recipient this is")
    rec.add_argument("--information", required=True, metavar="WHAT",
                     help="attendance, completion, or attendance,completion")
    rec.add_argument("--purpose", required=True, metavar="TEXT", help="why the information is disclosed")
    rec.add_argument("--until", dest="expires_on", type=iso_date, metavar="DATE", help="the day the consent ends")
    rec.add_argument("--until-event", dest="expiry_event", default="", metavar="TEXT",
                     help="the event that ends the consent, e.g. 'the end of probation'")
    rec.add_argument("--signed", dest="signed_on", type=iso_date, required=True, metavar="DATE",
                     help="the day the participant signed")
    rec.add_argument("--told-right-to-revoke", action="store_true",
                     help="the signed form states the participant's right to revoke (required)")
    rec.set_defaults(handler=run_record)

    rev = sub.add_parser("revoke", help="record that the participant revoked a consent",
                         description="Record the day the participant revoked a consent; letters under it are then refused.")
    rev.add_argument("--consent", required=True, type=record_id, metavar="ID", help="the consent's number")
    rev.add_argument("--on", dest="revoked_on", type=iso_date, required=True, metavar="DATE",
                     help="the day the participant revoked it")
    rev.set_defaults(handler=run_revoke)

    out = sub.add_parser(
        "print",
        help="print a letter under a consent (PDF)",
        description="Print an attendance or completion letter under a consent, as PDF. The letter reports only "
        "what the record shows: meetings attended, dates and hours; completion only when the participant's "
        "status says completed. It is recorded as a disclosure.",
    )
    out.add_argument("--consent", required=True, type=record_id, metavar="ID", help="the consent's number")
    out.add_argument("--kind", choices=("attendance", "completion"), required=True,
                     help="an attendance letter, or a completion letter (only when the record shows completion)")
    out.add_argument("--from", dest="first", type=iso_date, metavar="DATE",
                     help="first day reported (default: the program start)")
    out.add_argument("--to", dest="last", type=iso_date, metavar="DATE", help="last day reported (default: today)")
    out.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE", help="where to write the PDF")
    add_language_option(out)
    out.set_defaults(handler=run_print)


def _open(args: argparse.Namespace, config: AppConfig) -> Any:
    from .auth import open_signed_in

    return open_signed_in(args, config)


def _fail(exc: Exception) -> Exception:
    from ..store.access import NoSuchParticipant
    from . import EXIT_PROBLEMS, CommandError

    code = EXIT_PROBLEMS if isinstance(exc, NoSuchParticipant) else 3
    return CommandError(str(exc).rstrip("."), exit_code=code)


def run_list(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError

    backend = _open(args, config)
    try:
        service = backend.consents
        pid = service.participant_id(args.participant)
        consents = service.consents(pid)
        letters = service.disclosures(pid)
        today = service.today()
    except UserFacingError as exc:
        raise _fail(exc) from None
    finally:
        backend.dispose()
    if not consents:
        print("No consents recorded for this participant.")
    for c in consents:
        print(f"Consent {c.id}: {c.state(today)} · to {c.recipient_name} ({c.recipient_kind.label.lower()}) · "
              f"{c.information_label} · signed {c.signed_on.isoformat()} · until {c.until_text}"
              + (f" · revoked {c.revoked_on.isoformat()} (recorded by {c.revoked_by})" if c.revoked_on else ""))
    for d in letters:
        print(f"Letter {d.id}: {d.letter_kind.label.lower()} to {d.recipient_name} under consent {d.consent_id}, "
              f"{d.made_at:%Y-%m-%d} by {d.made_by}")
    return 0


def run_record(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError
    from ..core.consents import ConsentDraft, RecipientKind, parse_information
    from ..store.consents import ConsentIncomplete
    from . import EXIT_USAGE, CommandError

    information = parse_information(args.information)
    unknown = [w for w in args.information.split(",") if w.strip() and w.strip() not in ("attendance", "completion")]
    if unknown:
        raise CommandError(f"--information takes attendance, completion or both, not {unknown[0][:30]!r}",
                           exit_code=EXIT_USAGE)
    backend = _open(args, config)
    try:
        service = backend.consents
        pid = service.participant_id(args.participant)
        draft = ConsentDraft(
            discloser=service.clinic_name(),
            recipient_name=args.recipient,
            recipient_kind=RecipientKind(args.recipient_kind),
            information=information,
            purpose=args.purpose,
            expires_on=args.expires_on,
            expiry_event=args.expiry_event,
            signed_on=args.signed_on,
            right_to_revoke=args.told_right_to_revoke,
        )
        consent = service.record(pid, draft)
    except ConsentIncomplete as exc:
        raise CommandError("the consent is incomplete: " + " ".join(exc.problems).rstrip("."),
                           exit_code=EXIT_USAGE) from None
    except UserFacingError as exc:
        raise _fail(exc) from None
    finally:
        backend.dispose()
    print(f"Recorded consent {consent.id}: to {consent.recipient_name}, {consent.information_label}, "
          f"until {consent.until_text}.")
    return 0


def run_revoke(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError

    backend = _open(args, config)
    try:
        consent = backend.consents.revoke(args.consent, args.revoked_on)
    except UserFacingError as exc:
        raise _fail(exc) from None
    finally:
        backend.dispose()
    print(f"Consent {consent.id} revoked on {consent.revoked_on}; letters under it are refused from now on.")
    return 0


def run_print(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError
    from ..core.consents import LetterKind
    from ..handouts import render_pdf
    from .report import write_private

    backend = _open(args, config)
    try:
        letter = backend.consents.write_letter(args.consent, LetterKind(args.kind), args.first, args.last,
                                               language=args.language)
    except UserFacingError as exc:
        raise _fail(exc) from None
    finally:
        backend.dispose()
    write_private(args.output, render_pdf(letter))
    print(f"Wrote {args.output}: {letter.kind.label.lower()} to {letter.recipient_name} under consent "
          f"{letter.consent_id}; recorded as a disclosure. It carries the 42 CFR 2.32 notice.")
    return 0
