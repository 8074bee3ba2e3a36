"""The script panel follows a real call in the real window (fake clock, real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.domain.scripts.qa import apology_after_late_answer
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.scripts.call_lines import OutageFacts
from callcenter.store.models import CallEventRow
from callcenter.telephony.port import CallOffered
from callcenter.ui.scripts.integration import ScriptIntegration, install
from callcenter.ui.scripts.triage_widget import TriageWidget
from tests.fakes import ime_commit
from tests.ui.desk_window import DeskWindow, make_desk_window
from tests.ui.test_accessibility import CJK, _interactive

APOLOGY = "对不起，让您久等了。"


class Rig:
    def __init__(self, dw: DeskWindow, integ: ScriptIntegration) -> None:
        self.dw, self.integ = dw, integ
        self.w = dw.window
        self.panel = integ.panel

    def events(self) -> list[tuple[str, dict[str, Any]]]:
        self.dw.db.flush()
        call = self.dw.desk.current_call
        assert call is not None
        return self.dw.db.read_now(lambda s: [(r.kind, dict(r.data)) for r in s.scalars(
            select(CallEventRow).where(CallEventRow.call_id == call.id).order_by(CallEventRow.seq))])


def _rig(qtbot: QtBot, tmp_path: Path, **kw: Any) -> Iterator[Rig]:
    dw = make_desk_window(tmp_path)
    qtbot.addWidget(dw.window)
    integ = install(dw.window, dw.desk, db=dw.db, profile=dw.desk.profile, clock=dw.clock, **kw)
    dw.window.show()
    qtbot.waitExposed(dw.window)
    dw.window.activateWindow()
    yield Rig(dw, integ)
    if integ.editor is not None:
        integ.editor.reject()
    dw.close()


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    yield from _rig(qtbot, tmp_path)


def press(qtbot: QtBot, rig: Rig, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    if QApplication.activeWindow() is not rig.w:
        rig.w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is rig.w)
    qtbot.keyClick(QApplication.focusWidget() or rig.w, key, mod)


def answer_call(qtbot: QtBot, rig: Rig, ring_s: float, number: str = "13800138004",
                agent: str = "1024") -> None:
    desk = rig.dw.desk
    desk.sign_in(agent)
    desk.set_ready()
    rig.dw.tel.send(CallOffered("c1", number))
    rig.dw.advance(ring_s)
    press(qtbot, rig, Qt.Key.Key_F5)
    assert desk.status.state is AgentState.TALKING
    qtbot.waitUntil(lambda: rig.w.screen_pop.body.toPlainText() != "")


def pick(combo: QComboBox, code: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(code))


def test_late_answer_shows_the_apology_first_and_records_it(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 16.0)  # ring 4: past the 3-ring limit
    texts = rig.panel.texts()
    assert texts[0] == APOLOGY
    assert texts[1] == "您好，国网临江供电公司95598，1024号为您服务。"
    kinds = rig.events()
    assert [k for k, _ in kinds[:3]] == ["ringing", "answered", "script_shown"]
    assert kinds[1][1]["late"] is True
    assert kinds[2][1]["key"] == "apology" and kinds[2][1]["script_id"] == "late_answer_apology"
    assert kinds[2][1]["text"] == APOLOGY
    assert apology_after_late_answer(rig.dw.desk.call_events()) is True


def test_answer_in_time_has_no_apology(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    assert APOLOGY not in rig.panel.texts()
    assert rig.panel.keys()[0] == "greeting"


def test_hold_and_resume_show_their_phrases(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    press(qtbot, rig, Qt.Key.Key_F6)  # 保持
    assert rig.dw.desk.status.state is AgentState.HELD
    assert rig.panel.keys()[-1] == "hold"
    assert rig.panel.texts()[-1].endswith("请您稍等，不要挂机。")
    assert "高超" in rig.panel.texts()[-1]  # the screen pop's name fills {customer_name}
    press(qtbot, rig, Qt.Key.Key_F6)  # 恢复
    assert rig.panel.keys()[-1] == "resume"
    shown = [(d["key"], d.get("phase")) for k, d in rig.events() if k == "script_shown"]
    assert shown[-2:] == [("hold", "hold"), ("resume", "resume")]


def test_pass_to_department_fills_the_deadline_from_the_ticket(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    spin = rig.w.form.deadline_days
    assert spin is not None
    spin.setValue(3)
    press(qtbot, rig, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert rig.panel.keys()[-1] == "transfer"
    # the fake clock is 2026-11-23 09:00 in Shanghai
    assert rig.panel.texts()[-1].endswith("我将在11月26日前答复您处理结果。")
    press(qtbot, rig, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert "暂时不能答复" in rig.panel.texts()[-1]


def test_complaint_category_opens_with_the_calming_phrase(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    pick(rig.w.form.category, "complaint")
    assert rig.panel.keys()[-1] == "complaint_opening"
    text = rig.panel.texts()[-1]
    assert "先安抚客户后处理事情" in text and "受理范围" in text
    assert text.startswith("高超，非常理解您的心情")


def test_triage_answers_land_in_the_ticket_form(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    form = rig.w.form
    ime_commit(form.content, "客户家里没电了。")
    press(qtbot, rig, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # fault triage
    guide = rig.panel.guide()
    assert isinstance(guide, TriageWidget)
    qtbot.waitUntil(guide.hasFocus)
    for digit in (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_3):  # paid, single, yes, not tripped
        qtbot.keyClick(guide, digit)
    assert guide.walk.step_id == "property"
    qtbot.keyClick(guide, Qt.Key.Key_Backspace)  # changed their mind about the breaker
    qtbot.keyClick(guide, Qt.Key.Key_2)  # trips again -> customer property
    assert guide.walk.outcome == "explain_property_boundary"
    assert form.category.currentData() == "fault_repair"
    content = form.content.toPlainText()
    assert content.startswith("客户家里没电了。\n【报修分诊】")
    assert "子类：客户产权故障" in content and "单户停电；户表用户；室内空开合不上/反复跳闸" in content
    assert "未跳闸" not in content  # going back took that answer out again
    assert content.count("【报修分诊】") == 1
    steps = [d for k, d in rig.events() if k == "script_step"]
    assert [(d["step_id"], d["answer"]) for d in steps] == [
        ("arrears", "paid"), ("single_household", "single"), ("meter_box", "yes"),
        ("indoor_breaker", "not_tripped"), ("indoor_breaker", "trips_again")]
    assert steps[-1]["outcome"] == "explain_property_boundary"
    outcome = [d for k, d in rig.events() if k == "script_shown" and d["key"] == "triage_outcome"]
    assert outcome and "第四十七条" in outcome[-1]["text"]


def test_choosing_fault_repair_starts_the_triage(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    pick(rig.w.form.category, "fault_repair")
    assert isinstance(rig.panel.guide(), TriageWidget)


@pytest.fixture
def outage_rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    seen: list[ScreenPop] = []

    def known(pop: ScreenPop) -> OutageFacts | None:
        seen.append(pop)
        return OutageFacts("10千伏幸福线故障抢修", "今天18:00", "江城区幸福路片区")

    yield from _rig(qtbot, tmp_path, known_outage=known)
    assert seen


def test_known_outage_seam_ends_triage_with_cause_and_restore_time(qtbot: QtBot, outage_rig: Rig) -> None:
    rig = outage_rig
    answer_call(qtbot, rig, 3.0)
    pick(rig.w.form.category, "fault_repair")
    guide = rig.panel.guide()
    assert isinstance(guide, TriageWidget) and guide.walk.outcome == "known_outage"
    assert "因10千伏幸福线故障抢修停电，预计今天18:00恢复供电" in guide.question.text()
    assert "已告知停电原因及预计恢复时间" in rig.w.form.content.toPlainText()


def test_search_and_pin_by_keyboard(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    press(qtbot, rig, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    tab = rig.integ.tab
    qtbot.waitUntil(tab.search.hasFocus)
    ime_commit(tab.search, "转交")
    assert tab.current_id() == "pass_to_department"
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.results.hasFocus()
    qtbot.keyClick(tab.results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert rig.integ.library.pinned() == ["pass_to_department"]
    tab.search.clear()
    assert tab.results.item(0).text().startswith("★") and tab.current_id() == "pass_to_department"
    tab.results.setFocus()
    qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    assert rig.panel.keys()[-1] == "transfer"
    assert rig.w.tools.currentIndex() == 0  # back on the call tab, where the panel is
    shown = [d for k, d in rig.events() if k == "script_shown"]
    assert shown[-1]["phase"] == "search" and shown[-1]["script_id"] == "pass_to_department"


def test_my_widgets_have_object_names_and_chinese_accessible_names(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0, agent="9001")  # the shift lead (staff in the profile)
    press(qtbot, rig, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    rig.integ.open_editor()
    dlg = rig.integ.editor
    assert dlg is not None
    roots: list[QWidget] = [rig.panel, rig.integ.tab, dlg]
    widgets = [w for root in roots for w in _interactive(root)]
    assert len(widgets) > 12
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == [], bad


def test_editor_publishes_a_version_the_next_call_uses(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0, agent="9001")
    rig.integ.open_editor()
    dlg = rig.integ.editor
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    row = next(i for i in range(dlg.list.count()) if "[hold]" in dlg.list.item(i).text())
    dlg.list.setCurrentRow(row)
    source = dlg.source.toPlainText()
    dlg.source.setPlainText(source.replace("{customer_name}", "{customer_nme}"))
    assert "customer_nme" in dlg.problems.toPlainText() and not dlg.publish_btn.isEnabled()
    dlg.source.setPlainText(source.replace("请您稍等，不要挂机", "请您稍候片刻"))
    assert dlg.publish_btn.isEnabled()
    assert "稍候片刻" in dlg.preview.toPlainText() and "张女士" in dlg.preview.toPlainText()
    qtbot.mouseClick(dlg.publish_btn, Qt.MouseButton.LeftButton)
    assert "1" in dlg.version.text() and "9001" in dlg.version.text()
    qtbot.mouseClick(dlg.close_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.integ.editor is None)
    press(qtbot, rig, Qt.Key.Key_F6)  # this call keeps the wording it started with
    assert rig.panel.texts()[-1].endswith("不要挂机。")
    assert rig.integ.library.library.get("hold").version == 1  # type: ignore[union-attr]


def test_shift_lead_adds_a_new_script_agents_can_find(qtbot: QtBot, rig: Rig) -> None:
    rig.dw.desk.sign_in("9001")  # the shift lead in the profile
    rig.integ.open_editor()
    dlg = rig.integ.editor
    assert dlg is not None
    qtbot.mouseClick(dlg.new_btn, Qt.MouseButton.LeftButton)
    assert dlg.publish_btn.isEnabled()  # the template itself is a valid script
    text = dlg.source.toPlainText().replace('"new_script"', '"meter_reading"').replace(
        'text = "{customer_name}您好，"', 'text = "抄表日为每月{deadline}，请您留意。"')
    dlg.source.setPlainText(text.replace('phase = "any"', 'phase = "lunch"'))
    assert "unknown phase “lunch”" in dlg.problems.toPlainText() and not dlg.publish_btn.isEnabled()
    dlg.source.setPlainText(text)
    qtbot.mouseClick(dlg.publish_btn, Qt.MouseButton.LeftButton)
    assert "9001" in dlg.version.text()
    assert [h.script_id for h in rig.integ.library.search("抄表")] == ["meter_reading"]
    dlg.new_script()  # the same id again is refused, not overwritten
    dlg.source.setPlainText(text)
    qtbot.mouseClick(dlg.publish_btn, Qt.MouseButton.LeftButton)
    assert "already taken" in dlg.problems.toPlainText()
    qtbot.mouseClick(dlg.close_btn, Qt.MouseButton.LeftButton)  # not published: asks first
    box = dlg.discard_box
    assert box is not None and box.isVisible()
    drop = next(b for b in box.buttons() if b.objectName() == "scriptEditorDiscard")
    qtbot.mouseClick(drop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.integ.editor is None)


def test_phrase_keys_work_only_on_the_call_tab(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)
    rig.integ.open_search()  # another tab: its own Ctrl+digits must not reach the script panel
    before = list(rig.panel.keys())
    press(qtbot, rig, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert rig.panel.keys() == before
    rig.w.tools.setCurrentIndex(0)
    press(qtbot, rig, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert rig.panel.keys()[-1] == "cannot_answer"


def test_scripts_between_calls_are_shown_but_not_recorded(qtbot: QtBot, rig: Rig) -> None:
    desk = rig.dw.desk
    desk.sign_in("1024")
    assert desk.record_script_shown("hold", "x") is False
    assert desk.record_script_step("t", "s", "a") is False
    rig.integ.show_script("closing")
    assert rig.panel.texts()[-1] == "感谢您的来电，请您先挂机，再见。"


def test_an_agent_cannot_open_the_editor(qtbot: QtBot, rig: Rig) -> None:
    answer_call(qtbot, rig, 3.0)  # 1024 is an agent
    rig.integ.open_editor()
    assert rig.integ.editor is None
    assert "shift lead" in rig.w.statusBar().currentMessage()


def test_triage_dispatch_repair_preselects_the_repair_centre_and_sub_type(
        qtbot: QtBot, rig: Rig) -> None:
    """Issue 17 item 11: 派发抢修 chooses 抢修中心 and the sub-type the triage found."""
    answer_call(qtbot, rig, 3.0)
    form = rig.w.form
    press(qtbot, rig, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # fault triage
    guide = rig.panel.guide()
    assert isinstance(guide, TriageWidget)
    qtbot.waitUntil(guide.hasFocus)
    for digit in (Qt.Key.Key_2, Qt.Key.Key_2):  # paid; the neighbours are out too
        qtbot.keyClick(guide, digit)
    assert guide.walk.outcome == "dispatch_repair"
    assert form.category.currentData() == "fault_repair"
    assert form.subtype.currentData() == "area_outage" and form.subtype.currentText() == "片区停电"
    assert form.department is not None and form.department.currentData() == "repair"
    assert form.department.currentText() == "抢修中心"
    qtbot.keyClick(guide, Qt.Key.Key_Backspace)  # only this home after all
    for digit in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_1):
        qtbot.keyClick(guide, digit)  # single, meter box, not tripped, utility property
    assert guide.walk.outcome == "dispatch_repair"
    assert form.subtype.currentData() == "utility_fault"


def test_lead_edits_a_script_in_a_form_with_chinese_errors_and_close_asks(
        qtbot: QtBot, rig: Rig) -> None:
    """Issue 17 item 20: a form (title, where offered, lines with placeholders, preview),
    TOML stays the storage, problems in Chinese, 关闭 with unsaved edits asks."""
    import tomllib

    from PySide6.QtWidgets import QApplication

    from callcenter.ui.shared.i18n import install_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    try:
        rig.dw.desk.sign_in("9001")
        rig.integ.open_editor()
        dlg = rig.integ.editor
        assert dlg is not None
        qtbot.waitUntil(dlg.isVisible)
        row = next(i for i in range(dlg.list.count()) if "[hold]" in dlg.list.item(i).text())
        dlg.list.setCurrentRow(row)
        form = dlg.form
        assert dlg.tabs.currentWidget() is form and form.isEnabled()
        assert form.title.text() == tomllib.loads(dlg.source.toPlainText())["title"]
        assert form.phase.currentData() == "hold"
        form.title.clear()
        ime_commit(form.title, "请稍候")
        form.text.selectAll()
        ime_commit(form.text, "请您稍候，")
        i = form.placeholder.findData("customer_name")
        form.placeholder.setCurrentIndex(i)
        qtbot.mouseClick(form.insert_btn, Qt.MouseButton.LeftButton)
        data = tomllib.loads(dlg.source.toPlainText())  # the TOML text is the storage
        assert data["title"] == "请稍候" and data["text"] == "请您稍候，{customer_name}"
        assert data["id"] == "hold" and "keywords" in data  # what the form does not show is kept
        assert "请您稍候，张女士" in dlg.preview.toPlainText()
        assert dlg.publish_btn.isEnabled()
        dlg.source.setPlainText(dlg.source.toPlainText() + 'bogus = "x"\n')
        assert "第" in dlg.problems.toPlainText() and "bogus" in dlg.problems.toPlainText()
        assert "unknown key" not in dlg.problems.toPlainText()  # said in Chinese
        form.title.clear()
        form.title.textEdited.emit("")
        assert "标题" in dlg.problems.toPlainText()
        dlg.list.setCurrentRow(0 if row else 1)  # another script would drop the edits: stays
        assert dlg.list.currentRow() == row and "保存草稿" in dlg.status.text()
        qtbot.mouseClick(dlg.new_btn, Qt.MouseButton.LeftButton)
        assert form.text.toPlainText() == "请您稍候，{customer_name}"
        qtbot.mouseClick(dlg.close_btn, Qt.MouseButton.LeftButton)  # unsaved: asks
        box = dlg.discard_box
        assert box is not None and box.isVisible() and dlg.isVisible()
        keep = next(b for b in box.buttons() if b.objectName() == "scriptEditorKeep")
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not box.isVisible())
        assert dlg.isVisible() and form.text.toPlainText() == "请您稍候，{customer_name}"  # nothing lost
        qtbot.mouseClick(dlg.close_btn, Qt.MouseButton.LeftButton)
        box = dlg.discard_box
        assert box is not None
        drop = next(b for b in box.buttons() if b.objectName() == "scriptEditorDiscard")
        qtbot.mouseClick(drop, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: rig.integ.editor is None)
        assert rig.integ.library.library.get("hold").version == 0  # type: ignore[union-attr]
    finally:
        app.removeTranslator(tr)
