"""`callcenter bench sip-call`, `callcenter sip demo` and the SIP settings (issue 16)."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from callcenter.bench import main as bench_main
from callcenter.services.phone.settings import (
    PASSWORD_ENV,
    SipSettings,
    SipSettingsError,
    load_sip_settings,
    save_sip_settings,
    sip_account,
    sip_password,
)

pytestmark = pytest.mark.sip


def test_bench_sip_call_prints_one_json_object_with_its_figures(
        capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert bench_main(["sip-call", "--size", "3", "--json", "--data-dir", str(tmp_path)]) == 0
    out = capfd.readouterr().out
    result = json.loads(out)  # the whole of stdout (fd 1, pjsip included) is one JSON object
    metrics = result["metrics"]
    assert result["scenario"] == "sip-call" and metrics["calls"] == 3
    assert metrics["calls_ok"] == 3
    for key in ("invite_to_ring_p95_ms", "answer_to_200_p95_ms", "recording_error_s",
                "baseline_invite_to_180_p95_ms", "baseline_200_transit_p95_ms"):
        assert 0 <= metrics[key] < 1000, key
    assert metrics["recording_error_s"] <= 0.5


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)  # our child: reap it once it has exited
    except ChildProcessError:
        pass
    try:
        return not Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a person runs it: its own process (pjsua2 allows one endpoint per
    process, and other tests of this session have had theirs)."""
    return subprocess.run([sys.executable, "-m", "callcenter", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def _wait_gone(pid: int, timeout_s: float = 10.0) -> bool:
    """Wait for ``pid`` to exit (a pidfd becomes readable), not by sleeping."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        ready, _, _ = select.select([fd], [], [], timeout_s)
        return bool(ready)
    finally:
        os.close(fd)


def test_sip_demo_starts_kamailio_and_a_caller_and_stop_ends_exactly_them(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    launched = _cli("sip", "demo", str(folder), "--calls", "1")
    assert launched.returncode == 0, launched.stderr
    state = json.loads((folder / "sip-demo.json").read_text())
    assert (folder / "sip-demo.json").stat().st_mode & 0o077 == 0
    assert state["registrar"].startswith("127.0.0.1:")
    settings = load_sip_settings(Path(state["desk_dir"]))
    assert settings.registrar == state["registrar"] and settings.user == "desk1"
    assert "password" not in (Path(state["desk_dir"]) / "sip.toml").read_text()
    pids = [int(state["kamailio_pid"]), int(state["caller_pid"])]
    assert not any(_gone(p) for p in pids), (folder / "caller.log").read_text()
    second = _cli("sip", "demo", str(folder))
    assert second.returncode == 1 and "already runs" in second.stderr
    assert _cli("sip", "demo", str(folder), "--stop").returncode == 0
    for pid in pids:
        assert _wait_gone(pid), f"process {pid} did not stop"
    assert not (folder / "sip-demo.json").exists()


def test_sip_settings_say_what_is_missing_or_wrong(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SipSettingsError, match="sip.toml"):
        load_sip_settings(tmp_path)
    (tmp_path / "sip.toml").write_text('registrar = "127.0.0.1:5060"\nuser = "d1"\npasword = "x"\n')
    with pytest.raises(SipSettingsError, match="pasword"):
        load_sip_settings(tmp_path)
    save_sip_settings(tmp_path, SipSettings("127.0.0.1:5060", "d1"))
    s = load_sip_settings(tmp_path, registrar="127.0.0.1:5070")  # the command line wins
    assert (s.registrar, s.user, s.recordings_dir) == ("127.0.0.1:5070", "d1", tmp_path / "recordings")
    monkeypatch.setenv(PASSWORD_ENV, "pw")
    account, media = sip_account(s, sip_password(s))
    assert account.uri == "sip:d1@127.0.0.1" and media.recordings_dir == tmp_path / "recordings"
    with pytest.raises(SipSettingsError, match="host:port"):
        sip_account(SipSettings("no-port", "d1"), "pw")
