"""Accounts: first administrator, sign-in with lockout, administration, all audited."""

from __future__ import annotations

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.passwords import PasswordRejected, Passwords, fast_hasher
from facilitator.core.permissions import PermissionDenied, UserRole
from facilitator.store.accounts import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    AccountError,
    AccountService,
    SignInFailed,
    seed_demo_accounts,
)
from facilitator.store.audit import AuditLog
from facilitator.store.unit_of_work import Work


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audit(engine, clock: FakeClock) -> AuditLog:  # type: ignore[no-untyped-def]
    return AuditLog(engine, clock, workstation="test")


@pytest.fixture
def work(engine, audit: AuditLog, clock: FakeClock) -> Work:  # type: ignore[no-untyped-def]
    w = Work(engine, audit, clock, workstation="test")
    w.connect_identity()
    return w


@pytest.fixture
def accounts(work: Work) -> AccountService:
    return AccountService(work, Passwords(fast_hasher()))


@pytest.fixture
def admin(accounts: AccountService):  # type: ignore[no-untyped-def]
    return accounts.create_first_administrator("root", "Riley Root", "root-pass-1")


def _actions(audit: AuditLog, admin) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in audit.entries(admin)]


def test_first_run_creates_one_administrator_only(accounts: AccountService) -> None:
    assert not accounts.has_accounts()
    admin = accounts.create_first_administrator("Root", "Riley Root", "root-pass-1", credentials="MBA")
    assert admin.role is UserRole.ADMINISTRATOR and admin.username == "root"
    assert accounts.has_accounts()
    with pytest.raises(AccountError, match="already has accounts"):
        accounts.create_first_administrator("other", "Other", "other-pass-1")


def test_passwords_are_stored_as_argon2id(engine, admin) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM user_account WHERE username='root'")).scalar_one()
    assert stored.startswith("$argon2id$") and "root-pass-1" not in stored


def test_sign_in_and_failures_are_audited(accounts: AccountService, audit: AuditLog, admin) -> None:  # type: ignore[no-untyped-def]
    principal = accounts.authenticate(" ROOT ", "root-pass-1")
    assert principal.user_id == admin.user_id
    with pytest.raises(SignInFailed, match="not right"):
        accounts.authenticate("root", "nope")
    with pytest.raises(SignInFailed, match="not right"):
        accounts.authenticate("nobody", "nope")
    entries = audit.entries(admin)
    assert [e.action for e in entries][-3:] == ["sign-in", "failed sign-in", "failed sign-in"]
    assert entries[-1].username.startswith("unknown user #") and entries[-1].user_id is None
    assert entries[-2].user_id == admin.user_id and entries[-2].detail == "wrong password (1 in a row)"


def test_five_wrong_passwords_lock_for_five_minutes(accounts: AccountService, clock: FakeClock, admin) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(SignInFailed):
            accounts.authenticate("root", "wrong")
    with pytest.raises(SignInFailed, match="Too many wrong passwords"):
        accounts.authenticate("root", "root-pass-1")
    clock.advance(5 * 60 + 1)
    assert accounts.authenticate("root", "root-pass-1").username == "root"


def test_administrator_creates_disables_and_resets(accounts: AccountService, audit: AuditLog, admin) -> None:  # type: ignore[no-untyped-def]
    ana = accounts.create_account(
        admin, username="ana", full_name="Ana Ruiz", role="facilitator", password="first-pass-1",
        credentials="CADC", needs_cosign=True,
    )
    assert ana.must_change_password and ana.signature == "Ana Ruiz, CADC"
    p = accounts.authenticate("ana", "first-pass-1")
    assert p.must_change_password and p.needs_cosign
    accounts.change_own_password(p, "first-pass-1", "ana-chosen-2")
    assert not accounts.authenticate("ana", "ana-chosen-2").must_change_password

    accounts.disable(admin, ana.id)
    with pytest.raises(SignInFailed, match="disabled"):
        accounts.authenticate("ana", "ana-chosen-2")
    assert [a.username for a in accounts.list_accounts(admin)] == ["ana", "root"]  # never deleted
    accounts.enable(admin, ana.id)
    accounts.reset_password(admin, ana.id, "temporary-3")
    assert accounts.authenticate("ana", "temporary-3").must_change_password
    details = [e.detail for e in audit.entries(admin) if e.action == "account change"]
    assert details[-5:] == [
        "created the account ana (facilitator)",
        "changed their own password",
        "disabled the account ana",
        "enabled the account ana",
        "reset the password of ana",
    ]
    accounts.update_account(admin, ana.id, role="supervisor", credentials="LCSW", needs_cosign=False)
    assert audit.entries(admin)[-1].detail == (
        "changed ana's credentials and role from facilitator to supervisor; ana's notes no longer need a co-signature"
    )


