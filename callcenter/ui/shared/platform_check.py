"""Before Qt starts: is a system library that Qt's platform plugin needs missing?

Qt reports a missing library of its xcb plugin with three lines about plugins and
then aborts. The desk asks the dynamic loader itself, before the QApplication is
made, and says in one line which Debian package to install."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

# sonames whose Debian package is not the soname's regular name (libfoo.so.N -> libfooN)
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libfreetype.so.6": "libfreetype6",
}
_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def debian_package(soname: str) -> str:
    """The Debian package that ships ``soname`` (libxcb-cursor.so.0 -> libxcb-cursor0)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    m = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if m is None:
        return soname
    stem, major = m.group(1).lower(), m.group(2)
    return f"{stem}-{major}" if stem[-1].isdigit() else f"{stem}{major}"


def missing_library_line(loader_error: str) -> str:
    """One line from the loader's message ("libxcb-cursor.so.0: cannot open shared
    object file: ..."): which package to install."""
    names = [Path(n).name for n in _SONAME.findall(loader_error)]
    if not names:
        return f"a system library Qt needs cannot load ({loader_error})"
    soname = names[0]
    pkg = debian_package(soname)
    return (f"the system library {soname} that Qt needs is missing: install the package {pkg} "
            f"(Debian: sudo apt-get install {pkg})")


def platform_plugin(env: dict[str, str] | None = None) -> str | None:
    """The Qt platform plugin this process will load (None: not one we check)."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if not wanted:
        if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
            return None  # Qt picks wayland; its plugin is not in the README's prerequisites
        wanted = "xcb"
    return wanted if wanted in ("xcb", "offscreen", "minimal") else None


def missing_qt_library(env: dict[str, str] | None = None) -> str | None:
    """One line naming the package to install when the platform plugin Qt is about
    to load cannot load; None when it loads (or is not one we know)."""
    name = platform_plugin(env)
    if name is None:
        return None
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "platforms" / f"libq{name}.so"
    if not plugin.exists():
        return None  # a Qt built differently: let Qt say what it thinks
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        return missing_library_line(str(exc))
    env = dict(os.environ) if env is None else env
    if name == "xcb" and not env.get("DISPLAY"):  # Qt would abort with "could not connect"
        return ("no X display to open the desk's window on (DISPLAY is not set): start it on the "
                "desktop, or set QT_QPA_PLATFORM=offscreen for a run without a screen")
    return None
