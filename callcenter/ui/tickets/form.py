"""The ticket entry form (受理工单): what the agent types during and after a call.

Text is returned verbatim (no stripping, no truncation: over-long text gets a
clear message on save instead). Wrong fields are marked, never cleared.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.site_profile import Named, SiteProfile
from callcenter.domain.ticket import MAX_LENGTHS, FieldError, TicketDraft
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.tickets.entry import NEW_CUSTOMER_FIELDS, DispatchRequest
from callcenter.ui.tickets.deadline_field import DeadlineField, unit_label
from callcenter.ui.tickets.field_messages import error_message, field_label

# Accessible names stay Chinese whatever the UI language (screen readers on site read Chinese).
ACCESSIBLE_ZH: dict[str, str] = {
    "category": "业务类型",
    "subtype": "业务子类",
    "content": "受理内容",
    "caller_name": "客户姓名",
    "caller_phone": "联系电话",
    "account_no": "户号",
    "meter_no": "表号",
    "address": "地址",
    "area_type": "区域类型",
    "priority": "紧急程度",
    "department": "下发部门",
    "deadline_days": "处理时限(天)",
}

OBJECT_NAMES: dict[str, str] = {
    "category": "ticketCategory",
    "subtype": "ticketSubtype",
    "content": "ticketContent",
    "caller_name": "ticketCallerName",
    "caller_phone": "ticketCallerPhone",
    "account_no": "ticketAccountNo",
    "meter_no": "ticketMeterNo",
    "address": "ticketAddress",
    "area_type": "ticketAreaType",
    "priority": "ticketPriority",
    "department": "ticketDepartment",
    "deadline_days": "ticketDeadlineDays",
}

ERROR_COLOUR = "#c62828"
WARNING_SIGN = "⚠"
# Wrong fields get a thick border; the label also gets a ⚠ and the widget a tooltip,
# so colour is never the only signal.
INVALID_STYLE = "".join(
    f'{cls}[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; }}'
    for cls in ("QLineEdit", "QPlainTextEdit", "QComboBox", "QSpinBox", "QDateTimeEdit")
)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class TicketForm(QWidget):
    """Ticket fields plus (optionally) the dispatch group (下发部门 / 处理时限)."""

    changed = Signal()

    def __init__(
        self,
        profile: SiteProfile,
        lang: str = "zh",
        parent: QWidget | None = None,
        *,
        with_dispatch: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketForm")
        self.setStyleSheet(INVALID_STYLE)
        self.profile = profile
        self.lang = lang
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._order: list[str] = []
        self._always_required: set[str] = set()
        self._required: set[str] = set()
        self._invalid: dict[str, str] = {}
        self._field_errors_shown = False  # the banner shows field errors (not show_message)
        self._new_customer = False  # "new customer with this number" is on

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("ticketError")
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.legend = QLabel(self.tr("Fields marked * are required."), self)
        self.legend.setObjectName("ticketLegend")
        outer.addWidget(self.legend)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self._form)

        self.category = self._combo("category", profile.categories)
        self._add_row(self._form, "category", self.category)
        # filled from the chosen category; disabled when the category has none
        self.subtype = self._combo("subtype", ())
        self._add_row(self._form, "subtype", self.subtype)
        self.subtype.currentIndexChanged.connect(self._subtype_changed)

        self.content = QPlainTextEdit(self)
        self.content.setTabChangesFocus(True)  # Tab moves on; the form stays keyboard-driven
        self.content.setPlaceholderText(self.tr("What the customer needs, in their words."))
        self.content_counter = QLabel(self)
        self.content_counter.setObjectName("ticketContentCounter")
        self.content_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.content)
        box_layout.addWidget(self.content_counter)
        self._register("content", self.content)
        self._add_row(self._form, "content", box, buddy=self.content)
        self.content.textChanged.connect(self._content_changed)

        self.caller_name = self._line("caller_name")
        self.caller_phone = self._line("caller_phone")
        self.account_no = self._line("account_no")
        self.meter_no = self._line("meter_no")
        self.address = self._line("address")
        self.area_type = self._combo("area_type", profile.area_types)
        self._add_row(self._form, "area_type", self.area_type)
        self.priority = self._combo("priority", profile.priorities)
        self._add_row(self._form, "priority", self.priority)

        self.dispatch_group: QGroupBox | None = None
        self.department: QComboBox | None = None
        self.deadline_days: DeadlineField | None = None
        if with_dispatch:
            self.dispatch_group = QGroupBox(self.tr("Dispatch"), self)
            self.dispatch_group.setObjectName("ticketDispatchGroup")
            dispatch_form = QFormLayout(self.dispatch_group)
            self.department = self._combo("department", profile.departments)
            self._add_row(dispatch_form, "department", self.department)
            self.deadline_days = DeadlineField(profile.max_deadline_days, self)
            self._register("deadline_days", self.deadline_days)
            self._add_row(dispatch_form, "deadline_days", self.deadline_days)
            self.deadline_days.valueChanged.connect(lambda _v: self._edited("deadline_days"))
            outer.addWidget(self.dispatch_group)
        outer.addStretch(1)

        self.category.currentIndexChanged.connect(self._category_changed)
        self.area_type.currentIndexChanged.connect(self._suggest_deadline)  # urban 45, rural 90
        self._category_changed()
        self._content_changed()
        self._fix_tab_order()

    # ---- building -------------------------------------------------------------------------

    def _register(self, name: str, widget: QWidget) -> None:
        widget.setObjectName(OBJECT_NAMES.get(name, widget.objectName()))
        if name in ACCESSIBLE_ZH:
            widget.setAccessibleName(ACCESSIBLE_ZH[name])
        self._fields[name] = widget

    def _add_row(self, layout: QFormLayout, name: str, row: QWidget,
                 buddy: QWidget | None = None, at: int | None = None) -> None:
        label = QLabel(self)
        label.setObjectName(f"{self._fields[name].objectName()}Label")
        label.setBuddy(buddy or row)
        self._labels[name] = label
        if at is None:
            layout.addRow(label, row)
            self._order.append(name)
        else:
            layout.insertRow(at, label, row)
            self._order.insert(at, name)
        self._refresh_field(name)

    def _line(self, name: str) -> QLineEdit:
        w = QLineEdit(self)  # no maxLength: over-long pastes get a message, never silent truncation
        self._register(name, w)
        w.textChanged.connect(lambda _text, n=name: self._edited(n))
        self._add_row(self._form, name, w)
        return w

    def _combo(self, name: str, items: Iterable[Named]) -> QComboBox:
        w = QComboBox(self)
        w.addItem(self.tr("Choose…"), "")
        for item in items:
            w.addItem(item.label(self.lang), item.code)
        self._register(name, w)
        w.currentIndexChanged.connect(lambda _i, n=name: self._edited(n))
        return w

    def add_field(self, name: str, widget: QWidget, *, required: bool = False, row: int = 0) -> None:
        """Add an extra field (e.g. the back-fill call time) that errors can point at."""
        self._fields[name] = widget
        if required:
            self._always_required.add(name)
            self._required.add(name)
        self._add_row(self._form, name, widget, at=row)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        widgets = [self._fields[n] for n in self._order]
        for a, b in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # ---- reactions ------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if name in self._invalid:
            del self._invalid[name]
            self._mark(name, False)
            self._show_first_invalid()  # the message about this field goes with its mark
        self.changed.emit()

    def _show_first_invalid(self) -> None:
        """The banner names the first field still wrong (in form order), or goes."""
        if not self._field_errors_shown:
            return
        left = [n for n in self._order if n in self._invalid]
        if not left:
            self.error_label.clear()
            self.error_label.hide()
            self._field_errors_shown = False
            return
        text = f"{WARNING_SIGN} {self._invalid[left[0]]}"
        if len(left) > 1:
            text += "\n" + self.tr("Other fields to correct: {count} (marked with ⚠).").format(
                count=len(left) - 1)
        self.error_label.setText(text)

    def _content_changed(self) -> None:
        n, limit = len(self._content_text()), MAX_LENGTHS["content"]
        if n > limit:
            text = self.tr("{count} / {limit} — too long").format(count=n, limit=limit)
            self.content_counter.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        else:
            text = self.tr("{count} / {limit}").format(count=n, limit=limit)
            self.content_counter.setStyleSheet("")
        self.content_counter.setText(text)
        self._edited("content")

    def set_new_customer(self, on: bool) -> None:
        """Filing the caller as a new customer makes name, phone and address required:
        their labels get the * (and lose it when the agent changes their mind)."""
        self._new_customer = on
        self._refresh_required()

    def _refresh_required(self) -> None:
        self._required = set(self.profile.required_fields(self._code(self.category)))
        self._required |= self._always_required
        if self._new_customer:
            self._required |= set(NEW_CUSTOMER_FIELDS)
        for name in self._labels:
            self._refresh_field(name)

    def _category_changed(self) -> None:
        code = self._code(self.category)
        self._refresh_required()
        self._fill_subtypes(code)
        self._suggest_deadline()

    def _fill_subtypes(self, category: str) -> None:
        kept = self._code(self.subtype)
        items = self.profile.subtypes(category)
        self.subtype.blockSignals(True)  # one "changed" for the whole refill, below
        try:
            self.subtype.clear()
            self.subtype.addItem(self.tr("Choose…") if items else self.tr("(none)"), "")
            for item in items:
                self.subtype.addItem(item.label(self.lang), item.code)
            i = self.subtype.findData(kept) if kept else -1
            self.subtype.setCurrentIndex(max(i, 0))
        finally:
            self.subtype.blockSignals(False)
        self.subtype.setEnabled(bool(items))
        self._edited("subtype")

    def _subtype_changed(self) -> None:
        self._suggest_deadline()

    def _suggest_deadline(self) -> None:
        """The deadline field follows the profile's deadline for the category,
        sub-type and area, in its unit (until the agent shortens the days)."""
        if self.deadline_days is None:
            return
        code = self._code(self.category)
        rule = self.profile.category(code)
        d = None if rule is None else self.profile.deadline_for(
            code, subtype=self._code(self.subtype) or None,
            area_type=self._code(self.area_type) or None)
        self.deadline_days.follow(d, rule.default_deadline_days if rule else 1)
        self._refresh_field("deadline_days")

    def _refresh_field(self, name: str) -> None:
        """Label text (⚠ when wrong, * when required) and accessible description."""
        required = name in self._required
        label = unit_label(self.deadline_days.unit) \
            if name == "deadline_days" and self.deadline_days is not None else field_label(name)
        text = label + (" *" if required else "")
        if name in self._invalid:
            text = f"{WARNING_SIGN} {text}"
        self._labels[name].setText(text)
        parts = [self.tr("required")] if required else []
        if name in self._invalid:
            parts.append(self._invalid[name])
        self._fields[name].setAccessibleDescription("; ".join(parts))

    def _mark(self, name: str, invalid: bool) -> None:
        w = self._fields[name]
        w.setProperty("invalid", invalid)
        w.setToolTip(self._invalid.get(name, "") if invalid else "")
        w.style().unpolish(w)
        w.style().polish(w)
        self._refresh_field(name)

    # ---- reading --------------------------------------------------------------------------

    @staticmethod
    def _code(combo: QComboBox) -> str:
        return str(combo.currentData() or "")

    def _content_text(self) -> str:
        # toRawText keeps no-break spaces (toPlainText turns them into plain spaces).
        raw = self.content.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def draft(self) -> TicketDraft:
        return TicketDraft(
            category=self._code(self.category),
            content=self._content_text(),
            caller_name=self.caller_name.text(),
            caller_phone=self.caller_phone.text(),
            account_no=self.account_no.text(),
            meter_no=self.meter_no.text(),
            address=self.address.text(),
            area_type=self._code(self.area_type),
            priority=self._code(self.priority),
            subtype=self._code(self.subtype),
        )

    def dispatch_request(self) -> DispatchRequest | None:
        """The chosen department and deadline; ``None`` when built without the dispatch group."""
        if self.department is None or self.deadline_days is None:
            return None
        return DispatchRequest(self._code(self.department), self.deadline_days.days())

    def field_widget(self, name: str) -> QWidget | None:
        return self._fields.get(name)

    def label_for(self, name: str) -> QLabel:
        return self._labels[name]

    def is_required(self, name: str) -> bool:
        return name in self._required

    # ---- errors ---------------------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        """Show the first error, focus its field with its text selected, mark every wrong field."""
        self.clear_errors()
        if not errors:
            return
        for e in errors:
            if e.field in self._fields and e.field not in self._invalid:
                self._invalid[e.field] = error_message(e)
                self._mark(e.field, True)
        text = f"{WARNING_SIGN} {error_message(errors[0])}"
        others = len(self._invalid) - (1 if errors[0].field in self._invalid else 0)
        if others > 0:
            text += "\n" + self.tr("Other fields to correct: {count} (marked with ⚠).").format(
                count=others)
        self.error_label.setText(text)
        self.error_label.show()
        self._field_errors_shown = True
        target = next((e for e in errors if e.field in self._fields), None)
        if target is not None:
            self.focus_field(target.field, past=target.limit if target.code == "too_long" else None)

    def focus_field(self, name: str, past: int | None = None) -> None:
        """Focus a field with its text selected; with ``past`` (a too-long field's
        limit in characters) only the part past the limit, so the next key press
        never replaces what fits."""
        w = self._fields[name]
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        text = self._content_text() if w is self.content else \
            w.text() if isinstance(w, QLineEdit) else None
        if text is None:
            return
        if past is None or len(text) <= past:
            w.selectAll()
            return
        # Qt counts UTF-16 units: a character outside the BMP (an emoji, a CJK
        # Extension B character) is two
        start, end = _utf16_len(text[:past]), _utf16_len(text)
        if isinstance(w, QLineEdit):
            w.setSelection(start, end - start)
            return
        cursor = w.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        w.setTextCursor(cursor)
        w.ensureCursorVisible()

    def clear_errors(self) -> None:
        for name in list(self._invalid):
            del self._invalid[name]
            self._mark(name, False)
        self.error_label.clear()
        self.error_label.hide()
        self._field_errors_shown = False

    def error_text(self) -> str:
        return self.error_label.text()

    def show_message(self, text: str) -> None:
        """A problem not tied to one field (e.g. the database refused the save)."""
        self.error_label.setText("⚠ " + text)
        self.error_label.show()
        self._field_errors_shown = False

    # ---- filling --------------------------------------------------------------------------

    def clear(self) -> None:
        """Empty every field for the next call."""
        self.clear_errors()
        for w in (self.caller_name, self.caller_phone, self.account_no, self.meter_no, self.address):
            w.clear()
        self.content.clear()
        for combo in (self.category, self.area_type, self.priority, self.department):
            if combo is not None:
                combo.setCurrentIndex(0)
        if self.deadline_days is not None:
            self.deadline_days.reset()
            self._suggest_deadline()

    @staticmethod
    def _fill(w: QLineEdit, value: str) -> None:
        if value and not w.text():
            w.setText(value)

    def prefill_from_pop(self, pop: ScreenPop) -> None:
        """Fill what the screen pop knows, only into fields that are still empty."""
        if len(pop.customers) == 1:
            c = pop.customers[0]
            acct = c.accounts[0] if c.accounts else None
            self._fill(self.caller_name, c.name)
            self._fill(self.caller_phone, pop.caller_number or c.phone)
            if acct is not None:
                self._fill(self.account_no, acct.account_no)
                self._fill(self.meter_no, acct.meter_no)
            self._fill(self.address, (acct.address if acct else "") or c.address)
            if self.area_type.currentIndex() <= 0 and c.area_type:
                i = self.area_type.findData(c.area_type)
                if i > 0:
                    self.area_type.setCurrentIndex(i)
        else:  # unknown caller, or several customers share the number: only the number is sure
            self._fill(self.caller_phone, pop.caller_number)

    def set_caller_phone(self, number: str) -> None:
        self.caller_phone.setText(number)

    def focus_first(self) -> None:
        self.category.setFocus(Qt.FocusReason.OtherFocusReason)
