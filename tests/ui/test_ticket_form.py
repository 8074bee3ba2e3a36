"""Ticket form and back-fill dialog, driven through real widgets (offscreen)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import MAX_LENGTHS, FieldError, TicketDraft, validate
from callcenter.services.customers.phone import is_valid_cn_phone
from callcenter.services.customers.screen_pop import AccountCard, CustomerCard, ScreenPop
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.ui.calls.backfill_dialog import BackfillDialog
from callcenter.ui.tickets.field_messages import error_message, field_label
from callcenter.ui.tickets.form import ACCESSIBLE_ZH, TicketForm

CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
INTERACTIVE = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDateTimeEdit, QPushButton)
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 11:00 in Asia/Shanghai


@pytest.fixture
def form(qtbot, profile: SiteProfile) -> TicketForm:
    w = TicketForm(profile)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def dialog(qtbot, profile: SiteProfile, monkeypatch) -> BackfillDialog:
    d = BackfillDialog(profile, now=lambda: NOW)
    qtbot.addWidget(d)
    # never let a modal question block a test (teardown closes the dialog too)
    monkeypatch.setattr(d, "confirm_discard", lambda: True)
    return d


def choose(combo: QComboBox, code: str) -> None:
    i = combo.findData(code)
    assert i > 0, code
    combo.setCurrentIndex(i)


def type_text(qtbot, w: QWidget, text: str) -> None:
    """Type like an agent: ASCII as key clicks, CJK and emoji as input-method commits
    (that is how they arrive from a Chinese IME; QTest.keyClicks only handles Latin-1)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(w, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(w, event)


def shown(qtbot, w: QWidget) -> None:
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w.window())


def pop(*customers: CustomerCard, number: str = "13800138000") -> ScreenPop:
    return ScreenPop(number, customers, (), ())


ZHANG = CustomerCard(
    "张三", "13800138000", "临江市解放路 1 号", "rural",
    (AccountCard("0731000001", "MTR123456", "临江市解放路 1 号 2 栋"),
     AccountCard("0731000002", "MTR999999", "别处")),
)


# ---- typing ---------------------------------------------------------------------------------

TRICKY = {
    "caller_name": "  O'Brien \"张\" 😀𠀀  ",
    "caller_phone": "0731-84567890",
    "account_no": "'; DROP TABLE tickets;--",
    "meter_no": "MTR-𠀀-😀",
    "address": "湖南省临江市 \"解放路\" 1号 <b>&amp;</b> 😀",
}


def test_typed_text_comes_back_verbatim(qtbot, form: TicketForm) -> None:
    choose(form.category, "complaint")
    for name, text in TRICKY.items():
        type_text(qtbot, form.field_widget(name), text)
    type_text(qtbot, form.content, "停电了 😀 𠀀 '; DROP TABLE tickets;--")
    qtbot.keyClick(form.content, Qt.Key.Key_Return)
    type_text(qtbot, form.content, '  第二行 "quoted"  ')
    choose(form.area_type, "urban")
    choose(form.priority, "urgent")

    d = form.draft()
    assert d == TicketDraft(
        category="complaint",
        content='停电了 😀 𠀀 \'; DROP TABLE tickets;--\n  第二行 "quoted"  ',
        area_type="urban", priority="urgent", **TRICKY,
    )
    n = len(d.content)
    assert form.content_counter.text() == f"{n} / {MAX_LENGTHS['content']}"


def test_no_break_space_survives(form: TicketForm) -> None:
    form.content.setPlainText("A\u00a0B")
    assert form.draft().content == "A\u00a0B"


def test_overlong_text_is_not_truncated_and_counter_warns(form: TicketForm) -> None:
    long_address = "路" * 500
    form.address.setText(long_address)
    assert form.draft().address == long_address
    form.content.setPlainText("字" * 2001)
    assert len(form.draft().content) == 2001
    assert "2001 / 2000" in form.content_counter.text()
    assert "too long" in form.content_counter.text()  # not colour alone


def test_changed_signal_on_edit(qtbot, form: TicketForm) -> None:
    with qtbot.waitSignal(form.changed, timeout=1000):
        type_text(qtbot, form.caller_name, "李")
    with qtbot.waitSignal(form.changed, timeout=1000):
        choose(form.priority, "soon")


# ---- errors ---------------------------------------------------------------------------------