def test_only_administrators_manage_accounts(accounts: AccountService, admin) -> None:  # type: ignore[no-untyped-def]
    accounts.create_account(admin, username="sue", full_name="Sue Visor", role="supervisor", password="sue-pass-12")
    sue = accounts.authenticate("sue", "sue-pass-12")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(sue)
    with pytest.raises(PermissionDenied):
        accounts.create_account(sue, username="x1", full_name="X", role="facilitator", password="x-pass-123")
    with pytest.raises(PermissionDenied):
        accounts.reset_password(sue, admin.user_id, "hijacked-1")
    with pytest.raises(PermissionDenied):
        accounts.disable(None, admin.user_id)


def test_the_last_administrator_stays(accounts: AccountService, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AccountError, match="own account"):
        accounts.disable(admin, admin.user_id)
    with pytest.raises(AccountError, match="at least one active administrator"):
        accounts.update_account(admin, admin.user_id, role="supervisor")


def test_bad_input_is_refused_with_a_sentence(accounts: AccountService, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AccountError, match="user name"):
        accounts.create_account(admin, username="a b", full_name="A B", role="facilitator", password="pass-word-1")
    with pytest.raises(AccountError, match="not a role"):
        accounts.create_account(admin, username="ab", full_name="A B", role="wizard", password="pass-word-1")
    with pytest.raises(PasswordRejected, match="at least 8"):
        accounts.create_account(admin, username="ab", full_name="A B", role="facilitator", password="short")
    with pytest.raises(AccountError, match="taken"):
        accounts.create_account(admin, username="root", full_name="R", role="facilitator", password="pass-word-1")
    with pytest.raises(AccountError, match="current password"):
        accounts.change_own_password(admin, "wrong", "new-pass-word-1")


def test_unlock_checks_the_password_and_is_audited(accounts: AccountService, audit: AuditLog, admin) -> None:  # type: ignore[no-untyped-def]
    assert not accounts.confirm_password(admin, "nope")
    assert accounts.confirm_password(admin, "root-pass-1")
    assert _actions(audit, admin)[-2:] == ["failed sign-in", "unlock"]


def test_demo_accounts_sign_in_with_demo(work: Work) -> None:
    seed_demo_accounts(work)
    seed_demo_accounts(work)  # idempotent
    accounts = AccountService(work)  # the real Argon2id costs, as the README promises
    roles = {d.username: accounts.authenticate(d.username, DEMO_PASSWORD).role for d in DEMO_ACCOUNTS}
    assert roles == {
        "facilitator": UserRole.FACILITATOR,
        "supervisor": UserRole.SUPERVISOR,
        "admin": UserRole.ADMINISTRATOR,
    }


def _failed_details(audit: AuditLog, admin) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.detail for e in audit.entries(admin) if e.action == "failed sign-in"]


def test_the_lockout_follows_the_clinic_settings(work: Work, accounts: AccountService, audit: AuditLog,
                                                 clock: FakeClock, admin) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.settings_service import ClinicSettings

    settings = ClinicSettings(work)
    work_as_admin = Work(work.engine, audit, clock, lambda: admin)
    ClinicSettings(work_as_admin).set_many({"sign_in_attempts": 3, "sign_in_lockout_minutes": 10})
    assert settings.value("sign_in_attempts") == 3
    accounts.create_account(admin, username="ana", full_name="Ana Ruiz", role="facilitator", password="ana-pass-12",
                            must_change_password=False)
    for _ in range(3):
        with pytest.raises(SignInFailed, match="not right"):
            accounts.authenticate("ana", "wrong")
    with pytest.raises(SignInFailed, match="try again in 10 minutes"):
        accounts.authenticate("ana", "ana-pass-12")
    clock.advance(9 * 60)
    with pytest.raises(SignInFailed, match="Too many wrong passwords"):
        accounts.authenticate("ana", "ana-pass-12")
    clock.advance(60)
    assert accounts.authenticate("ana", "ana-pass-12").username == "ana"
    assert _failed_details(audit, admin)[-5:] == [
        "wrong password (1 in a row)",
        "wrong password (2 in a row)",
        "wrong password (3 in a row): the account is locked for 10 minutes",
        "refused: the account is locked after wrong passwords",
        "refused: the account is locked after wrong passwords",
    ]


