"""What every export format shares: the selection, the context sentence, the
link back into the app, colour names, the Arabic words a reader's export
prints for the stored English keys, safe file names and atomic writes.

Pure Python, no Qt: the PDF and PNG renderers add QtGui on top of this.
Offsets are Python str indices (code points) into one field of an article,
end exclusive (DESIGN decision 2).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from reader.errors import ExportError, NotFound, OutputExists
from reader.store.article import Article, HighlightRecord
from reader.store.database import holds
from reader.text.spans import LONGEST_WORD, TEXT_FIELDS, in_word
from reader.text.values import describe_value

ExportItem = tuple[Article, list[HighlightRecord]]
"""One article with the highlights to export from it, in reading order."""

LINK_SCHEME = "rtl-reader"

KIND_ORDER: tuple[str, ...] = ("quote", "figure", "user")

# The first four are the reading view's user colours (reader/gui/themes.py,
# which this layer may not import): a GUI colour gets its own name as its tag.
COLOUR_NAMES: dict[str, str] = {
    "yellow": "#ffd54f",
    "green": "#81c784",
    "blue": "#64b5f6",
    "pink": "#f48fb1",
    "orange": "#ffb74d",
    "purple": "#ce93d8",
    "red": "#e57373",
    "grey": "#bdbdbd",
}
"""Names for the tag of a user highlight's colour: the nearest of these."""

AUTOMATIC_COLOURS: dict[str, str] = {
    "quotation": "#cfe3ff",
    "term": "#e4d7fb",
    "figure": "#c8f0cf",
}
"""Backgrounds of automatic highlights, as the reading view's light theme."""

DEFAULT_USER_COLOUR = COLOUR_NAMES["yellow"]

_HEX_COLOUR = re.compile(r"#?([0-9a-fA-F]{6})")


class Cancelled(Exception):
    """Raised inside a writer when the caller asked to stop; never escapes
    ``export_items``."""


class _LibraryLike(Protocol):
    def highlighted_ids(self, kinds: Iterable[str] | None = None) -> list[int]: ...
    def get(self, article_id: int) -> Article: ...
    def highlights(self, article_id: int, *, kind: str | None = None,
                   subtype: str | None = None) -> list[HighlightRecord]: ...


# --- selection -------------------------------------------------------------

def normalise_colour(colour: str) -> str:
    """``#rrggbb`` in lower case for a hex colour (with or without ``#``);
    "" for anything else (so a colour never reaches CSS unchecked)."""
    m = _HEX_COLOUR.fullmatch(colour.strip())
    return f"#{m.group(1).lower()}" if m else ""


def colour_name(colour: str) -> str:
    """The nearest name in ``COLOUR_NAMES`` to a ``#rrggbb`` colour; "" when
    ``colour`` is not a hex colour."""
    hex_colour = normalise_colour(colour)
    if not hex_colour:
        return ""
    rgb = _rgb(hex_colour)

    def distance(name: str) -> int:
        other = _rgb(COLOUR_NAMES[name])
        return sum((a - b) ** 2 for a, b in zip(rgb, other, strict=True))

    return min(COLOUR_NAMES, key=distance)


def highlight_colour(h: HighlightRecord) -> str:
    """The ``#rrggbb`` background of ``h`` in an export: a user highlight's own
    colour (checked), else the reading view's colour for its kind/subtype."""
    if h.kind == "user":
        return normalise_colour(h.colour) or DEFAULT_USER_COLOUR
    if h.kind == "figure":
        return AUTOMATIC_COLOURS["figure"]
    return AUTOMATIC_COLOURS.get(h.subtype, AUTOMATIC_COLOURS["quotation"])


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def _colour_matches(colour: str, wanted: Iterable[str]) -> bool:
    own = normalise_colour(colour)
    if not own:
        return False
    for want in wanted:
        want = want.strip().lower()
        if want == own or normalise_colour(want) == own or want == colour_name(own):
            return True
    return False


def sort_key(h: HighlightRecord) -> tuple[int, int, int, int]:
    """Reading order: field order, then start, longer first, then kind."""
    field_index = TEXT_FIELDS.index(h.field) if h.field in TEXT_FIELDS else len(TEXT_FIELDS)
    kind_index = KIND_ORDER.index(h.kind) if h.kind in KIND_ORDER else len(KIND_ORDER)
    return (field_index, h.start, -h.end, kind_index)


