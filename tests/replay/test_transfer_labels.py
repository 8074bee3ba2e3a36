"""Every call event kind, the transfer steps included (issue 16), has a lane and
a label in the QA replay; a transferred call's hang-up says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from callcenter.domain.call_events import EventKind
from callcenter.ui.replay.labels import LANES, EventTexts, event_text, kind_label
from callcenter.ui.shared.i18n import install_translator


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    tr = install_translator(qapp, "zh")
    assert tr is not None
    yield
    qapp.removeTranslator(tr)


def test_every_kind_has_a_lane_and_a_chinese_label(chinese: None) -> None:
    for kind in EventKind:
        assert kind in LANES, kind
        label = kind_label(kind)
        assert label and not label.isascii(), (kind, label)


def test_transfer_steps_name_their_target_and_a_transferred_hang_up_says_so(
        chinese: None) -> None:
    texts = EventTexts()
    assert texts(EventKind.TRANSFER_COMPLETED, {"target": "9001", "code": 200}) == "已转接: 9001"
    hung = event_text(EventKind.HUNG_UP, {"by": "agent", "reason": "transferred"})
    assert hung.endswith("（已转接）")
    assert "（已转接）" not in event_text(EventKind.HUNG_UP, {"by": "agent"})
