"""Imports and exports started from the main window, run in the background.

``ImportExportMixin`` gives ``MainWindow`` its import dialogs (files, folder,
web address), the export dialog, and the background jobs behind them
(``reader.gui.workers``): progress and a cancel button in the status bar,
the list refreshed as articles arrive. Files dropped on the window come here
too (``start_import``). The summary of a finished import is
``MainWindow._on_import_done``: its plural forms must sit in the window's own
``tr`` calls for pyside6-lupdate to see them.

Texts use the literal context ``MainWindow`` so pyside6-lupdate files them
where the window's other strings are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QProgressBar, QPushButton

from reader.gui import workers
from reader.gui.dialogs import ExportDialog
from reader.gui.workers import Task
from reader.store.library import Library
from reader.text.bidi import isolate

if TYPE_CHECKING:
    _WindowBase = QMainWindow
else:
    _WindowBase = object


class ImportExportMixin(_WindowBase):
    """Import and export commands of ``MainWindow`` (listed first among its bases).

    ``tasks`` are the background jobs still running; a finished one is
    released and dropped from the list.
    """

    # Set up by MainWindow.__init__.
    library: Library
    tasks: list[Task]
    notify: Callable[[str, str], None]
    progress: QProgressBar
    cancel_button: QPushButton
    _refresh_timer: QTimer
    _data_version: int

    if TYPE_CHECKING:
        def refresh_list(self) -> None: ...
        def current_article_id(self) -> int | None: ...
        def _on_import_done(self, report: object) -> None: ...

    def import_files_dialog(self) -> None:
        from reader.importers import SUPPORTED_EXTENSIONS

        translate = QCoreApplication.translate  # literal contexts: lupdate reads these
        patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
        files, _ = QFileDialog.getOpenFileNames(
            self, translate("MainWindow", "Import files"), "",
            translate("MainWindow", "Articles ({patterns})").format(patterns=patterns))
        if files:
            self.start_import(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("MainWindow", "Import folder"))
        if folder:
            self.start_import([folder])

    def import_url_dialog(self) -> None:
        translate = QCoreApplication.translate
        url, ok = QInputDialog.getText(self, translate("MainWindow", "Import web address"),
                                       translate("MainWindow", "Address of a page or feed:"))
        if ok and url.strip():
            self.start_import_url(url.strip())

    def start_import(self, paths: Sequence[str | Path]) -> Task:
        """Import files and folders in the background; the list fills as they arrive."""
        library, chosen = self.library, list(paths)
        description = QCoreApplication.translate("MainWindow", "Importing")
        return self._start(Task(lambda ctx: workers.import_paths(library, chosen, ctx), self,
                                description=description), self._on_import_done)

    def start_import_url(self, url: str) -> Task:
        library = self.library
        description = QCoreApplication.translate("MainWindow", "Fetching")
        return self._start(Task(lambda ctx: workers.import_url(library, url, ctx), self,
                                description=description), self._on_import_done)

    def export_dialog(self) -> None:
        dialog = ExportDialog(self.library, current_id=self.current_article_id(), parent=self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            request = dialog.request()
            if request is not None:
                self.start_export(request)

    def start_export(self, request: workers.ExportRequest) -> Task:
        library = self.library
        description = QCoreApplication.translate("MainWindow", "Exporting")
        return self._start(Task(lambda ctx: workers.export(library, request, ctx), self,
                                description=description), self._on_export_done)

    def _start(self, task: Task, on_success: Callable[[object], None]) -> Task:
        task.progressed.connect(self._on_progress)
        task.partial_result.connect(self._on_partial)
        task.succeeded.connect(on_success)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        self.tasks.append(task)
        self.progress.setRange(0, 0)
        self.progress.setFormat(task.description + " %v/%m")
        self.progress.show()
        self.cancel_button.show()
        task.start()
        return task

    def cancel_tasks(self) -> None:
        for task in self.tasks:
            task.cancel()

    def wait_for_tasks(self, timeout: float = 30.0) -> bool:
        """Block until every background job returned (shutdown, tests)."""
        return all(task.wait(timeout) for task in list(self.tasks))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def _on_partial(self, _value: object) -> None:
        self._refresh_timer.start()

    def _on_export_done(self, written: object) -> None:
        translate = QCoreApplication.translate
        paths = list(written) if isinstance(written, list) else []
        if paths:
            self.statusBar().showMessage(
                translate("MainWindow", "Exported to {path}").format(
                    path=isolate(str(paths[0]))), 8000)
        else:
            self.statusBar().showMessage(translate("MainWindow", "Export cancelled"), 5000)

    def _on_task_failed(self, line: str) -> None:
        self.notify(QCoreApplication.translate("MainWindow", "rtl-reader"), line)

    def _on_task_finished(self) -> None:
        for task in self.tasks:
            if task.is_done():
                task.deleteLater()
        self.tasks = [t for t in self.tasks if not t.is_done()]
        if not self.tasks:
            self.progress.hide()
            self.cancel_button.hide()
