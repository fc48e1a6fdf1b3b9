"""Who may do what: the roles and their rules, as pure functions over plain data.

The store's services ask these functions before they read or write anything and raise
``PermissionDenied`` with a sentence the user can act on; buttons greyed out in the UI are
a convenience on top, never the enforcement.

The rules (HIPAA's minimum necessary, applied to an IOP clinic):

- **Facilitators** see and document the groups they lead or co-lead, and those groups'
  participants; nothing of other groups. A group's facilitators are roster staff entries;
  an account leads a group through its ``staff_id``.
- **Supervisors** see and review every group's records, co-sign and return notes, but
  never co-sign their own.
- **Administrators** manage accounts, clinic settings, rosters (participants, groups,
  enrollment) and backups. They see rosters and attendance, which rostering needs, but not
  progress notes.
- Supervisors and administrators read the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from facilitator.core.catalogue import say

from .changes import UserFacingError


class UserRole(str, Enum):
    FACILITATOR = "facilitator"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PermissionDenied(UserFacingError):
    """The signed-in user may not do this; the message is one sentence for them."""


class NotSignedIn(PermissionDenied):
    """Nobody is signed in (or the session was signed out) and the action needs someone."""


@dataclass(frozen=True)
class Principal:
    """The signed-in user, as services see them: who, in which role, signing with what."""

    user_id: int
    username: str
    full_name: str
    role: UserRole
    credentials: str = ""
    needs_cosign: bool = False
    staff_id: int | None = None
    must_change_password: bool = False

    @property
    def signature(self) -> str:
        """Name and credentials as they appear under a signed note, e.g. "Ana Ruiz, LCSW"."""
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name

    @property
    def is_supervisor(self) -> bool:
        return self.role is UserRole.SUPERVISOR

    @property
    def is_administrator(self) -> bool:
        return self.role is UserRole.ADMINISTRATOR

    @property
    def is_facilitator(self) -> bool:
        return self.role is UserRole.FACILITATOR


# -- yes/no rules ---------------------------------------------------------------------------


def leads(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """Whether the user is among a group's facilitators (given as roster staff ids)."""
    return principal.staff_id is not None and principal.staff_id in set(facilitator_ids)


def can_manage_accounts(principal: Principal) -> bool:
    return principal.is_administrator


def can_manage_settings(principal: Principal) -> bool:
    return principal.is_administrator


def can_manage_rosters(principal: Principal) -> bool:
    """Create and change participants, groups, schedules and enrollment; import rosters."""
    return principal.is_administrator


def can_manage_backups(principal: Principal) -> bool:
    return principal.is_administrator


def can_view_audit(principal: Principal) -> bool:
    return principal.is_administrator or principal.is_supervisor


def sees_all_groups(principal: Principal) -> bool:
    """Whether lists of groups, participants and meetings are unfiltered for this user."""
    return principal.is_supervisor or principal.is_administrator