def test_show_errors_focuses_and_selects_the_wrong_field(qtbot, form: TicketForm) -> None:
    shown(qtbot, form)
    type_text(qtbot, form.caller_phone, "12345")
    type_text(qtbot, form.caller_name, "王五")
    form.show_errors([FieldError("caller_phone", "invalid_phone"), FieldError("address", "required")])

    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.caller_phone)
    assert form.caller_phone.selectedText() == "12345"
    assert form.caller_phone.text() == "12345" and form.caller_name.text() == "王五"
    text = form.error_label.text()
    assert text.startswith("⚠")
    assert error_message(FieldError("caller_phone", "invalid_phone")) in text
    assert "13800138000" in text and "0731-84567890" in text
    assert form.error_label.objectName() == "ticketError" and form.error_label.isVisible()
    assert "color" in form.error_label.styleSheet()
    for name in ("caller_phone", "address"):
        w = form.field_widget(name)
        assert w.property("invalid") is True
        assert w.toolTip() == error_message(FieldError(name, "invalid_phone" if name == "caller_phone"
                                                       else "required"))
        assert form.label_for(name).text().startswith("⚠")
    assert form.caller_name.property("invalid") is not True

    type_text(qtbot, form.caller_phone, "13800138000")  # typing over the selection fixes it
    assert form.caller_phone.text() == "13800138000"
    assert form.caller_phone.property("invalid") is False
    form.clear_errors()
    assert not form.error_label.isVisible() and form.address.property("invalid") is False
    assert form.address.toolTip() == ""


def test_show_errors_selects_content_and_focuses_combo(qtbot, form: TicketForm) -> None:
    shown(qtbot, form)
    type_text(qtbot, form.content, "x" * 3)
    form.show_errors([FieldError("content", "too_long", 2000)])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.content)
    assert form.content.textCursor().selectedText() == "xxx"
    assert "at most 2000 characters" in form.error_label.text()

    form.show_errors([FieldError("category", "required"), FieldError("content", "required")])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.category)
    assert form.content.toPlainText() == "xxx"
    assert "Other fields to correct: 1" in form.error_label.text()


def test_errors_from_real_validation_are_shown(qtbot, form: TicketForm, profile: SiteProfile) -> None:
    shown(qtbot, form)
    choose(form.category, "fault_repair")
    type_text(qtbot, form.content, "停电")
    type_text(qtbot, form.caller_phone, "110")
    errors = validate(form.draft(), profile, is_valid_cn_phone)
    assert errors[0] == FieldError("caller_phone", "invalid_phone")
    form.show_errors(errors)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.caller_phone)
    assert form.caller_phone.selectedText() == "110"


def test_error_messages_are_sentences() -> None:
    assert error_message(FieldError("address", "required")) == "Address is required."
    assert error_message(FieldError("address", "too_long", 200)) == (
        "Address is too long: at most 200 characters.")
    assert "10-digit" in error_message(FieldError("account_no", "invalid_account"))
    assert "meter" in error_message(FieldError("meter_no", "invalid_meter"))
    assert "Department" in error_message(FieldError("department", "invalid_choice"))
    assert error_message(FieldError("deadline_days", "out_of_range", 30)) == (
        "The deadline must be between 1 and 30 days.")
    assert error_message(FieldError("call_time", "in_future")) == (
        "The call time cannot be in the future.")
    for name in ACCESSIBLE_ZH:
        assert field_label(name) and field_label(name) != name


# ---- required markers and deadline --------------------------------------------------------------

def test_required_markers_follow_category(form: TicketForm) -> None:
    def marked(name: str) -> bool:
        has_star = form.label_for(name).text().endswith("*")
        described = form.field_widget(name).accessibleDescription() == "required"
        assert has_star == described
        return has_star

    assert marked("category") and not marked("address")
    choose(form.category, "fault_repair")
    assert all(marked(n) for n in ("content", "caller_phone", "address", "area_type", "priority"))
    assert not marked("caller_name") and not marked("account_no")
    choose(form.category, "service_request")
    assert marked("account_no") and marked("caller_name") and not marked("address")
    choose(form.category, "inquiry")
    assert marked("content") and not marked("caller_phone")


def test_deadline_follows_category_until_edited_by_hand(qtbot, form: TicketForm) -> None:
    spin = form.deadline_days
    assert spin.minimum() == 1 and spin.maximum() == form.profile.max_deadline_days
    choose(form.category, "complaint")
    assert spin.value() == 5
    choose(form.category, "report")
    assert spin.value() == 10
    choose(form.category, "service_request")
    assert spin.value() == 3

    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    assert spin.value() == 7
    choose(form.category, "complaint")
    assert spin.value() == 7
    choose(form.department, "marketing")
    assert form.dispatch_request() == DispatchRequest("marketing", 7)

    form.clear()
    choose(form.category, "report")
    assert spin.value() == 10