NOTE_LABEL = "ملاحظة"
"""The label before a user highlight's note in the text exports."""

COLOUR_LABEL = "اللون"
"""The label before a user highlight's colour name in the text exports."""

SECTION_TITLES = {"quotation": "الاقتباسات", "term": "المصطلحات", "figure": "الأرقام",
                  "user": "تظليلات القارئ"}
"""The headings an export groups an article's highlights under, by their
``HighlightRecord.role``, in this order: terms apart from quotations, as the
window lists them (a tester found terms under "Quotations")."""

# The words a reader's exports (Markdown, HTML, PDF, PNG, plain text for
# devices) print for what the store keeps as English keys. JSON and CSV keep
# the keys: they are a data contract (reader/exporters/jsonfile.py).
KIND_WORDS: dict[str, str] = {"quote": "اقتباس", "figure": "رقم", "user": "تظليل"}
SUBTYPE_WORDS: dict[str, str] = {
    "quotation": "اقتباس",
    "term": "مصطلح",
    "digits": "رقم",
    "words": "عدد بالحروف",
    "percent": "نسبة مئوية",
    "money": "مبلغ مالي",
    "date": "تاريخ",
    "time": "وقت",
    "range": "نطاق",
    "count": "عدد",
    "score": "نتيجة مباراة",
}
COLOUR_WORDS: dict[str, str] = {
    "yellow": "أصفر",
    "green": "أخضر",
    "blue": "أزرق",
    "pink": "وردي",
    "orange": "برتقالي",
    "purple": "بنفسجي",
    "red": "أحمر",
    "grey": "رمادي",
}
CURRENCY_WORDS: dict[str, str] = {
    "USD": "دولار أمريكي", "CAD": "دولار كندي", "AUD": "دولار أسترالي", "EUR": "يورو",
    "GBP": "جنيه إسترليني", "EGP": "جنيه مصري", "SDG": "جنيه سوداني", "JPY": "ين ياباني",
    "CNY": "يوان صيني", "RUB": "روبل روسي", "INR": "روبية هندية", "ILS": "شيكل",
    "CHF": "فرنك سويسري", "KWD": "دينار كويتي", "JOD": "دينار أردني", "TND": "دينار تونسي",
    "IQD": "دينار عراقي", "LYD": "دينار ليبي", "BHD": "دينار بحريني", "DZD": "دينار جزائري",
    "MAD": "درهم مغربي", "AED": "درهم إماراتي", "SAR": "ريال سعودي", "QAR": "ريال قطري",
    "OMR": "ريال عماني", "YER": "ريال يمني", "LBP": "ليرة لبنانية", "SYP": "ليرة سورية",
    "TRY": "ليرة تركية", "MRU": "أوقية موريتانية",
}
"""ISO 4217 codes the figure engine gives a currency (reader/text/quantities.py);
a currency it does not know is kept as written, in Arabic already."""
CALENDAR_WORDS: dict[str, str] = {"hijri": "هـ"}
ZONE_WORDS: dict[str, str] = {"GMT": "بتوقيت غرينتش"}


def subtype_word(kind: str, subtype: str) -> str:
    """The Arabic name of a highlight's subtype (its kind's when it has none
    we name): what a reader's export prints, never the English key."""
    return SUBTYPE_WORDS.get(subtype) or KIND_WORDS.get(kind, "")


def colour_line(colour: str) -> str:
    """A user highlight's colour as the text exports print it: the label and
    the Arabic name of the nearest ``COLOUR_NAMES`` colour (اللون: أصفر);
    "" when ``colour`` is not a hex colour. A name, not a tag: "#أصفر" read
    as a hashtag, or as a hex code gone wrong."""
    word = COLOUR_WORDS.get(colour_name(colour), "")
    return f"{COLOUR_LABEL}: {word}" if word else ""


