"""Issue 17, set-up: `callcenter --help` lists every sub-command, the app takes
``--central URL``, and a missing system library Qt needs is one line naming the
Debian package instead of Qt's plugin error and abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from callcenter import cli
from callcenter.ui.shared.platform_check import debian_package, missing_library_line

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_sub_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for name in [*cli.SUBCOMMANDS, "db", "bench"]:
        assert any(line.startswith(f"  {name} ") for line in lines), f"{name} not in --help"
    assert "--central URL" in out


def test_central_flag_reaches_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import callcenter.app

    seen = []
    monkeypatch.setattr(callcenter.app, "run", lambda opts: seen.append(opts) or 0)
    url = "postgresql://desk_w01@central.example/cc"
    assert cli.main(["--central", url, "--data-dir", str(tmp_path)]) == 0
    assert seen[0].central_url == url


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_debian_package_of_a_library(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_loader_error_becomes_one_line() -> None:
    line = missing_library_line("libxcb-cursor.so.0: cannot open shared object file: "
                                "No such file or directory")
    assert "\n" not in line
    assert "apt-get install libxcb-cursor0" in line


def _can_hide_libraries() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_hide_libraries(), reason="needs user+mount namespaces (unshare -rm)")
def test_desk_without_libxcb_cursor_says_what_to_install(tmp_path: Path) -> None:
    """A private mount namespace hides libxcb-cursor.so.0 (bind-mounts an empty file
    over it), as on a bare Debian; the desk, asked for the xcb platform, says so."""
    lib = next((Path(d) / "libxcb-cursor.so.0" for d in ("/lib/x86_64-linux-gnu",
                "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64")
                if (Path(d) / "libxcb-cursor.so.0").exists()), None)
    if lib is None:  # already missing here: the desk must say so all the same
        script = f"exec {sys.executable} -m callcenter --data-dir {tmp_path}"
    else:
        script = (f"mount --bind /dev/null {lib.resolve()} && "
                  f"exec {sys.executable} -m callcenter --data-dir {tmp_path}")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":77",
           "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True,
                          text=True, timeout=120, env=env)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert lines == [lines[0]] and "apt-get install libxcb-cursor0" in lines[0], done.stderr
    assert "qt.qpa.plugin" not in done.stderr


def test_no_display_is_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "callcenter", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY" in lines[0], done.stderr