def can_view_group(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """A group's roster, meetings and attendance."""
    return sees_all_groups(principal) or leads(principal, facilitator_ids)


def can_view_participant(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """A participant is visible through any group they are (or were) enrolled in.

    ``group_facilitator_ids`` holds, for each of the participant's groups, its facilitators.
    """
    if sees_all_groups(principal):
        return True
    return any(leads(principal, ids) for ids in group_facilitator_ids)


def can_record_attendance(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """Mark attendance and run the meetings of a group: its facilitators, or any supervisor."""
    return principal.is_supervisor or principal.is_administrator or leads(principal, facilitator_ids)


def can_plan_meetings(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """Add a group's scheduled meetings to the calendar (the schedule itself is the administrator's).

    Anyone who may see the group may lay out its meetings: planning only writes down what
    the group's schedule already says.
    """
    return can_view_group(principal, facilitator_ids)


def can_run_session(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    return principal.is_supervisor or leads(principal, facilitator_ids)


def can_view_notes(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """Progress notes of a group's meetings: its facilitators and supervisors, not administrators."""
    return principal.is_supervisor or leads(principal, facilitator_ids)


def can_write_note(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    return principal.is_supervisor or leads(principal, facilitator_ids)


def can_edit_note(principal: Principal, author_id: int) -> bool:
    """Only the author edits a draft or returned note."""
    return principal.user_id == author_id and not principal.is_administrator


def can_cosign(principal: Principal, author_id: int) -> bool:
    """Only supervisors co-sign, and never a note they wrote."""
    return principal.is_supervisor and principal.user_id != author_id


def can_return_note(principal: Principal, author_id: int) -> bool:
    return can_cosign(principal, author_id)


def can_review_notes(principal: Principal) -> bool:
    """The queue of notes awaiting co-signature: supervisors."""
    return principal.is_supervisor


def can_choose_note_format(principal: Principal) -> bool:
    """A group's note format (for notes started from then on): supervisors and administrators."""
    return principal.is_supervisor or principal.is_administrator


def can_add_addendum(principal: Principal, author_id: int) -> bool:
    """A dated addition to a signed note: its author, or any supervisor."""
    return principal.is_supervisor or (principal.user_id == author_id and not principal.is_administrator)


def can_mark_entered_in_error(principal: Principal, author_id: int) -> bool:
    """Mark a signed note entered in error: its author, or any supervisor."""
    return principal.is_supervisor or (principal.user_id == author_id and not principal.is_administrator)


def can_add_observation(principal: Principal, facilitator_ids: Iterable[int]) -> bool:
    """A short observation typed during a session: whoever may write the group's notes."""
    return can_write_note(principal, facilitator_ids)


def can_view_chart(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """A participant's notes across groups: supervisors, or a facilitator of one of those groups.

    ``group_facilitator_ids`` holds, for each group the participant has notes in, its
    facilitators; the chart then shows only the groups the user may see.
    """
    if principal.is_supervisor:
        return True
    return any(can_view_notes(principal, ids) for ids in group_facilitator_ids)


# -- the same rules, raising a sentence -----------------------------------------------------


def _deny(allowed: bool, sentence: str) -> None:
    if not allowed:
        raise PermissionDenied(sentence)


def require_signed_in(principal: Principal | None) -> Principal:
    if principal is None:
        raise NotSignedIn(say("core.permissions", "Please sign in first."))
    return principal


def require_manage_accounts(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_manage_accounts(p), say("core.permissions", "Only an administrator can manage accounts."))
    return p


def require_manage_settings(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_manage_settings(p), say("core.permissions", "Only an administrator can change the clinic's settings."))
    return p


def require_manage_rosters(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_manage_rosters(p), say("core.permissions", "Only an administrator can change participants, groups or "
                                     "enrollment."))
    return p


def require_manage_backups(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_manage_backups(p), say("core.permissions", "Only an administrator can back up or restore the database."))
    return p


def require_view_audit(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_view_audit(p), say("core.permissions", "Only supervisors and administrators can read the audit trail."))
    return p


def require_view_group(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(can_view_group(p, facilitator_ids), say("core.permissions", "This group is not one you lead; ask a "
                                                  "supervisor for access."))
    return p


def require_view_participant(
    principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]
) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_participant(p, group_facilitator_ids),
        say("core.permissions", "This participant is not in a group you lead; ask a supervisor for access."),
    )
    return p


def require_record_attendance(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_record_attendance(p, facilitator_ids),
        say("core.permissions", "Only this group's facilitators or a supervisor can record its attendance."),
    )
    return p


def require_plan_meetings(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_plan_meetings(p, facilitator_ids),
        say("core.permissions", "Only this group's facilitators, a supervisor or an administrator can plan its "
            "meetings."),
    )
    return p


def require_run_session(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(can_run_session(p, facilitator_ids), say("core.permissions", "Only this group's facilitators or a supervisor "
                                                   "can run its sessions."))
    return p


def require_view_notes(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_notes(p, facilitator_ids),
        say("core.permissions", "Progress notes are open to the group's facilitators and to supervisors only."),
    )
    return p


def require_write_note(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(can_write_note(p, facilitator_ids), say("core.permissions", "Only this group's facilitators or a supervisor "
                                                  "can write its notes."))
    return p


def require_edit_note(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    _deny(can_edit_note(p, author_id), say("core.permissions", "Only the note's author can change it."))
    return p


def require_cosign(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    if p.is_supervisor and p.user_id == author_id:
        raise PermissionDenied(say("core.permissions", "You cannot co-sign your own note; another supervisor must "
                                   "review it."))
    _deny(can_cosign(p, author_id), say("core.permissions", "Only a supervisor can co-sign a note."))
    return p


def require_return_note(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    if p.is_supervisor and p.user_id == author_id:
        raise PermissionDenied(say("core.permissions", "You cannot review your own note; another supervisor must "
                                   "review it."))
    _deny(can_return_note(p, author_id), say("core.permissions", "Only a supervisor can return a note to its author."))
    return p


def require_review_notes(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_review_notes(p), say("core.permissions", "Only supervisors review and co-sign notes."))
    return p


def require_choose_note_format(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_choose_note_format(p), say("core.permissions", "Only a supervisor or an administrator can choose a "
                                         "group's note format."))
    return p


def require_add_addendum(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    _deny(can_add_addendum(p, author_id), say("core.permissions", "Only the note's author or a supervisor can add an "
                                              "addendum."))
    return p


def require_mark_entered_in_error(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_mark_entered_in_error(p, author_id),
        say("core.permissions", "Only the note's author or a supervisor can mark it entered in error."),
    )
    return p


def require_add_observation(principal: Principal | None, facilitator_ids: Iterable[int]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_add_observation(p, facilitator_ids),
        say("core.permissions", "Only this group's facilitators or a supervisor can note observations about its "
            "members."),
    )
    return p


def require_view_chart(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_chart(p, group_facilitator_ids),
        say("core.permissions", "Progress notes are open to the group's facilitators and to supervisors only."),
    )
    return p


# -- measures: check-in ratings, questionnaires, drug screens, mutual help, safety flags ------------
# Measures are clinical records like notes: the facilitators of a participant's groups and the
# supervisors record and read them; administrators (rosters, accounts) do not see them.


def can_record_measures(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Record a participant's ratings, questionnaires, screens and mutual-help reports.

    ``group_facilitator_ids`` holds, for each group the participant is enrolled in on the
    measure's date, its facilitators.
    """
    if principal.is_supervisor:
        return True
    return not principal.is_administrator and any(leads(principal, ids) for ids in group_facilitator_ids)


def can_view_measures(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """A participant's measures over time: supervisors, or a facilitator of one of their groups."""
    if principal.is_supervisor:
        return True
    return not principal.is_administrator and any(leads(principal, ids) for ids in group_facilitator_ids)


def can_view_flags(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """A participant's safety flags: whoever may see their measures."""
    return can_view_measures(principal, group_facilitator_ids)


def can_acknowledge_flag(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Acknowledge or resolve a safety flag: a supervisor, or a facilitator of one of the person's groups."""
    return can_view_flags(principal, group_facilitator_ids)


def require_record_measures(
    principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]
) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_record_measures(p, group_facilitator_ids),
        say("core.permissions", "Only the facilitators of this participant's groups or a supervisor can record their "
            "measures."),
    )
    return p


def require_view_measures(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_measures(p, group_facilitator_ids),
        say("core.permissions", "Measures are open to the participant's group facilitators and to supervisors only."),
    )
    return p


def require_view_flags(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_flags(p, group_facilitator_ids),
        say("core.permissions", "Safety flags are open to the participant's group facilitators and to supervisors "
            "only."),
    )
    return p


def require_acknowledge_flag(
    principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]
) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_acknowledge_flag(p, group_facilitator_ids),
        say("core.permissions", "Only the facilitators of this participant's groups or a supervisor can acknowledge "
            "their safety flags."),
    )
    return p


# -- the arc of care: levels of care, readiness, discharge and aftercare ----------------------


def can_view_care(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """A participant's level of care, criteria, discharge and aftercare plan: clinical, like notes.

    Supervisors, or a facilitator of one of the participant's groups; administrators see
    rosters, not clinical records.
    """
    if principal.is_supervisor:
        return True
    return any(leads(principal, ids) for ids in group_facilitator_ids)


def can_change_level_of_care(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Record a change of level the team decided: whoever may see the participant's care."""
    return can_view_care(principal, group_facilitator_ids)


def can_view_readiness(principal: Principal) -> bool:
    """The clinic-wide list of who is ready to step down or complete: supervisors."""
    return principal.is_supervisor


def can_write_discharge(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Start a discharge and its aftercare plan: a facilitator of the participant's groups, or a supervisor."""
    return can_view_care(principal, group_facilitator_ids)


def can_edit_discharge(principal: Principal, author_id: int) -> bool:
    """Only the author edits and signs a draft or returned discharge summary (as with notes)."""
    return can_edit_note(principal, author_id)


def can_cosign_discharge(principal: Principal, author_id: int) -> bool:
    """Only a supervisor co-signs (or returns) a discharge summary, never one they wrote."""
    return can_cosign(principal, author_id)


def require_view_care(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_view_care(p, group_facilitator_ids),
        say("core.permissions", "A participant's care record is open to their group's facilitators and to supervisors "
            "only."),
    )
    return p


def require_change_level_of_care(
    principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]
) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_change_level_of_care(p, group_facilitator_ids),
        say("core.permissions", "Only the participant's facilitators or a supervisor can record a change of level of "
            "care."),
    )
    return p


def require_view_readiness(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(can_view_readiness(p), say("core.permissions", "Only supervisors see who is ready to step down or complete."))
    return p


def require_write_discharge(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_write_discharge(p, group_facilitator_ids),
        say("core.permissions", "Only the participant's facilitators or a supervisor can write a discharge."),
    )
    return p


def require_edit_discharge(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    _deny(can_edit_discharge(p, author_id), say("core.permissions", "Only the discharge summary's author can change or "
                                                "sign it."))
    return p


def require_cosign_discharge(principal: Principal | None, author_id: int) -> Principal:
    p = require_signed_in(principal)
    if p.is_supervisor and p.user_id == author_id:
        raise PermissionDenied(say("core.permissions", "You cannot review your own discharge summary; another "
                                   "supervisor must."))
    _deny(can_cosign_discharge(p, author_id), say("core.permissions", "Only a supervisor can co-sign or return a "
                                                  "discharge summary."))
    return p


# -- consents, letters and services to bill --------------------------------------------------


def can_record_consent(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Record or revoke a participant's consent to disclose: whoever may see the participant
    (their groups' facilitators, supervisors, and administrators, who keep the front desk)."""
    return can_view_participant(principal, group_facilitator_ids)


def can_write_letter(principal: Principal, group_facilitator_ids: Iterable[Iterable[int]]) -> bool:
    """Print a letter under a consent: supervisors, administrators, or a facilitator of one of
    the participant's groups (the letter then counts only the groups she leads)."""
    return can_view_participant(principal, group_facilitator_ids)


def can_export_services(principal: Principal) -> bool:
    """Export the services to bill: supervisors and administrators for every group, a facilitator
    for the groups she leads (one who leads none has nothing to export)."""
    return sees_all_groups(principal) or (principal.is_facilitator and principal.staff_id is not None)


def require_record_consent(
    principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]
) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_record_consent(p, group_facilitator_ids),
        say("core.permissions", "Only this participant's facilitators, a supervisor or an administrator can record "
            "their consents."),
    )
    return p


def require_write_letter(principal: Principal | None, group_facilitator_ids: Iterable[Iterable[int]]) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_write_letter(p, group_facilitator_ids),
        say("core.permissions", "Only this participant's facilitators, a supervisor or an administrator can write "
            "letters about them."),
    )
    return p


def require_export_services(principal: Principal | None) -> Principal:
    p = require_signed_in(principal)
    _deny(
        can_export_services(p),
        say("core.permissions", "Only supervisors, administrators and the facilitators of a group can export its "
            "services to bill."),
    )
    return p