def value_words(value: object) -> str:
    """A figure's parsed value as a reader's export prints it:
    ``describe_value`` with the English of the store's keys in Arabic (a
    currency's name for its code, هـ for a Hijri year); a figure that is one
    end of a range as the range, ``10–20``, as ``describe_value`` writes it."""
    if not isinstance(value, dict):
        return describe_value(value)
    shown = dict(value)
    if isinstance(shown.get("currency"), str):
        shown["currency"] = CURRENCY_WORDS.get(shown["currency"], shown["currency"])
    after: list[str] = []
    for key, words in (("calendar", CALENDAR_WORDS), ("zone", ZONE_WORDS)):
        if isinstance(shown.get(key), str):
            after.append(words.get(shown[key], shown.pop(key)))
    return " ".join(x for x in (describe_value(shown), *after) if x)


def sections(highlights: Sequence[HighlightRecord]
             ) -> list[tuple[str | None, list[HighlightRecord]]]:
    """``highlights`` grouped as an export shows them: (heading, group) per
    role of ``SECTION_TITLES`` that has any, then (None, the rest: a kind
    of another version) if any; each group keeps the given order."""
    groups: list[tuple[str | None, list[HighlightRecord]]] = []
    known = {"quote", "figure", "user"}
    for role, title in SECTION_TITLES.items():
        group = [h for h in highlights if h.kind in known and h.role == role]
        if group:
            groups.append((title, group))
    others = [h for h in highlights if h.kind not in known]
    if others:
        groups.append((None, others))
    return groups


def filter_highlights(highlights: Iterable[HighlightRecord], *,
                      kinds: Iterable[str] | None = None,
                      subtypes: Iterable[str] | None = None,
                      colours: Iterable[str] | None = None) -> list[HighlightRecord]:
    """The highlights that pass every given filter, in reading order.

    ``kinds``/``subtypes`` match exactly; ``colours`` match a user highlight's
    colour as ``#rrggbb`` (``#`` optional, any case) or by its nearest name in
    ``COLOUR_NAMES`` (``yellow``), so a colour filter keeps only user
    highlights. None or empty means "no filter".
    """
    kind_set = set(kinds or ())
    subtype_set = set(subtypes or ())
    colour_list = list(colours or ())
    kept = [
        h for h in highlights
        if (not kind_set or h.kind in kind_set)
        and (not subtype_set or h.subtype in subtype_set)
        and (not colour_list or _colour_matches(h.colour, colour_list))
    ]
    kept.sort(key=sort_key)
    return kept


def select(library: _LibraryLike, ids: Sequence[int] | None, *,
           kinds: Iterable[str] | None = None,
           subtypes: Iterable[str] | None = None,
           colours: Iterable[str] | None = None,
           first: int | None = None) -> list[ExportItem]:
    """The articles and highlights to export: what the command exports and
    what the export dialog previews and exports, so the two cannot differ.

    ``ids`` None means the whole library (the articles
    ``library.highlighted_ids(kinds)`` names, ascending; an article another
    program deletes while this runs is left out), otherwise those articles in
    the order given (duplicates once). Articles left with no highlight after
    the filters are dropped. ``first`` stops after that many articles kept (a
    preview's sample); None keeps all. Raises what ``library.get`` raises for
    an unknown id given in ``ids`` (``reader.errors.NotFound``).
    """
    kinds = list(kinds or ())
    chosen = library.highlighted_ids(kinds) if ids is None else list(dict.fromkeys(ids))
    items: list[ExportItem] = []
    for article_id in chosen:
        if first is not None and len(items) >= first:
            break
        try:
            article = library.get(article_id)
            highlights = library.highlights(article_id)
        except NotFound:
            if ids is not None:
                raise
            # Deleted by another program since the library was listed: the
            # whole library no longer holds it.
            continue
        kept = filter_highlights(highlights, kinds=kinds, subtypes=subtypes, colours=colours)
        if kept:
            items.append((article, kept))
    return items


# --- links and context -----------------------------------------------------

def article_link(article_id: int | None, start: int) -> str:
    """``rtl-reader://article/ID?at=START`` (DESIGN decision 8): opens the app
    on that article with the body offset ``start`` in view."""
    return f"{LINK_SCHEME}://article/{article_id if article_id is not None else 0}?at={start}"


