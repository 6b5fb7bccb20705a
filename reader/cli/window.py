"""The commands that open or render a window: ``open`` (and no command at
all), ``screenshot``. Qt is imported only here, inside the commands.

``rtl-reader open FILE`` (and ``rtl-reader FILE``, and ``open file:///...``
as the desktop's "Open with" runs it) imports the file and opens its first
article: a file imported before is found, not stored twice. When the app
already runs on the store, the file goes to that window, which imports it;
a file of a kind no importer takes is refused here first (the one line,
status 1), and the window told as for an unknown ID below.

``rtl-reader open ID`` (or ``rtl-reader://article/ID?at=N``) first asks the
store, read-only, whether it holds that article: an unknown ID is exit
status 1 and the one line every command prints (DESIGN decision 8), whether
a window runs on the store or not; a running window is told too, and says
so (a link clicked on the desktop has no terminal). The .desktop file runs
``open --from-desktop``: then, with no window running, one opens and says
so. A request handed to a running window needs no display
(``reader.gui.app.run``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.cli.inputs import article_id, is_file
from reader.errors import ReaderError


def cmd_open(args: argparse.Namespace, store: str | None) -> int:
    from reader.links import parse_article_link

    target = args.target
    if target is None:
        return open_gui(store)
    if target.lower().startswith("file:"):
        path = local_path(target)
        return open_file(store, path, str(path), args.at, from_desktop=args.from_desktop)
    if target.lower().startswith("rtl-reader:"):
        ident, at = parse_article_link(target)
    elif is_file(target):
        return open_file(store, Path(target).resolve(), target, args.at,
                         from_desktop=args.from_desktop)
    else:
        ident, at = article_id(target), None
    if args.at is not None:
        at = args.at
    try:
        check_article(store, ident)
    except ReaderError:
        # A window running on the store says so too: a link clicked on the
        # desktop has no terminal to print the line to. With none running,
        # the desktop's click opens one that says so (the line is printed
        # when it closes, for the journal).
        if not tell_running_window(store, ident, at) and args.from_desktop:
            open_gui(store, ident, at)
        raise
    return open_gui(store, ident, at)


def open_file(store: str | None, path: Path, name: str, at: int | None, *,
              from_desktop: bool) -> int:
    """Import the file at ``path`` (``name`` as the user gave it) and show it,
    as ``open_gui``; a file no importer takes is refused here first, with
    the one line and status 1, as an unknown id is (a window running on the
    store would only have shown a dialog, and this command exited 0)."""
    from reader.importers import check_file

    try:
        check_file(name)
    except ReaderError:
        # As for an unknown id: the running window says so too, and a file
        # opened with the desktop's "Open with" (no terminal) opens one that
        # does.
        if not tell_running_window(store, None, at, file=path) and from_desktop:
            open_gui(store, at=at, file=path)
        raise
    return open_gui(store, at=at, file=path)


def tell_running_window(store: str | None, ident: int | None, at: int | None, *,
                        file: Path | None = None) -> bool:
    """Hand ``ident`` (or the file at ``file``) to a window running on the
    store, if one is (it reports an unknown id in its status bar, a file it
    cannot import in a dialog); False when none is."""
    from reader.gui.app import instance_name, send_to_running
    from reader.store import resolve_store_path

    return send_to_running(instance_name(Path(resolve_store_path(store))), ident, at,
                           file=file)


def check_article(store: str | None, ident: int) -> None:
    """Raise NotFound when the store holds no article ``ident`` (no store at
    all holds none). Asked read-only through the store's API, so a window
    running on the store is never disturbed; a store that cannot be read
    here (one to upgrade, a damaged one) is left to the window, whose dialog
    offers a way out."""
    from reader.errors import StoreError
    from reader.store import Library, resolve_store_path
    from reader.store.article import not_found

    path = resolve_store_path(store)
    if not path.exists():
        raise not_found(ident)
    try:
        lib = Library.open(path, create=False, read_only=True)
    except StoreError:
        return
    try:
        known = lib.ids([ident])
    finally:
        lib.close()
    if not known:
        raise not_found(ident)


def local_path(uri: str) -> Path:
    """The file a ``file://`` address names (on this machine), which must exist."""
    parts = urlsplit(uri)
    if parts.netloc not in ("", "localhost"):
        raise ReaderError(uri, "a file on another machine cannot be opened")
    path = Path(unquote(parts.path))
    if not is_file(str(path)):
        raise ReaderError(uri, "no such file")
    return path.resolve()


def open_gui(store: str | None, ident: int | None = None, at: int | None = None, *,
             file: Path | None = None) -> int:
    """Show ``ident`` (or import and show ``file``) in the window running on
    the store, or in a new one; ``run`` says why not when there is no display."""
    from reader.gui.app import run
    from reader.store import resolve_store_path

    return run(resolve_store_path(store), open_id=ident, at=at, open_file=file)


def cmd_screenshot(args: argparse.Namespace, store: str | None) -> int:
    from reader.cli.terminal import say
    from reader.store import resolve_store_path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.gui.screenshot import take_screenshot

    open_id = article_id(args.open_id) if args.open_id else None
    take_screenshot(resolve_store_path(store), Path(args.output), open_id=open_id,
                    find=args.find, size=args.size, theme=args.theme, lang=args.lang)
    say(args.output)
    return 0