# ---- prefill and clear --------------------------------------------------------------------------

def test_prefill_fills_only_empty_fields(qtbot, form: TicketForm) -> None:
    type_text(qtbot, form.caller_name, "张先生")
    type_text(qtbot, form.address, "客户说的新地址")
    form.prefill_from_pop(pop(ZHANG))
    d = form.draft()
    assert d.caller_name == "张先生" and d.address == "客户说的新地址"
    assert d.caller_phone == "13800138000"
    assert d.account_no == "0731000001" and d.meter_no == "MTR123456"
    assert d.area_type == "rural"

    form.clear()
    choose(form.area_type, "urban")
    form.prefill_from_pop(pop(ZHANG))
    assert form.draft().area_type == "urban"
    assert form.draft().address == "临江市解放路 1 号 2 栋"


def test_prefill_unknown_or_ambiguous_caller_sets_phone_only(form: TicketForm) -> None:
    form.prefill_from_pop(pop(number="0731-84567890"))
    assert form.draft() == TicketDraft(caller_phone="0731-84567890")
    form.clear()
    form.prefill_from_pop(pop(ZHANG, ZHANG, number="13800138000"))
    assert form.draft() == TicketDraft(caller_phone="13800138000")
    form.set_caller_phone("13900000000")
    form.prefill_from_pop(pop(number="0731-84567890"))
    assert form.draft().caller_phone == "13900000000"


def test_clear_empties_everything(qtbot, form: TicketForm) -> None:
    choose(form.category, "fault_repair")
    for name, text in TRICKY.items():
        type_text(qtbot, form.field_widget(name), text)
    type_text(qtbot, form.content, "内容")
    choose(form.area_type, "urban")
    choose(form.priority, "urgent")
    choose(form.department, "repair")
    form.show_errors([FieldError("caller_phone", "invalid_phone")])
    form.clear()
    assert form.draft() == TicketDraft()
    assert form.dispatch_request() == DispatchRequest("", 1)
    assert form.error_label.text() == "" and form.caller_phone.property("invalid") is False
    assert form.content_counter.text() == "0 / 2000"
    assert not form.label_for("address").text().endswith("*")


# ---- keyboard and accessibility ------------------------------------------------------------------

def test_tab_order_follows_visual_order(qtbot, form: TicketForm) -> None:
    shown(qtbot, form)
    form.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.category)
    seen = [form.category]
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [form.field_widget(n) for n in (
        "category", "content", "caller_name", "caller_phone", "account_no", "meter_no",
        "address", "area_type", "priority", "department", "deadline_days")]


def assert_accessible(root: QWidget) -> None:
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE)
             and not isinstance(w.parent(), QAbstractSpinBox)]  # skip the spin box's own editor
    assert found
    for w in found:
        assert w.objectName() and not w.objectName().startswith("qt_"), w
        assert CJK.search(w.accessibleName()), (w.objectName(), w.accessibleName())


def test_every_interactive_widget_is_named(form: TicketForm, dialog: BackfillDialog) -> None:
    assert_accessible(form)
    assert_accessible(dialog)
    assert form.caller_phone.accessibleName() == "联系电话"
    assert form.deadline_days.accessibleName() == "处理时限(天)"


def test_english_labels_keep_chinese_accessible_names(qtbot, profile: SiteProfile) -> None:
    w = TicketForm(profile, lang="en")
    qtbot.addWidget(w)
    assert w.category.itemText(w.category.findData("fault_repair")) == "Fault repair"
    assert w.category.accessibleName() == "业务类型"


# ---- back-fill dialog -----------------------------------------------------------------------------

def test_backfill_converts_local_time_to_utc(qtbot, dialog: BackfillDialog) -> None:
    assert dialog.local_call_time() == datetime(2026, 11, 23, 10, 50)  # now - 10 min, local
    dialog.set_local_call_time(datetime(2026, 11, 23, 10, 0))
    type_text(qtbot, dialog.caller_number, "0731-84567890")
    b = dialog.backfill()
    assert b.call_time == datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert b.call_time.tzinfo is not None
    assert b.caller_number == "0731-84567890"
    dialog.set_local_call_time(datetime(2026, 11, 23, 0, 30))  # previous day in UTC
    assert dialog.backfill().call_time == datetime(2026, 11, 22, 16, 30, tzinfo=UTC)