def test_each_attempt_on_a_locked_account_adds_one_entry(accounts: AccountService, audit: AuditLog, admin) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(SignInFailed):
            accounts.authenticate("root", "wrong")
    before = audit.count()
    for _ in range(30):
        with pytest.raises(SignInFailed, match="Too many wrong passwords"):
            accounts.authenticate("root", "still wrong")
    assert audit.count() == before + 30


def test_an_unknown_user_name_is_kept_as_a_tag_never_as_typed(accounts: AccountService, audit: AuditLog,
                                                              engine, admin) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    typed = "correct-horse-battery"  # a password typed into the user name field
    for _ in range(2):
        with pytest.raises(SignInFailed, match="not right"):
            accounts.authenticate(typed, "")
    first, second = audit.entries(admin)[-2:]
    assert first.username == second.username  # the same mistake twice reads as the same tag
    assert first.username.startswith("unknown user #") and len(first.username) == len("unknown user #3fa2")
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT username, detail FROM audit_entry")).all()
    assert not any(typed in (r.username + r.detail) for r in rows)
    with pytest.raises(SignInFailed):
        accounts.authenticate("someone-else", "")
    assert audit.entries(admin)[-1].username != first.username


# -- twelve processes guessing at once --------------------------------------------------------

def test_twelve_processes_guessing_at_once_still_lock_the_account(engine, audit: AuditLog, admin) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    import sqlalchemy as sa
    from sign_in_guesser import GUESSERS, GUESSES_EACH, guess

    # A fork server that has imported the store already: twelve children start in a blink.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["sign_in_guesser"])
    start = ctx.Barrier(GUESSERS)
    results = ctx.Queue()
    url = engine.url.render_as_string(hide_password=False)
    before = audit.count()
    procs = [ctx.Process(target=guess, args=(url, start, results)) for _ in range(GUESSERS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert all(p.exitcode == 0 for p in procs)
    said = [o for each in outcomes for o in each]
    assert len(said) == GUESSERS * GUESSES_EACH
    assert not any(o.startswith("error") or o == "signed in" for o in said), said
    with engine.connect() as conn:
        locked_until = conn.execute(sa.text("SELECT locked_until FROM user_account WHERE username = 'root'")).scalar()
    assert locked_until is not None
    details = [e.detail for e in audit.entries(admin)[before:] if e.action == "failed sign-in"]
    assert len(details) == GUESSERS * GUESSES_EACH  # one entry per attempt, no more
    counted = [d for d in details if d.startswith("wrong password")]
    # Exactly five guesses were counted, the fifth locked the account, every other one was refused.
    assert sorted(counted) == [f"wrong password ({n} in a row)" for n in range(1, 5)] + [
        "wrong password (5 in a row): the account is locked for 5 minutes"
    ]


def test_full_names_and_credentials_are_held_to_their_limits(accounts: AccountService, admin, engine) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from facilitator.core import limits
    from facilitator.core.changes import ValidationError

    long_name = "N" * (limits.FULL_NAME.max_chars + 1)
    long_credentials = "C" * (limits.CREDENTIALS.max_chars + 1)
    with pytest.raises(ValidationError, match="The full name is longer than 200 characters"):
        accounts.create_account(admin, username="sam", full_name=long_name, password="sam-pass-12", role="facilitator")
    with pytest.raises(ValidationError, match="credentials is longer than 100 characters"):
        accounts.create_account(admin, username="sam", full_name="Sam Lee", password="sam-pass-12", role="facilitator", credentials=long_credentials)
    with pytest.raises(ValidationError, match="control characters"):
        accounts.create_account(admin, username="sam", full_name="Sam\x00Lee", password="sam-pass-12", role="facilitator")
    sam = accounts.create_account(admin, username="sam", full_name="Sam Lee", password="sam-pass-12", role="facilitator", credentials="CADC-I")
    with pytest.raises(ValidationError, match="full name"):
        accounts.update_account(admin, sam.id, full_name=long_name)
    with pytest.raises(ValidationError, match="credentials"):
        accounts.update_account(admin, sam.id, credentials=long_credentials)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT username, full_name, credentials FROM user_account ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("root", "Riley Root", ""), ("sam", "Sam Lee", "CADC-I")]


def test_a_first_administrator_with_an_overlong_name_is_refused(accounts: AccountService) -> None:
    from facilitator.core import limits
    from facilitator.core.changes import ValidationError

    with pytest.raises(ValidationError, match="full name"):
        accounts.create_first_administrator("root", "R" * (limits.FULL_NAME.max_chars + 1), "root-pass-1")
    assert not accounts.has_accounts()
