"""`callcenter bench sip-call`, `callcenter sip demo` and the SIP settings (issue 16)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from callcenter.bench import main as bench_main
from callcenter.cli import main as cli_main
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


def test_sip_demo_starts_kamailio_and_a_caller_and_stop_ends_exactly_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "demo"
    assert cli_main(["sip", "demo", str(folder), "--calls", "1"]) == 0
    state = json.loads((folder / "sip-demo.json").read_text())
    assert (folder / "sip-demo.json").stat().st_mode & 0o077 == 0
    assert state["registrar"].startswith("127.0.0.1:")
    settings = load_sip_settings(Path(state["desk_dir"]))
    assert settings.registrar == state["registrar"] and settings.user == "desk1"
    assert "password" not in (Path(state["desk_dir"]) / "sip.toml").read_text()
    pids = [int(state["kamailio_pid"]), int(state["caller_pid"])]
    assert not any(_gone(p) for p in pids)
    assert "already runs" in _second_launch(folder, capsys)
    assert cli_main(["sip", "demo", str(folder), "--stop"]) == 0
    for pid in pids:  # both are this process's children: wait for their exit
        waiter = threading.Thread(target=os.waitpid, args=(pid, 0), daemon=True)
        waiter.start()
        waiter.join(10)
        assert not waiter.is_alive(), f"process {pid} did not stop"
    assert all(_gone(p) for p in pids)
    assert not (folder / "sip-demo.json").exists()


def _second_launch(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert cli_main(["sip", "demo", str(folder)]) == 1
    return capsys.readouterr().err


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
