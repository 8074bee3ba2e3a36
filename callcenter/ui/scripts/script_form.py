"""The lead's form for one script (issue 17): title, when it is offered (phase,
categories, keywords) and its lines with placeholders inserted from a list. The
TOML text stays the storage: the editor writes each change back into it
(``domain/scripts/toml_edit.set_key``) and fills the form from it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from callcenter.domain.scripts.model import PHASES
from callcenter.domain.scripts.placeholders import KNOWN_PLACEHOLDERS

translate = QCoreApplication.translate  # lupdate reads translate("context", "literal")


def phase_label(phase: str) -> str:
    return {
        "answer": translate("ScriptForm", "On answering"),
        "hold": translate("ScriptForm", "Hold"),
        "resume": translate("ScriptForm", "Back from hold"),
        "cannot_answer": translate("ScriptForm", "Cannot answer at once"),
        "transfer": translate("ScriptForm", "Passing to a department"),
        "complaint": translate("ScriptForm", "Complaint"),
        "triage": translate("ScriptForm", "Fault triage"),
        "closing": translate("ScriptForm", "Closing"),
        "outbound": translate("ScriptForm", "Outbound call"),
        "any": translate("ScriptForm", "Any time (found by search)"),
    }.get(phase, phase)


def placeholder_label(name: str) -> str:
    return {
        "agent_id": translate("ScriptForm", "agent ID"),
        "unit": translate("ScriptForm", "unit name"),
        "customer_name": translate("ScriptForm", "customer's name"),
        "caller_number": translate("ScriptForm", "calling number"),
        "account_no": translate("ScriptForm", "account number"),
        "address": translate("ScriptForm", "address"),
        "deadline": translate("ScriptForm", "reply deadline"),
        "department": translate("ScriptForm", "department"),
        "ticket_number": translate("ScriptForm", "ticket number"),
        "callback_reason": translate("ScriptForm", "callback reason"),
        "outage_cause": translate("ScriptForm", "outage cause"),
        "outage_restore_time": translate("ScriptForm", "expected restore time"),
        "outage_area": translate("ScriptForm", "outage area"),
    }.get(name, name)


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()]


class ScriptForm(QWidget):
    """``edited(key, value)`` for each change the lead makes (not for ``load``)."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptForm")
        self._loading = False
        form = QFormLayout(self)
        self.title = self._named(QLineEdit(self), "scriptFormTitle", "话术标题")
        self.phase = self._named(QComboBox(self), "scriptFormPhase", "使用环节")
        for p in sorted(PHASES):
            self.phase.addItem(phase_label(p), p)
        self.categories = self._named(QLineEdit(self), "scriptFormCategories", "适用业务类型")
        self.categories.setPlaceholderText(translate("ScriptForm", "category codes, e.g. fault_repair"))
        self.keywords = self._named(QLineEdit(self), "scriptFormKeywords", "检索关键词")
        self.keywords.setPlaceholderText(translate("ScriptForm", "words agents search by, separated by ，"))
        self.text = self._named(QPlainTextEdit(self), "scriptFormText", "话术内容")
        self.text.setTabChangesFocus(True)
        self.placeholder = self._named(QComboBox(self), "scriptFormPlaceholder", "占位符")
        for name in KNOWN_PLACEHOLDERS:
            self.placeholder.addItem(f"{placeholder_label(name)} {{{name}}}", name)
        self.insert_btn = self._named(QPushButton(translate("ScriptForm", "Insert"), self),
                                      "scriptFormInsert", "插入占位符")
        self.insert_btn.setAutoDefault(False)
        self.insert_btn.clicked.connect(self.insert_placeholder)
        row = QHBoxLayout()
        row.addWidget(self.placeholder, 1)
        row.addWidget(self.insert_btn)
        form.addRow(translate("ScriptForm", "Title"), self.title)
        form.addRow(translate("ScriptForm", "Offered at"), self.phase)
        form.addRow(translate("ScriptForm", "For categories"), self.categories)
        form.addRow(translate("ScriptForm", "Keywords"), self.keywords)
        form.addRow(translate("ScriptForm", "Lines"), self.text)
        form.addRow(translate("ScriptForm", "Placeholder"), row)
        self.title.textEdited.connect(lambda t: self._emit("title", t))
        self.phase.activated.connect(lambda _i: self._emit("phase", self.phase.currentData()))
        self.categories.textEdited.connect(lambda t: self._emit("categories", _words(t)))
        self.keywords.textEdited.connect(lambda t: self._emit("keywords", _words(t)))
        self.text.textChanged.connect(lambda: self._emit("text", self.text.toPlainText()))

    @staticmethod
    def _named(w: Any, name: str, a11y: str) -> Any:
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        return w

    def _emit(self, key: str, value: object) -> None:
        if not self._loading:
            self.edited.emit(key, value)

    def load(self, data: Mapping[str, Any]) -> None:
        """Show the script's values (from its parsed TOML) without emitting."""
        self._loading = True
        try:
            for edit, key in ((self.title, "title"),):
                if edit.text() != str(data.get(key, "")):
                    edit.setText(str(data.get(key, "")))
            i = self.phase.findData(str(data.get("phase", "")))
            self.phase.setCurrentIndex(max(i, 0))
            for edit, key in ((self.categories, "categories"), (self.keywords, "keywords")):
                raw = data.get(key, [])
                words = [str(w) for w in raw] if isinstance(raw, list) else [str(raw)]
                if _words(edit.text()) != words:
                    edit.setText("，".join(words))
            text = data.get("text", "")
            if isinstance(text, str) and self.text.toPlainText() != text:
                self.text.setPlainText(text)
        finally:
            self._loading = False

    def insert_placeholder(self) -> None:
        """``{name}`` at the cursor in the lines."""
        name = self.placeholder.currentData()
        self.text.insertPlainText("{" + str(name) + "}")
        self.text.setFocus()