def test_backfill_time_cannot_pass_now(dialog: BackfillDialog) -> None:
    dialog.set_local_call_time(datetime(2026, 11, 23, 12, 0))
    assert dialog.backfill().call_time == NOW


def test_backfill_save_emits_submitted_and_stays_open(qtbot, dialog: BackfillDialog) -> None:
    shown(qtbot, dialog)
    assert dialog.form.dispatch_request() is None
    dialog.caller_number.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.caller_number)
    type_text(qtbot, dialog.caller_number, "13800138000")
    qtbot.keyClick(dialog.caller_number, Qt.Key.Key_Tab)  # editing finished
    assert dialog.form.caller_phone.text() == "13800138000"
    type_text(qtbot, dialog.form.content, "系统故障期间的来电")
    with qtbot.waitSignal(dialog.submitted, timeout=1000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.draft().content == "系统故障期间的来电"

    dialog.show_errors([FieldError("category", "required"), FieldError("call_time", "in_future")])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.category)
    assert dialog.call_time.property("invalid") is True
    assert dialog.isVisible() and dialog.form.draft().content == "系统故障期间的来电"
    dialog.show_errors([FieldError("call_time", "in_future")])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.call_time)
    assert "cannot be in the future" in dialog.form.error_label.text()

    dialog.accept()
    assert not dialog.isVisible()


def test_backfill_cancel_asks_before_losing_typed_text(qtbot, dialog: BackfillDialog, monkeypatch) -> None:
    shown(qtbot, dialog)
    type_text(qtbot, dialog.form.content, "不要丢")
    answers: list[bool] = [False]
    monkeypatch.setattr(dialog, "confirm_discard", lambda: answers.pop(0))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.draft().content == "不要丢"
    answers.append(True)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_backfill_cancel_untouched_closes_at_once(qtbot, dialog: BackfillDialog, monkeypatch) -> None:
    shown(qtbot, dialog)
    monkeypatch.setattr(dialog, "confirm_discard", lambda: pytest.fail("should not ask"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


# ---- sub-types ---------------------------------------------------------------------------------

def test_subtypes_follow_the_category_and_set_the_deadline(qtbot, form: TicketForm) -> None:
    sub = form.subtype
    assert not sub.isEnabled() and sub.count() == 1
    assert sub.objectName() == "ticketSubtype" and sub.accessibleName() == "业务子类"
    choose(form.category, "service_request")
    assert sub.isEnabled() and form.label_for("subtype").text().endswith("*")
    assert [sub.itemData(i) for i in range(1, sub.count())] == [
        t.code for t in form.profile.subtypes("service_request")]
    assert sub.itemText(1) == "供电方案答复（居民）"
    choose(sub, "supply_plan_hv_single")
    assert form.deadline_days.value() == 15
    assert form.draft().subtype == "supply_plan_hv_single"
    choose(form.category, "inquiry")  # no sub-types: emptied, disabled, not required
    assert not sub.isEnabled() and form.draft().subtype == ""
    assert not form.label_for("subtype").text().endswith("*")
    form.clear()
    assert form.draft() == TicketDraft()


def test_a_refused_subtype_is_focused_with_its_message(qtbot, form: TicketForm,
                                                      profile: SiteProfile) -> None:
    shown(qtbot, form)
    choose(form.category, "service_request")
    errors = validate(form.draft(), profile, is_valid_cn_phone)
    assert FieldError("subtype", "required") in errors
    form.show_errors([FieldError("subtype", "required")])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.subtype)
    assert form.subtype.property("invalid") is True
    assert error_message(FieldError("subtype", "required")) == "Please choose Sub-type."


def test_the_deadline_says_when_it_counts_working_days(form: TicketForm) -> None:
    choose(form.category, "service_request")
    choose(form.subtype, "connection_residential")
    assert form.deadline_days.value() == 3 and form.deadline_days.suffix() == " working days"
    choose(form.category, "complaint")  # 5 calendar days
    assert form.deadline_days.suffix() == " days"
    assert form.label_for("deadline_days").text() == "Deadline (days)"
    choose(form.category, "service_request")
    choose(form.subtype, "supply_plan_hv_dual")
    assert form.label_for("deadline_days").text() == "Deadline (working days)"
    form.clear()
    assert form.deadline_days.suffix() == " days"
