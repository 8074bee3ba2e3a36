"""Render the call replay offscreen: a crafted call with form edits, a hold, a
secure pause and every SLA mark, paused mid-call.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_replay OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from callcenter.domain.auth.roles import Role
from callcenter.domain.call_events import EventKind
from callcenter.services.replay.loading import Replays
from callcenter.services.replay.sample_call import long_call, write_call
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.ui.replay.open import open_replay
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from tests.fakes import signed_in


def render(out: Path, lang: str = "zh") -> Path:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    translator = install_translator(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "desk.sqlite3")
        events = long_call(60, 170.0, datetime(2026, 12, 6, 2, 0, tzinfo=UTC))
        # answered late, a secure pause while the customer gave an ID number
        from dataclasses import replace
        events[1] = replace(events[1], mono_ns=events[0].mono_ns + 17 * 10**9)
        m0 = events[0].mono_ns or 0
        at0 = events[0].at
        from datetime import timedelta

        from callcenter.domain.call_events import CallEvent
        events += [CallEvent(EventKind.SECURE_PAUSED, m0 + 90 * 10**9, at0 + timedelta(seconds=90)),
                   CallEvent(EventKind.SECURE_RESUMED, m0 + 104 * 10**9, at0 + timedelta(seconds=104))]
        events.sort(key=lambda e: e.mono_ns or 0)
        call_id = db.write_now(lambda s: write_call(s, events))
        dlg = open_replay(None, call_id, Replays(db, user=signed_in("7001", Role.QA)),
                          profile=load_profile(), lang=lang)
        while dlg.timeline is None:
            app.processEvents()
        dlg.seek(120.0)
        app.processEvents()
        path = out / f"replay_{lang}.png"
        dlg.grab().save(str(path))
        dlg.close()
        db.close()
    if translator is not None:
        app.removeTranslator(translator)
    return path


if __name__ == "__main__":
    print(render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"))
