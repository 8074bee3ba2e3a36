"""``open_replay``: what other screens (the ticket detail, the QA workspace) call
to replay a call."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.privacy.policy import policy_for
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.replay.loading import Replays
from callcenter.ui.replay.replay_dialog import ReplayDialog, call_id_of


def open_replay(parent: QWidget | None, call_id: uuid.UUID | str, replays: Replays, *,
                profile: SiteProfile, lang: str = "zh", clock: Clock | None = None,
                seek_s: float | None = None, show: bool = True,
                reveals: Reveals | None = None) -> ReplayDialog:
    """Open the replay of ``call_id`` (non-modal, deleted on close) and start reading
    it; ``seek_s`` puts the playhead there once it is read. The numbers shown are
    masked by the signed-in user's policy; given ``reveals``, "show full number"
    unmasks them with a reason (audited), as the ticket's detail does."""
    read = replays.load(call_id_of(call_id))  # first: it runs while the dialog is built
    dlg = ReplayDialog(profile, policy_for(replays.user.actor), clock=clock, lang=lang,
                       parent=parent, reveals=reveals)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.fetch_recording = replays.fetch_recording
    dlg.load_from(read, seek_s)
    if show:
        dlg.show()
    return dlg