def source_url(article: Article) -> str:
    """The article's original address when a reader can open it (http or
    https; a ``javascript:`` or ``file:`` address never becomes a link),
    else ""."""
    return article.url if article.url.startswith(("http://", "https://")) else ""


def highlight_link(h: HighlightRecord) -> str:
    """The link to a highlight's place: its start in the body; the top of the
    article for a highlight in another field (the title sits there)."""
    return article_link(h.article_id, h.start if h.field == "body" else 0)


_STOPS = frozenset(".?!؟؛\n\u06d4")  # ۔ is the Urdu full stop
_STOP_CHARS = re.compile("[" + re.escape("".join(sorted(_STOPS))) + "]")
_CLOSERS = frozenset("»”’)]\"'")


def _is_stop(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _STOPS:
        return False
    if ch != ".":
        return True
    # A decimal point (2.5) ends no sentence.
    if 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return False
    return not _ends_abbreviation(text, i)


def _stops(text: str, lo: int, hi: int) -> Iterator[int]:
    """The indices in ``lo..hi`` where a sentence ends (``_is_stop``), in
    order: the candidates found by a regular expression, in C, rather than
    by a call for each character."""
    return (m.start() for m in _STOP_CHARS.finditer(text, lo, hi) if _is_stop(text, m.start()))


def _ends_abbreviation(text: str, i: int) -> bool:
    """True when the dot ``text[i]`` follows a word of one letter (with its
    marks): the dots of an abbreviation, (د.ب.أ) أ.ف.ب ق.م, or the one
    after د. (doctor) or م. (AD). News writes agencies so in every
    article; the sentence cut there began "أ)، أن «…»". A sentence that
    ends with such a word runs on into the next."""
    j = i
    while j > 0 and unicodedata.category(text[j - 1]) == "Mn":
        j -= 1
    if j == 0 or not text[j - 1].isalpha():
        return False
    return j == 1 or not in_word(text[j - 2])


def context_sentence(text: str, start: int, end: int, *,
                     max_chars: int = 400) -> tuple[str, int, int]:
    """The sentence (or sentences) that ``text[start:end]`` stands in.

    Sentences end at ``. ? ! ؟ ؛ ۔`` and at a newline, but not at a decimal
    point nor at a dot after a word of one letter (the abbreviations
    د.ب.أ، أ.ف.ب، د.، ق.م); closing quotation marks after a stop belong to
    the sentence. Returns ``(sentence, s, e)`` with
    ``sentence[s:e] == text[start:end]``. A sentence longer than
    ``max_chars`` is cut at spaces around the span, keeping as much of it as
    fits in ``max_chars`` (half each side, the room one side does not need
    given to the other), and marked with "…" (the span itself is never
    cut). The sentence never starts or ends inside a word: where no space
    is within the room, it starts at the first letter of the span's first
    word and ends after its last word (words longer than ``LONGEST_WORD``
    excepted: text run together is cut at the span). Raises ValueError for
    offsets outside ``text``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of length {len(text)}")
    # A sentence longer than the room is cut within reach of the span (the
    # room and a word either side), so the scans stop there: walking a
    # paragraph of a megabyte with no stop for each of its thousands of
    # figures took hours. Stopped short, the sentence is cut as before.
    reach = max_chars + LONGEST_WORD + 1
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    begin = max((i + 1 for i in _stops(text, floor, start)), default=floor)
    # Closing marks right after the previous stop end that sentence, not this
    # one (the forward scan below gives them to it the same way: adjacent to
    # the stop only). A straight " or ' after a space, or at the start of the
    # text or a paragraph, opens this sentence's quotation: keep it.
    if begin == 0 or _is_stop(text, begin - 1):
        if begin > 0 and text[begin - 1] != "\n":
            while begin < start and text[begin] in _CLOSERS:
                begin += 1
        while begin < start and text[begin].isspace():
            begin += 1
    stop = end
    if not (end > start and _is_stop(text, end - 1)):
        stop = next(_stops(text, end, ceiling), ceiling)
        if stop < ceiling and text[stop] != "\n":
            stop += 1
    if stop == len(text) or _is_stop(text, stop - 1) or text[stop] == "\n":
        while stop < len(text) and text[stop] in _CLOSERS:
            stop += 1
        while stop > end and text[stop - 1].isspace():
            stop -= 1
    prefix, suffix = "", ""
    if stop - begin > max_chars:
        room = max(0, max_chars - (end - start))
        before, after = start - begin, stop - end
        # Half the room each side; what one side does not need, the other takes.
        keep_before = min(before, max(room // 2, room - after))
        keep_after = min(after, room - keep_before)
        if before > keep_before:
            # The space furthest from the span that still keeps within the
            # room; else the one before the span's first word.
            cut = text.find(" ", start - keep_before, start)
            if cut < 0:
                cut = text.rfind(" ", max(begin, start - LONGEST_WORD), start)
            if cut >= 0:
                begin, prefix = cut + 1, "…"
            elif start - begin > LONGEST_WORD:
                begin, prefix = start, "…"
        if after > keep_after:
            cut = text.rfind(" ", end, end + keep_after + 1)
            if cut < 0:
                cut = text.find(" ", end, min(stop, end + LONGEST_WORD))
            if cut >= 0:
                stop, suffix = cut, "…"
            elif stop - end > LONGEST_WORD:
                stop, suffix = end, "…"
    sentence = prefix + text[begin:stop] + suffix
    s = len(prefix) + start - begin
    return sentence, s, s + end - start


def quote_selector_parts(text: str, start: int, end: int, *,
                         width: int = 32) -> tuple[str, str]:
    """The prefix and suffix of a W3C TextQuoteSelector: up to ``width``
    characters before ``start`` and after ``end``."""
    return text[max(0, start - width):start], text[end:end + width]


# --- file names ------------------------------------------------------------

_UNSAFE_CHARS = re.compile(r'[/\\:*?"<>|]')
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in "123456789¹²³"}
    | {f"LPT{i}" for i in "123456789¹²³"}
)
MAX_NAME_CHARS = 120
_MAX_NAME_BYTES = 200  # ext4 and most others allow 255 bytes per name


def safe_filename(title: str, *, ext: str) -> str:
    """A file name made from ``title`` that is safe on Linux, macOS and Windows.

    Removes bidi controls and every other format or control character (so a
    right-to-left override cannot disguise the extension), path separators,
    Windows' forbidden characters, ``..`` and leading dots; avoids Windows'
    reserved device names; caps the stem at ``MAX_NAME_CHARS`` characters and
    200 bytes of UTF-8 without splitting a letter from its marks. An empty
    result becomes ``highlights``. ``ext`` is added with one dot.
    """
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if ch in "\t\n\r\v\f" else ch for ch in text
                   if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
                   or ch in "\t\n\r\v\f")
    text = _UNSAFE_CHARS.sub(" ", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = _cap(text).rstrip(" .")
    if not text:
        text = "highlights"
    if text.split(".", 1)[0].strip().upper() in _WINDOWS_RESERVED:
        text = "_" + text
    ext = ext.lstrip(".")
    return f"{text}.{ext}" if ext else text


def _cap(text: str) -> str:
    if len(text) <= MAX_NAME_CHARS and len(text.encode("utf-8")) <= _MAX_NAME_BYTES:
        return text
    cut = min(len(text), MAX_NAME_CHARS)
    while len(text[:cut].encode("utf-8")) > _MAX_NAME_BYTES:
        cut -= 1
    # Back off to the start of a user-perceived character: a base letter, not a
    # mark, and never right after a joiner or inside a flag/variation sequence.
    while cut > 0 and (unicodedata.combining(text[cut])
                       or unicodedata.category(text[cut]) in {"Mn", "Me", "Mc"}
                       or text[cut] in "\u200d\ufe0e\ufe0f"
                       or text[cut - 1] == "\u200d"):
        cut -= 1
    return text[:cut]


# --- atomic writes ---------------------------------------------------------

def check_target(path: Path, *, force: bool) -> None:
    """Refuse ``path`` early: OutputExists when it exists and not ``force``;
    ExportError when it is a folder, its folder is missing, or it is a file
    of the article store in use (replacing it would lose the library), or
    a name the system refuses (too long: 255 bytes are 127 Arabic letters)."""
    try:
        _check_target(path, force=force)
    except OSError as err:  # Path.is_dir raises for ENAMETOOLONG, EACCES
        raise ExportError(str(path), _cause(err)) from None


def _check_target(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise ExportError(str(path), "is a folder; give a file name")
    if holds(path):
        raise ExportError(str(path), "is a file of the article store in use; "
                                     "give another name")
    refuse_special(path)
    if path.exists() and not force:
        raise OutputExists(str(path), "exists; use --force to overwrite")
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(str(path), f"folder does not exist: {parent}")


def refuse_special(path: Path) -> None:
    """ExportError when ``path`` is a symbolic link or something other than a
    regular file (a device, a FIFO, a socket): even with ``force`` an export
    never replaces one. The rename put a PNG in place of ``/dev/full`` (as
    root), and would have put a file in place of the link ``/dev/stdout``."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return  # nothing there; a name the system refuses fails at the write
    if stat.S_ISLNK(info.st_mode):
        raise ExportError(str(path), "is a symbolic link; give the file it points to "
                                     "(or - for standard output)")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(str(path), "not a regular file (a device, FIFO or socket); "
                                     "give a file name (or - for standard output)")


def _cause(err: OSError) -> str:
    return f"cannot write: {err.strerror or err}"


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally the
    temporary file is fsynced and renamed over ``path`` (os.replace). On any
    exception (Cancelled included) it is removed and ``path`` is untouched.
    The temporary file is locked while it is written, so the next export
    into the folder can tell it from one a killed export left, and removes
    those (``remove_abandoned``).

    Raises OutputExists when ``path`` exists and not ``force`` (checked before
    and again just before the rename), ExportError for an unwritable place.
    """
    check_target(path, force=force)
    remove_abandoned(path.parent)
    tmp, lock = _create_temp(path)
    try:
        yield tmp
        fsync_file(tmp)
        publish(tmp, path, force=force)
    except OSError as err:
        _unlink(tmp)
        raise ExportError(str(path), _cause(err)) from None
    except BaseException:
        _unlink(tmp)
        raise
    finally:
        os.close(lock)
    fsync_dir(path.parent)


_PART = re.compile(r"^\..+\.rtl-[0-9a-f]{8}\.part$")


def remove_abandoned(folder: Path) -> list[Path]:
    """Remove the temporary files that exports killed mid-way left in
    ``folder`` (hidden ``.<name>.rtl-<hex>.part`` files nobody holds locked;
    a running export holds its own); the paths removed."""
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if _PART.match(n)]
    except OSError:
        return removed
    for name in names:
        part = folder / name
        try:
            fd = os.open(part, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            if _try_lock(fd) and _is_regular(fd):
                part.unlink()
                removed.append(part)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the file open as ``fd``, without waiting: flock
    locks belong to the open file, not the process, so no other descriptor
    of ours is affected, and the kernel drops them when their holder dies."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): never take another's file
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _is_regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)


def publish(tmp: Path, path: Path, *, force: bool) -> None:
    """Move the finished ``tmp`` to ``path`` in one step. Without ``force`` a
    hard link makes the move fail rather than replace a file that appeared
    meanwhile (OutputExists); where hard links are not supported, the check
    and the rename are two steps."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExists(str(path), "exists; use --force to overwrite") from None
    except OSError:
        if path.exists():
            raise OutputExists(str(path), "exists; use --force to overwrite") from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new empty file beside ``path``, created with the usual permissions
    (0666 less the umask, as the final file would get), never an existing
    one, and a descriptor holding it locked until the export ends."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name[:60]}.rtl-{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as err:
            raise ExportError(str(path), _cause(err)) from None
        _try_lock(fd)
        return tmp, fd
    raise ExportError(str(path), "cannot make a temporary file beside it")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform opens folders; the rename is done anyway
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


class Ticker:
    """Reports progress and checks for cancellation between units of work."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        if progress:
            progress(0, total)

    def check(self) -> None:
        """Raise Cancelled when the caller asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled

    def step(self) -> None:
        """One unit done: report it, then stop if asked."""
        self.done += 1
        if self._progress:
            self._progress(self.done, self.total)
        self.check()
