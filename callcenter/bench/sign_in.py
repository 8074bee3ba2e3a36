"""sign-in: a password sign-in on a store of N users, as the dialog does it
(``SignInService.sign_in_now``: read the user and its attempts, verify the
Argon2id hash, record the attempt), against a bare Argon2id verify of the
same password (``hash_ms``, the floor: the hash is the cost by design).

Parameters: services/auth/hashing.py (Argon2id, t=2, m=19 MiB, p=1). Each
timed sign-in is a different user with a hash of its own; to seed N users in
seconds rather than N × 40 ms, the users nobody signs in share 32 real hashes
(a sign-in reads one row by primary key, so the others' hashes only fill the
table). Every user has 5 earlier attempts, so the lock-out check reads a real
history. The bench fails unless every sign-in returned its user and left one
attempt.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from callcenter.domain.clock import SystemClock
from callcenter.services.auth.hashing import hash_password, verify_password
from callcenter.services.auth.sign_in import SignInService
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.store.auth_models import SignInAttempt, User, user_row_id
from callcenter.store.ids import new_id

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, remove_db_files, rounded


def _seed(db, n: int, signers: list[str], clock: SystemClock) -> None:  # type: ignore[no-untyped-def]
    shared = [hash_password(f"shared-{i}") for i in range(32)]
    own = {uid: hash_password(f"pw-{uid}") for uid in signers}
    now = clock.utc_now()
    users, attempts = [], []
    for i in range(n):
        uid = f"{100000 + i}"
        users.append({"id": user_row_id(uid), "user_id": uid, "name": f"用户{i}", "role": "agent",
                      "team": "A", "department": None, "disabled": False,
                      "password_hash": own.get(uid, shared[i % 32]), "must_change_password": False,
                      "password_set_at": now - timedelta(days=30), "version": 1, "updated_at": now,
                      "deleted_at": None, "origin_workstation": "BENCH"})
        for k in range(5):
            attempts.append({"id": new_id(), "user_id": uid, "ok": k != 2,
                             "at": now - timedelta(days=k + 1), "version": 1, "updated_at": now,
                             "deleted_at": None, "origin_workstation": "BENCH"})

    def write(s):  # type: ignore[no-untyped-def]
        from callcenter.sync.outbox import capture_suspended

        with capture_suspended(s):
            s.execute(insert(User), users)
            s.execute(insert(SignInAttempt), attempts)
            s.flush()

    db.write_now(write)


def run(args: BenchArgs) -> Metrics:
    n, runs = args.size, args.runs
    if n < runs:
        raise BenchError(f"--size ({n}) must be at least --runs ({runs})")
    path = args.data_dir / "sign_in.sqlite3"
    remove_db_files(path)
    db = open_database(path)
    clock = SystemClock()
    step = max(1, n // runs)
    signers = [f"{100000 + i * step}" for i in range(runs)]
    try:
        args.progress(f"seeding {n} users ({runs} with hashes of their own)")
        _seed(db, n, signers, clock)
        service = SignInService(db, load_profile(), clock, "BENCH")
        try:
            service.sign_in_now(signers[0], f"pw-{signers[0]}")  # warm the store and the code
            times, hashes = [], []
            for uid in signers[1:]:
                t0 = time.perf_counter_ns()
                got = service.sign_in_now(uid, f"pw-{uid}")
                times.append((time.perf_counter_ns() - t0) / NS_PER_MS)
                if got.actor.user_id != uid:
                    raise BenchError(f"signed in as {got.actor.user_id}, not {uid}")
            stored = {uid: db.read_now(lambda s, u=uid: s.scalar(
                select(User.password_hash).where(User.user_id == u))) for uid in signers[1:]}
            for uid in signers[1:]:  # the same verify, bare: the floor
                t0 = time.perf_counter_ns()
                ok = verify_password(stored[uid], f"pw-{uid}")
                hashes.append((time.perf_counter_ns() - t0) / NS_PER_MS)
                if not ok:
                    raise BenchError("the bare verify failed")
        finally:
            service.close()
        since = datetime.now(UTC) - timedelta(hours=1)
        recorded = db.read_now(lambda s: s.scalar(select(func.count()).select_from(SignInAttempt)
                                                  .where(SignInAttempt.at >= since)))
        if recorded != runs:
            raise BenchError(f"{recorded} attempts recorded for {runs} sign-ins")
    finally:
        db.close()
    times.sort()
    hashes.sort()
    return {
        "users": n,
        "sign_ins": len(times),
        "median_ms": rounded(statistics.median(times)),
        "p95_ms": rounded(percentile(times, 95)),
        "hash_ms": rounded(statistics.median(hashes)),
        "hash_p95_ms": rounded(percentile(hashes, 95)),
        "ratio_median": rounded(statistics.median(times) / statistics.median(hashes)),
    }


SCENARIO = Scenario(
    name="sign-in",
    summary="password sign-in (Argon2id) on a store of N users vs a bare verify",
    size_means="users in the store",
    runs_means="sign-ins timed (each a different user)",
    default_size=10_000,
    default_runs=50,
    run=run,
    path="SignInService.sign_in_now (read the user and attempts, Argon2id verify, record), to return",
)
