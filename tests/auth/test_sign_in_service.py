"""Sign-in through the service on a real store: every refusal has its code and
changes nothing else; the lock-out and a reset work as the profile says."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from callcenter.domain.ticket_lifecycle import Role
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.auth.sign_in import SignInRefused
from callcenter.store.auth_models import SignInAttempt, User
from tests.auth.conftest import AuthEnv


def refused(auth: AuthEnv, user_id: str, password: str) -> SignInRefused:
    with pytest.raises(SignInRefused) as exc:
        auth.signin.sign_in(user_id, password).result(timeout=10)
    return exc.value


def attempts(auth: AuthEnv) -> int:
    return auth.db.read_now(lambda s: s.scalar(select(func.count()).select_from(SignInAttempt)))


def test_right_password_signs_in_with_the_users_role(auth: AuthEnv) -> None:
    auth.add("9001", role="lead", name="王班长")
    got = auth.signin.sign_in("9001", "correct horse").result(timeout=10)
    assert got.actor.user_id == "9001" and got.actor.role is Role.SHIFT_LEAD
    assert got.name == "王班长" and not got.must_change_password
    assert attempts(auth) == 1


@pytest.mark.parametrize(("user_id", "password", "code"), [
    ("", "x", "empty_id"),
    ("1001", "", "empty_password"),
    ("1001", "x" * 10_000, "too_long"),
])
def test_bad_typed_values_are_refused_before_any_check(auth: AuthEnv, user_id: str, password: str,
                                                       code: str) -> None:
    auth.add("1001")
    assert refused(auth, user_id, password).code == code
    assert attempts(auth) == 0


def test_unknown_id_and_wrong_password_get_the_same_answer(auth: AuthEnv) -> None:
    auth.add("1001")
    assert refused(auth, "1002", "correct horse").code == "wrong"
    wrong = refused(auth, "1001", "wrong horse")
    assert wrong.code == "wrong" and wrong.left == 4


def test_sql_looking_input_is_just_a_wrong_password(auth: AuthEnv) -> None:
    auth.add("1001")
    assert refused(auth, "1001' OR '1'='1", "' OR 1=1; DROP TABLE users; --").code == "wrong"
    assert refused(auth, "1001", "' OR 1=1; DROP TABLE users; --").code == "wrong"
    assert auth.db.read_now(lambda s: s.scalar(select(func.count()).select_from(User))) == 1


def test_five_wrong_passwords_lock_for_fifteen_minutes(auth: AuthEnv) -> None:
    auth.add("1001")
    for left in (4, 3, 2, 1):
        assert refused(auth, "1001", "nope").left == left
    locked = refused(auth, "1001", "nope")
    assert locked.code == "locked"
    assert locked.until == auth.clock.utc_now() + timedelta(minutes=15)
    # the right password does not help while locked, and is not recorded
    assert refused(auth, "1001", "correct horse").code == "locked"
    assert attempts(auth) == 5
    auth.clock.advance(15 * 60)
    assert auth.signin.sign_in("1001", "correct horse").result(timeout=10).actor.user_id == "1001"


def test_a_reset_unlocks_and_must_be_changed(auth: AuthEnv) -> None:
    auth.add("1001")
    for _ in range(5):
        refused(auth, "1001", "nope")
    auth.clock.advance(60)
    now = auth.clock.utc_now()
    auth.db.write_now(lambda s: auth.users.reset_password_in(s, "1001", "temporary-1", now))
    got = auth.signin.sign_in("1001", "temporary-1").result(timeout=10)
    assert got.must_change_password
    with pytest.raises(SignInRefused) as same:
        auth.signin.change_password_now("1001", "temporary-1", "temporary-1")
    assert same.value.code == "same_password"
    with pytest.raises(SignInRefused) as short:
        auth.signin.change_password_now("1001", "temporary-1", "short")
    assert short.value.code == "new_password_too_short"
    auth.signin.change_password_now("1001", "temporary-1", "my own secret")
    again = auth.signin.sign_in("1001", "my own secret").result(timeout=10)
    assert not again.must_change_password
    assert refused(auth, "1001", "temporary-1").code == "wrong"


def test_disabled_id_is_refused_and_enabled_again(auth: AuthEnv) -> None:
    auth.add("1001")
    now = auth.clock.utc_now()
    auth.db.write_now(lambda s: auth.users.set_disabled_in(s, "1001", True, now))
    assert refused(auth, "1001", "correct horse").code == "disabled"
    auth.db.write_now(lambda s: auth.users.set_disabled_in(s, "1001", False, now))
    assert auth.signin.sign_in("1001", "correct horse").result(timeout=10)


def test_no_plaintext_password_is_stored(auth: AuthEnv) -> None:
    auth.add("1001", password="correct horse")
    raw = (auth.db.read_now(lambda s: s.scalar(select(User.password_hash))))
    assert raw.startswith("$argon2id$") and "correct horse" not in raw


def test_demo_users_stay_on_the_desk(auth: AuthEnv) -> None:
    from callcenter.services.demo.users import DEMO_USERS, seed_demo_users
    from callcenter.store.sync_models import SyncOutbox

    assert seed_demo_users(auth.db, auth.profile, auth.clock, "W01") == len(DEMO_USERS)
    assert auth.db.read_now(lambda s: s.scalar(select(func.count()).select_from(SyncOutbox))) == 0
    lead = next(u for u in DEMO_USERS if u.role == "lead")
    assert auth.signin.sign_in_now(lead.user_id, lead.password).actor.role is Role.SHIFT_LEAD


def test_sign_ins_lock_outs_and_user_changes_are_in_the_audit_chain(auth: AuthEnv) -> None:
    import json

    from callcenter.store.audit_models import AuditRecord

    auth.add("6001", role="admin", name="管理员")
    auth.add("1001")
    for _ in range(5):
        refused(auth, "1001", "nope")
    refused(auth, "4040", "whatever")
    auth.signin.sign_in_now("6001", "correct horse")
    admin = UserDirectory(auth.profile, "W01", by="6001")
    now = auth.clock.utc_now()
    auth.db.write_now(lambda s: admin.reset_password_in(s, "1001", "temporary-1", now))
    auth.db.write_now(lambda s: admin.set_disabled_in(s, "1001", True, now))
    rows = auth.db.read_now(lambda s: [json.loads(p) for p in s.scalars(
        select(AuditRecord.payload).order_by(AuditRecord.seq))])
    got = [(r["action"], r["user_id"], r["subject"]) for r in rows]
    assert got == [
        ("user_added", None, "6001"), ("user_added", None, "1001"),
        *[("sign_in_failed", "1001", "")] * 5, ("locked_out", "1001", ""),
        ("sign_in_failed", "4040", ""), ("sign_in", "6001", ""),
        ("password_reset", "6001", "1001"), ("user_disabled", "6001", "1001")]
    assert [r["detail"].get("reason") for r in rows[2:9]] == [
        "wrong_password"] * 5 + [None, "unknown_id"]
    assert "correct horse" not in json.dumps(rows) and "nope" not in json.dumps(rows)
