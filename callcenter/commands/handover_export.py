"""``callcenter handover export ID --pdf FILE``: the record as the desk prints it."""

from __future__ import annotations

import argparse
import os
import sys
from zoneinfo import ZoneInfo

from callcenter.domain.site_profile import SiteProfile
from callcenter.services.handover.records import HandoverRefused, record_in
from callcenter.services.site.settings import default_data_dir
from callcenter.services.storage.database import open_database


def export(ns: argparse.Namespace, profile: SiteProfile) -> int:
    db = open_database((ns.data_dir or default_data_dir()) / "desk.sqlite3")
    try:
        rec = db.read_now(lambda s: record_in(s, ns.id))
    except HandoverRefused:
        print(f"callcenter handover export: no record {ns.id!r} in this store", file=sys.stderr)
        return 1
    finally:
        db.close()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: a file is written
    from callcenter.ui.handover.document import write_pdf
    from callcenter.ui.shared.fonts import install_cjk_font
    from callcenter.ui.shared.i18n import install_translator
    from callcenter.ui.shared.qt_app import application

    app = application()
    install_cjk_font(app)
    translator = install_translator(app, ns.lang)
    try:
        write_pdf(rec, profile.unit_name, ZoneInfo(profile.timezone), ns.pdf)
    except OSError as exc:
        print(f"callcenter handover export: cannot write {ns.pdf}: {exc}", file=sys.stderr)
        return 1
    del translator
    print(f"{ns.pdf}: {rec.shift_key} ({rec.state.value})")
    return 0
