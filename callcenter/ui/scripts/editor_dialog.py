"""The shift lead's script editor: pick a script, edit it in a form (title, where
it is offered, keywords, lines with placeholders) or as TOML, see a preview with
sample values (blanks show what a call would not fill), the problems with their
lines in the lead's language, and the version history; save a draft or publish.
The TOML text is the storage; the form writes into it. 关闭 with unsaved edits asks.

Publishing runs the same check as ``callcenter scripts check``; agents get the
new version from their next call on.
"""

from __future__ import annotations

import html
import tomllib

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.scripts.toml_edit import set_key
from callcenter.services.scripts.admin import (
    NEW_SCRIPT_TEMPLATE,
    ScriptAdmin,
    ScriptRefused,
    ScriptVersionInfo,
)
from callcenter.ui.scripts.problem_text import problem_text
from callcenter.ui.scripts.script_form import ScriptForm
from callcenter.ui.shared.refusals import permission_message


class ScriptEditorDialog(QDialog):
    def __init__(self, admin: ScriptAdmin, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditorDialog")
        self.setWindowTitle(self.tr("Edit scripts"))
        self.resize(1100, 700)
        self._admin = admin
        self._author = author
        self._script_id: str | None = None
        self._clean = ""  # the text as opened or last saved: anything else is an unsaved edit
        self.discard_box: QMessageBox | None = None
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QListWidget(split)
        self.list.setObjectName("scriptEditorList")
        self.list.setAccessibleName("话术目录")
        mid = QWidget(split)
        mid_lay = QVBoxLayout(mid)
        mid_lay.setContentsMargins(0, 0, 0, 0)
        self.version = QLabel(mid)
        self.version.setObjectName("scriptEditorVersion")
        mid_lay.addWidget(self.version)
        self.tabs = QTabWidget(mid)
        self.tabs.setObjectName("scriptEditorTabs")
        self.tabs.setAccessibleName("编辑方式")
        self.form = ScriptForm(self.tabs)
        self.form.edited.connect(self._form_edited)
        self.tabs.addTab(self.form, self.tr("Form"))
        self.source = QPlainTextEdit(self.tabs)
        self.source.setObjectName("scriptEditorSource")
        self.source.setAccessibleName("话术TOML")
        self.source.setTabChangesFocus(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.source.setFont(mono)
        self.tabs.addTab(self.source, self.tr("TOML (advanced)"))
        mid_lay.addWidget(self.tabs, 3)
        self.problems = QPlainTextEdit(mid)
        self.problems.setObjectName("scriptEditorProblems")
        self.problems.setAccessibleName("校验问题")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(110)
        mid_lay.addWidget(self.problems)
        right = QWidget(split)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(QLabel(self.tr("Preview with sample values"), right))
        self.preview = QTextBrowser(right)
        self.preview.setObjectName("scriptEditorPreview")
        self.preview.setAccessibleName("预览")
        right_lay.addWidget(self.preview, 2)
        right_lay.addWidget(QLabel(self.tr("Versions"), right))
        self.history = QListWidget(right)
        self.history.setObjectName("scriptEditorHistory")
        self.history.setAccessibleName("版本记录")
        right_lay.addWidget(self.history, 1)
        split.setSizes([220, 520, 360])
        lay.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("New script"), self)
        self.new_btn.setObjectName("scriptEditorNew")
        self.new_btn.setAccessibleName("新建话术")
        self.draft_btn = QPushButton(self.tr("Save draft"), self)
        self.draft_btn.setObjectName("scriptEditorDraft")
        self.draft_btn.setAccessibleName("保存草稿")
        self.draft_btn.setToolTip("Ctrl+S")
        save = QAction(self)  # not setShortcut on the button: that clicks ~100 ms later
        save.setObjectName("scriptEditorDraftShortcut")
        save.setShortcut(QKeySequence("Ctrl+S"))
        save.triggered.connect(self.save_draft)
        self.addAction(save)
        self.publish_btn = QPushButton(self.tr("Publish"), self)
        self.publish_btn.setObjectName("scriptEditorPublish")
        self.publish_btn.setAccessibleName("发布")
        self.close_btn = QPushButton(self.tr("Close"), self)
        self.close_btn.setObjectName("scriptEditorClose")
        self.close_btn.setAccessibleName("关闭")
        self.status = QLabel(self)
        self.status.setObjectName("scriptEditorStatus")
        buttons.addWidget(self.status, 1)
        for b in (self.new_btn, self.draft_btn, self.publish_btn, self.close_btn):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        lay.addLayout(buttons)

        self._fill_list()
        self.list.currentItemChanged.connect(self._pick)
        self.new_btn.clicked.connect(self.new_script)
        self.source.textChanged.connect(self._recheck)
        self.draft_btn.clicked.connect(self.save_draft)
        self.publish_btn.clicked.connect(self.publish)
        self.close_btn.clicked.connect(self.reject)
        if self.list.count():
            self.list.setCurrentRow(0)

    # ----- showing ---------------------------------------------------------
    def _fill_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for s in self._admin.summaries():
            item = QListWidgetItem(f"{s.title}  [{s.script_id}]")
            item.setData(Qt.ItemDataRole.UserRole, s.script_id)
            self.list.addItem(item)
            if s.script_id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def new_script(self) -> None:
        """Start from the template; the id in the text becomes the script's id."""
        if self.has_unsaved_edits():
            self.status.setText(self.tr("Save a draft first, or close to drop the changes."))
            return
        self._script_id = None
        self.list.clearSelection()
        self.history.clear()
        self.version.setText("<b>" + html.escape(self.tr("New script (not published yet)")) + "</b>")
        self.source.setPlainText(NEW_SCRIPT_TEMPLATE)
        self._clean = NEW_SCRIPT_TEMPLATE
        self.tabs.setCurrentWidget(self.form)
        self.form.title.setFocus()
        self.status.clear()

    def _pick(self, item: QListWidgetItem | None, previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        if self.has_unsaved_edits():  # another script would replace the edits: stay
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            self.status.setText(self.tr("Save a draft first, or close to drop the changes."))
            return
        self.open_script(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_script(self, script_id: str) -> None:
        self._script_id = script_id
        versions = self._admin.versions(script_id)
        self.source.setPlainText(versions[0].source if versions else "")
        self._clean = self.source.toPlainText()
        self._show_versions(versions)
        self.status.clear()

    def _version_text(self, v: ScriptVersionInfo) -> str:
        if v.number == 0:
            return self.tr("Version 0 (shipped with the app)")
        state = self.tr("published") if v.state == "published" else self.tr("draft")
        at = v.at.astimezone().strftime("%Y-%m-%d %H:%M") if v.at else ""
        return (self.tr("Version %1 (%2), changed by %3 at %4")
                .replace("%1", str(v.number)).replace("%2", state).replace("%3", v.author)
                .replace("%4", at))

    def _show_versions(self, versions: list[ScriptVersionInfo]) -> None:
        self.history.clear()
        for v in versions:
            self.history.addItem(self._version_text(v))
        self.version.setText("<b>" + html.escape(self._version_text(versions[0])) + "</b>"
                             if versions else "")

    def _recheck(self) -> None:
        text = self.source.toPlainText()
        preview = self._admin.preview(text)
        problems = self._admin.check(text, f"{self._script_id or 'new'}.toml", self._script_id)
        self.problems.setPlainText("\n".join(problem_text(p) for p in problems)
                                   or self.tr("No problems: ready to publish."))
        try:
            self.form.load(tomllib.loads(text))
            self.form.setEnabled(True)
        except tomllib.TOMLDecodeError:  # fix it on the TOML tab; the form shows the last good values
            self.form.setEnabled(False)
        self.problems.setStyleSheet("color:#c62828;" if problems else "color:#166534;")
        self.preview.setHtml("<br/>".join(html.escape(line).replace("\n", "<br/>")
                                          for line in preview.lines))
        self.publish_btn.setEnabled(not problems)

    # ----- writing ---------------------------------------------------------
    def save_draft(self) -> None:
        script_id = self._script_id or self._admin.script_id_of(self.source.toPlainText())
        if script_id is None:
            self.status.setText(self.tr("Not saved: the script needs a valid id first."))
            return
        try:
            info = self._admin.save_draft(script_id, self.source.toPlainText(), self._author)
        except PermissionDenied as exc:  # signed out meanwhile: what was typed stays
            self.status.setText(permission_message(exc))
            return
        self._clean = self.source.toPlainText()
        self._show_versions(self._admin.versions(script_id))
        self.status.setText(self.tr("Draft saved as version %1.").replace("%1", str(info.number)))

    def publish(self) -> None:
        text = self.source.toPlainText()
        try:
            if self._script_id is None:
                info = self._admin.publish_new(text, self._author)
                self._script_id = info.script_id
                self._fill_list(select=info.script_id)
            else:
                info = self._admin.publish(self._script_id, text, self._author)
        except ScriptRefused as exc:
            self.problems.setPlainText("\n".join(problem_text(p) for p in exc.problems))
            self.status.setText(self.tr("Not published: fix the problems first."))
            return
        except PermissionDenied as exc:
            self.status.setText(permission_message(exc))
            return
        self._clean = text
        self._show_versions(self._admin.versions(info.script_id))
        self.status.setText(self.tr("Version %1 published: agents see it from their next call.")
                            .replace("%1", str(info.number)))

    # ----- the form and closing ---------------------------------------------
    def _form_edited(self, key: str, value: object) -> None:
        """Write the form's change into the TOML text (the storage)."""
        if isinstance(value, (str, list)):
            self.source.setPlainText(set_key(self.source.toPlainText(), key, value))

    def has_unsaved_edits(self) -> bool:
        return self.source.toPlainText() != self._clean

    def reject(self) -> None:
        """关闭 (or Esc): with unsaved edits, ask before they are dropped."""
        if not self.has_unsaved_edits():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("This script has changes that are not saved. Close and drop them?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("scriptEditorDiscardBox")
        drop = box.addButton(self.tr("Drop changes and close"), QMessageBox.ButtonRole.DestructiveRole)
        drop.setObjectName("scriptEditorDiscard")
        drop.setAccessibleName("放弃修改并关闭")
        back = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("scriptEditorKeep")
        back.setAccessibleName("继续编辑")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        drop.clicked.connect(self._drop_and_close)
        box.finished.connect(box.deleteLater)
        self.discard_box = box
        box.open()

    def _drop_and_close(self) -> None:
        self._clean = self.source.toPlainText()
        super().reject()
