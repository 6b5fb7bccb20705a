"""The ``rtl-reader`` command (DESIGN decision 8).

``rtl-reader [--store PATH] COMMAND ...``; ``--store`` is also accepted after the
command. No command opens the GUI; ``rtl-reader FILE`` is ``rtl-reader open
FILE`` (``parser.implicit_open``). Only ``import``, ``feeds add``, ``feeds
import-opml`` and the app (``open``) start a store where there is none
(``inputs.library``). An argument that names an existing file is a FILE (decoded, BOM
removed, newlines kept; offsets point into that text), ``-`` is standard
input, anything else an article ID; ``-o -`` writes an export to standard
output. Exit status: 0 success (no hits included), 1 when something
failed, 2 for bad usage. Errors are one line on stderr:
``rtl-reader: <input>: <cause>``.

The package, by what each part does:

- ``parser``: the arguments, their help and the checks on their values;
- ``terminal``: safe printing (nothing printed can command the terminal),
  JSON output, the progress bar;
- ``inputs``: what an argument names (ID, FILE, ``-``) and the store;
- ``importing``: ``import``;
- ``commands``: ``list``, ``show``, ``delete``, ``find``, ``highlights``,
  ``search``, ``reindex``, ``export``;
- ``window``: ``open`` and ``screenshot``, the only ones that import Qt;
- ``completion``: ``completion bash|zsh``;
- ``feeds``: ``feeds add|list|remove|refresh|import-opml|export-opml``;
- ``install-desktop``/``uninstall-desktop`` call ``reader.desktop``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence

from reader.cli import commands, completion, feeds, importing, window
from reader.cli.inputs import backup_and_reset, way_out
from reader.cli.parser import UsageError, build_parser, implicit_open, usage_line
from reader.cli.terminal import PROG, discard_stdout, fail, guard_standard_streams, say
from reader.errors import OutputFailed, ReaderError
from reader.stop_signals import STOP_SIGNALS

__all__ = ["build_parser", "gui_main", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    guard_standard_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(implicit_open(sys.argv[1:] if argv is None else argv, parser))
    except SystemExit:  # --help, --version or a usage error, printed
        try:
            sys.stdout.flush()
        except OutputFailed as err:
            discard_stdout()
            fail(err.line())
            raise SystemExit(1) from None
        raise
    store = getattr(args, "store_after", None) or args.store
    if store == "" or getattr(args, "store_after", None) == "":
        after = hasattr(args, "store_after")  # given after the command: its own option
        command = " ".join(filter(None, (args.command, getattr(args, "feeds_command", None))))
        fail(usage_line(command if after else "", "--store: an empty path names no store"))
        return 2
    try:
        if args.backup_and_reset:
            backup_and_reset(store)
            if args.command is None:
                return 0
        if args.command is None:
            return window.open_gui(store)
        with _terminate_as_interrupt():
            code = COMMANDS[args.command](args, store)
        sys.stdout.flush()  # a failed write is reported here, not at exit
        return code
    except OutputFailed as err:
        discard_stdout()
        fail(err.line())
    except ReaderError as err:
        fail(err.line() + way_out(err))
    except UsageError as err:
        fail(usage_line(err.command, str(err)))
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A closed pager is not an error; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 1


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """``kill`` (SIGTERM) and a closed terminal (SIGHUP) stop a command as
    Ctrl+C does: an import ends after its batch, says what it stored and
    removes its uncompressed copies, where it died at once without a word."""
    before = {}
    with contextlib.suppress(ValueError):  # not the main thread: as the system has them
        for signum in STOP_SIGNALS:
            if signum != signal.SIGINT and signal.getsignal(signum) == signal.SIG_DFL:
                before[signum] = signal.signal(signum, signal.default_int_handler)
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def cmd_install_desktop(args: argparse.Namespace, store: str | None) -> int:
    from reader import desktop

    command = [args.exec_path] if args.exec_path else desktop.default_command()
    for path in desktop.install(command):
        say(str(path))
    print(f"the menu entry and rtl-reader:// links run: {desktop.command_text(command)}",
          file=sys.stderr)
    return 0


def cmd_uninstall_desktop(args: argparse.Namespace, store: str | None) -> int:
    from reader import desktop

    for path in desktop.uninstall():
        say(str(path))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, str | None], int]] = {
    "import": importing.cmd_import,
    "list": commands.cmd_list,
    "show": commands.cmd_show,
    "delete": commands.cmd_delete,
    "tag": commands.cmd_tag,
    "rename-tag": commands.cmd_rename_tag,
    "find": commands.cmd_find,
    "highlights": commands.cmd_highlights,
    "search": commands.cmd_search,
    "reindex": commands.cmd_reindex,
    "export": commands.cmd_export,
    "open": window.cmd_open,
    "screenshot": window.cmd_screenshot,
    "install-desktop": cmd_install_desktop,
    "uninstall-desktop": cmd_uninstall_desktop,
    "completion": completion.cmd_completion,
    "feeds": feeds.cmd_feeds,
}


def gui_main() -> int:
    """``rtl-reader-gui [FILE|URI|ID]``: ``rtl-reader open`` (the gui-scripts
    entry point: no console window on Windows)."""
    return main(["open", *sys.argv[1:]])
