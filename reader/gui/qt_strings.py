"""Strings of Qt's own dialogs that Qt's Arabic catalogue lacks.

In the Arabic window the file dialog (Import files, Export, Follow feeds)
kept "Look in:", "Files of type:" and the type "Folder" in English: Qt's
``qtbase_ar`` has no entry for them as Qt 6 writes them. Qt asks every
installed catalogue in turn, so ours answers where Qt's has nothing. They
are written here for ``pyside6-lupdate`` to find, as Qt's code asks for
them (context, text, disambiguation); nothing reads ``QT_STRINGS``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

QT_STRINGS = (
    QCoreApplication.translate("QFileDialog", "&Look in:"),
    QCoreApplication.translate("QFileDialog", "Files of &type:"),
    QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
)
