"""Comments pinned to the timeline, through the real window on a real store: the
reviewer pins a comment at the replay's playhead while scoring, it is saved with
the review, shown as a marker and in a list; the agent sees it in 我的质检's
replay of the released review, and clicking it seeks there."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext
from callcenter.domain.qa.pins import Pin, PinInvalid, checked, make_pin, pins_from_json
from callcenter.ui.qa.reviews_feature import ReviewsFeature
from callcenter.ui.qa.score_dialog import ScoreDialog
from callcenter.ui.replay.pins import PinMarkers
from callcenter.ui.replay.replay_dialog import ReplayDialog
from tests.qa.test_workspace_ui import ctx, feature  # noqa: F401 (the fixture)
from tests.ui.test_sign_in_ui import sign_in


def fill(dlg: ScoreDialog) -> None:
    dlg.rows["attitude"].value.setCurrentIndex(1)
    dlg.rows["confirm"].value.setValue(5)
    dlg.rows["conduct"].value.setCurrentIndex(1)
    for r in dlg.rows.values():
        a = r.answer()
        if a.value is None and not a.na and r.q.allow_na:
            r.na.setChecked(True)
        r.comment.setText("听录音核实")


def test_pins_are_checked() -> None:
    assert make_pin(12.34567, "  说话太快 ") == Pin(12.346, "说话太快")
    for t, text, reason in ((1, " ", "empty"), (-1, "x", "bad_time"), (99, "x", "bad_time"),
                            (1, "x" * 501, "too_long")):
        try:
            make_pin(t, text, duration_s=60)
        except PinInvalid as exc:
            assert exc.reason == reason
        else:
            raise AssertionError(f"{t} {text!r} accepted")
    assert [p.t_s for p in checked([Pin(9, "b"), Pin(3, "a")])] == [3, 9]
    # an older row naming an event's seq has no time: left out, not a crash
    assert pins_from_json({"pins": [{"seq": 3, "text": "x"}, {"t_s": 2, "text": "y"}]}) == [Pin(2, "y")]


def _replay(before: set[int]) -> ReplayDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReplayDialog)
                 and w.isVisible() and id(w) not in before and w.timeline is not None), None)


def test_pin_a_comment_while_scoring_and_the_agent_sees_it(qtbot: QtBot, ctx: AppContext) -> None:  # noqa: F811
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.agent.setText("1001")
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    row = next(r for r in view.model.rows if r.outcome == "answered")
    view.table.selectRow(view.model.rows.index(row))
    view.replay_btn.click()
    qtbot.waitUntil(lambda: _replay(set()) is not None, timeout=15_000)
    replay = _replay(set())
    assert replay is not None and f.replay is replay
    view.score_btn.click()
    dlg = f.score_dialog
    assert isinstance(dlg, ScoreDialog) and dlg.pins is not None and not dlg.isModal()
    editor = dlg.pins
    # the time follows the replay's playhead (a seek, as a click on the axis makes)
    at = min(8.0, replay.timeline.duration_s)  # type: ignore[union-attr]
    replay.seek(at)
    assert editor.time_s() == int(at)
    editor.add_btn.click()  # no text: refused, nothing pinned
    assert "⚠" in editor.message.text() and editor.pins == []
    editor.text.setText("这里未致歉")
    editor.add_btn.click()
    assert [p.text for p in editor.pins] == ["这里未致歉"] and editor.text.text() == ""
    markers = replay.findChild(PinMarkers, "replayPins")
    assert isinstance(markers, PinMarkers) and markers.isVisible()
    assert markers.list.count() == 1 and len(markers.lines) == 1
    assert list(markers.scatter.getData()[0]) == [float(int(at))]
    # a click on the axis (not on an event) seeks there: the pin time follows
    from PySide6.QtCore import QPointF, Qt

    click_at = min(20.0, replay.timeline.duration_s)  # type: ignore[union-attr]
    vb = replay.plot.getPlotItem().vb
    spot = replay.plot.mapFromScene(vb.mapViewToScene(QPointF(click_at, 2.5)))
    qtbot.mouseClick(replay.plot.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: abs(replay.position() - click_at) < 1.0, timeout=5_000)
    assert editor.time_s() == int(replay.position())
    # clicking the pin in the score dialog seeks the replay there
    replay.seek(0.0)
    editor.list.setCurrentRow(0)
    editor.list.itemClicked.emit(editor.list.item(0))
    assert abs(replay.position() - int(at)) < 0.05
    fill(dlg)
    dlg.submit_btn.click()
    assert dlg.error.text() == ""
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    assert row.call_id not in f.drafts
    replay.close()

    # the agent: 我的质检, the review's replay carries the pin; clicking it seeks there
    ctx.window.sign_in_or_out()
    sign_in(qtbot, ctx, "1001", "demo1001")
    rf = next(k for k in ctx.keep if isinstance(k, ReviewsFeature))
    rv = rf.view
    assert rv is not None
    qtbot.waitUntil(lambda: len(rv.reviews) == 1, timeout=10_000)
    assert [p.text for p in rv.reviews[0].pins] == ["这里未致歉"]
    assert "这里未致歉" in rv.detail.toPlainText()
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, ReplayDialog)}
    rv.replay_btn.click()
    qtbot.waitUntil(lambda: _replay(before) is not None, timeout=15_000)
    agent_replay = _replay(before)
    assert agent_replay is not None
    pins = agent_replay.findChild(PinMarkers, "replayPins")
    assert isinstance(pins, PinMarkers) and pins.list.count() == 1
    assert "这里未致歉" in pins.list.item(0).text()
    pins.list.itemClicked.emit(pins.list.item(0))
    assert abs(agent_replay.position() - int(at)) < 0.05
    agent_replay.seek(0.0)
    pins.scatter.sigClicked.emit(pins.scatter, pins.scatter.points(), None)  # a click on the marker
    assert abs(agent_replay.position() - int(at)) < 0.05
    agent_replay.close()
