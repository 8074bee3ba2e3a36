"""The ticket form as it stood at the playhead (read-only), numbers masked by policy."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from callcenter.domain.privacy.masking import mask_account
from callcenter.domain.site_profile import TICKET_FIELDS, Named, SiteProfile
from callcenter.services.privacy.policy import NumberPolicy, Surface
from callcenter.ui.tickets.field_messages import field_label

FIELDS = (*TICKET_FIELDS, "department", "deadline_days")
CHANGED_COLOUR = QColor("#fff3bf")  # the field the last edit changed


class ReplayForm(QWidget):
    def __init__(self, profile: SiteProfile, policy: NumberPolicy, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayForm")
        self.profile, self.policy, self.lang = profile, policy, lang
        self._codes: dict[str, dict[str, str]] = {
            "category": self._names(profile.categories),
            "area_type": self._names(profile.area_types),
            "priority": self._names(profile.priorities),
            "department": self._names(profile.departments),
            "subtype": {s.code: s.label(lang) for c in profile.categories
                        for s in c.subtypes},
        }
        lay = QFormLayout(self)
        self.widgets: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in FIELDS:
            w: QLineEdit | QPlainTextEdit
            if name == "content":
                w = QPlainTextEdit(self)
                w.setMaximumHeight(90)
            else:
                w = QLineEdit(self)
            w.setReadOnly(True)
            w.setObjectName(f"replay_{name}")
            w.setAccessibleName(field_label(name))
            self.widgets[name] = w
            lay.addRow(QLabel(field_label(name), self), w)
        # the highlight is a palette (its Base), not a style sheet: a style sheet re-polishes
        # the widget and paints it through the style-sheet style, a cost on every seek
        self._palettes = {name: (w.palette(), self._marked(w.palette()))
                          for name, w in self.widgets.items()}
        self.values: dict[str, str] = {}  # what is shown, masked
        self.highlighted: str | None = None
        self.revealed = False  # "show full number" was recorded for this call's ticket

    @staticmethod
    def _marked(palette: QPalette) -> QPalette:
        marked = QPalette(palette)
        marked.setColor(QPalette.ColorRole.Base, CHANGED_COLOUR)
        return marked

    def is_highlighted(self, name: str) -> bool:
        return self.widgets[name].palette().color(QPalette.ColorRole.Base) == CHANGED_COLOUR

    def _names(self, items: tuple[Named, ...]) -> dict[str, str]:
        return {i.code: i.label(self.lang) for i in items}

    def display(self, name: str, value: str) -> str:
        r = self.revealed
        if name == "caller_phone":
            return self.policy.phone(value, Surface.TICKETS, revealed=r)
        if name in ("content", "address", "caller_name"):
            return self.policy.text(value, Surface.TICKETS, revealed=r)
        if name == "account_no" and value and not r and not self.policy.full(Surface.TICKETS):
            return mask_account(value)
        return self._codes.get(name, {}).get(value, value)

    def show_state(self, state: Mapping[str, str], changed: str | None = None) -> None:
        """The fields at the playhead; ``changed``: the last edited, highlighted."""
        for name, w in self.widgets.items():
            text = self.display(name, state.get(name, ""))
            if self.values.get(name) != text:
                if isinstance(w, QPlainTextEdit):
                    w.setPlainText(text)
                else:
                    w.setText(text)
                self.values[name] = text
        if changed != self.highlighted:  # only the two that change
            if self.highlighted in self.widgets:
                self.widgets[self.highlighted].setPalette(self._palettes[self.highlighted][0])
            if changed in self.widgets:
                self.widgets[changed].setPalette(self._palettes[changed][1])
            self.highlighted = changed
