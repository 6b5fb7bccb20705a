"""Bytes -> text: BOMs, declared charsets, UTF-8, UTF-16, Arabic legacy encodings.

The order of trust (``decode_bytes``):

1. A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides, and is removed.
2. A declared charset wins when the bytes decode cleanly in it and the result
   is not mojibake (a single-byte charset never wins over bytes that are valid
   multi-byte UTF-8: such a declaration is stale). Declared by: the
   ``declared`` argument (an HTTP header), else an HTML ``<meta charset>`` /
   ``http-equiv`` or an XML declaration found in the first 2 KB.
3. Bytes with NULs: UTF-16 without a BOM when every other byte looks like
   the high byte of Basic Latin, Arabic or punctuation (a UTF-16 file cut
   inside a character -> ``DecodeFailed``), else binary.
4. Strict UTF-8. A file that is valid UTF-8 but ends inside a multi-byte
   character was cut short: it raises ``DecodeFailed`` naming the byte offset
   of the incomplete character (nothing half-imported; the user can re-fetch).
   Arabic UTF-16 without a BOM (no NULs) is recognised next.
5. Binary data (NUL bytes, more than a handful of control characters, or the
   signature of a known binary format such as PDF, ZIP, PNG) -> ``UnsupportedFile``.
6. The Arabic legacy encodings only: charset-normalizer restricted to
   windows-1256, ISO-8859-6, cp720 and mac_arabic names a guess; every guess
   is checked to be Arabic text, not mojibake. ISO-8859-6 and windows-1256
   share part of the letter range, so a wrong guess still looks half Arabic;
   windows-1256 also holds the French letters (à ç é ×) exactly where
   ISO-8859-6 has و ي ه ى, so a Latin-1 letter or symbol glued to an Arabic
   letter betrays the wrong guess (DESIGN, Known traps). A sample of the
   text is judged (the first 100-200 KB), so a 50 MB file decodes in a second.
7. UTF-8 with a few bad sequences (``FEW_BAD_BYTES``, or one in a thousand
   bytes), each replaced by U+FFFD and said in one line (``on_note``).
8. Anything else -> ``DecodeFailed``.

Newlines are kept as they are (CRLF, CR, LF). Errors carry ``subject=name``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from reader.errors import DecodeFailed, EmptyInput, UnsupportedFile

LEGACY_ARABIC: tuple[str, ...] = ("cp1256", "iso8859_6", "cp720", "mac_arabic")
"""The only single-byte encodings we guess, most common first."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)

# Control characters that never occur in text (tab, newlines, form feed allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
# A Latin-1 letter or a cp1256/cp1252 symbol glued to an Arabic letter: the
# trace of a wrong single-byte guess or of UTF-8 read as a legacy encoding.
_STRAY = (
    "\u00a1-\u00aa\u00ac\u00ae\u00af\u00b1-\u00b6\u00b8-\u00ba\u00bc-\u00d6"
    "\u00d8-\u00f6\u00f8-\u024f\u0152\u0153\u0178\u0192\u02c6"
    "\u2020\u2021\u2030\u201a\u201e"
)
_GLUED = re.compile(
    rf"[\u0621-\u064a][{_STRAY}]|[{_STRAY}][\u0621-\u064a]"
)
# UTF-8 Arabic read as Latin-1/cp1252: a lead byte D8..DB shown as Ø Ù Ú Û,
# then a continuation byte shown as a C1 control or a Latin-1/cp1252 symbol.
_UTF8_AS_LATIN = re.compile(
    "[\u00d8-\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
# UTF-8 Arabic read as cp720 (DOS Arabic): the lead bytes D8..DB are box
# drawing (╪ ┘ ┌ █), and the continuation byte after each is an Arabic letter
# or another cp720 character: every Arabic letter of the result sits behind one.
_UTF8_AS_CP720 = re.compile(
    "[" + bytes(range(0xD8, 0xDC)).decode("cp720") + "]["
    + re.escape(bytes(range(0x80, 0xC0)).decode("cp720")) + "]"
)
_LATIN_GLUED = re.compile(r"[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")
_WORD = re.compile(r"[\u0621-\u064a\u0670\u0640\u064b-\u065f]+")


def decode_bytes(data: bytes, *, name: str, declared: str | None = None,
                 on_note: Callable[[str], None] | None = None) -> str:
    """The text of ``data`` (see the module docstring for the order of trust).

    Raises ``EmptyInput`` (no bytes, or only a BOM), ``UnsupportedFile``
    (binary), ``DecodeFailed`` (truncated UTF-8, mojibake, no encoding fits).
    The BOM is removed; newlines are kept as they are. ``on_note`` gets one
    line when a few bytes that are not UTF-8 were replaced (step 7).
    """
    if not data:
        raise EmptyInput(name, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if not body:
                raise EmptyInput(name, "the file holds only a byte-order mark")
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as err:
                raise DecodeFailed(
                    name, f"not valid {encoding.upper()} although it starts with that "
                    f"byte-order mark (byte {err.start + len(bom)})") from None
            _reject_controls(text, name)
            return text

    for label in (declared, _sniff_declared(data)):
        text = _try_declared(data, label)
        if text is not None:
            _reject_controls(text, name)
            return text

    if b"\x00" in data:
        utf16 = _guess_utf16(data)
        if utf16 is not None:
            _reject_controls(utf16, name)
            return utf16
        if len(data) % 2 and _guess_utf16(data[:-1]) is not None:
            raise DecodeFailed(name, f"truncated UTF-16: the file ends inside a character "
                                     f"at byte {len(data) - 1}")
        _reject_binary(data, name)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error: UnicodeDecodeError | None = err
    else:
        _reject_binary(data, name)
        _reject_controls(text, name)
        return text
    if _is_truncated_utf8(data, utf8_error):
        raise DecodeFailed(
            name, f"truncated UTF-8: the file ends inside a character at byte {utf8_error.start}")

    utf16 = _guess_utf16(data)  # Arabic UTF-16 has no NUL bytes
    if utf16 is not None:
        _reject_controls(utf16, name)
        return utf16

    _reject_binary(data, name)
    text = _guess_legacy(data) or _mostly_utf8(data, name, utf8_error.start, on_note)
    if text is None:
        raise DecodeFailed(
            name, f"not valid UTF-8 (byte {utf8_error.start}) and not Arabic text in "
            "windows-1256 or ISO-8859-6")
    _reject_controls(text, name)
    return text


FEW_BAD_BYTES = 8
"""UTF-8 with at most this many bad sequences (or one in a thousand bytes)
is read with each replaced by U+FFFD, as a browser shows it."""


def _mostly_utf8(data: bytes, name: str, first: int,
                 on_note: Callable[[str], None] | None) -> str | None:
    """``data`` read as UTF-8 with its few bad sequences (the first at byte
    ``first``) replaced by U+FFFD, and said to ``on_note``; None when they
    are more than a few: then it is no UTF-8. One stray byte in an article
    refused the whole article (a new user's day)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad > max(FEW_BAD_BYTES, len(data) // 1000):
        return None
    if on_note is not None:
        plural = "" if bad == 1 else "s"
        on_note(f"{name}: replaced {bad} invalid byte sequence{plural} with U+FFFD "
                f"(not UTF-8; the first at byte {first})")
    return text


def looks_like_mojibake(text: str) -> bool:
    """True when ``text`` shows the traces of a wrong decode: Latin-1 letters
    or cp1252 symbols glued to Arabic letters (ISO-8859-6 read as windows-1256,
    UTF-8 read as windows-1256), UTF-8 Arabic read as Latin-1 (``Ø§Ù``) or
    as cp720 (``╪د┘``), or Arabic letters glued to Latin ones in a text that
    is mostly not Arabic (Latin-1 read as windows-1256)."""
    glued = len(_GLUED.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if glued and (glued >= 3 or glued * 50 > arabic):
        return True
    if len(_UTF8_AS_LATIN.findall(text)) >= 3:
        return True
    as_cp720 = len(_UTF8_AS_CP720.findall(text))
    if as_cp720 >= 3 and as_cp720 * 2 >= arabic:  # a table's borders stay below
        return True
    latin_glued = len(_LATIN_GLUED.findall(text))
    return bool(latin_glued) and latin_glued * 20 > max(arabic, 1)


def is_arabic_text(text: str) -> bool:
    """True when ``text`` reads as Arabic: Arabic letters make at least a third
    of its letters and, in a text of 40 words or more, the article ال starts
    a fair share of the words (a mis-mapped single-byte decode yields Arabic
    letters in orders that never form it)."""
    letters = sum(1 for ch in text if ch.isalpha())
    arabic = len(_ARABIC_LETTER.findall(text))
    if not arabic or arabic * 3 < letters:
        return False
    words = _WORD.findall(text)
    if len(words) >= 40:
        with_article = sum(1 for w in words if w.replace("\u0640", "").startswith(("ال", "وال",
                                                                                     "بال", "لل")))
        return with_article * 25 >= len(words)  # real news prose: 20-35 %
    return True


# -- helpers ---------------------------------------------------------------


def _sniff_declared(data: bytes) -> str | None:
    head = data[:2048]
    if b"<" not in head:
        return None
    match = _DECLARED.search(head)
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    # HTML: a page that declares UTF-16 in a <meta> is read as UTF-8 (the meta
    # itself could not be found in real UTF-16 bytes).
    if label.replace("_", "-") in {"utf-16", "utf-16le", "utf-16be", "utf-16-le", "utf-16-be"}:
        label = "utf-8"
    if label in {"x-mac-arabic", "macarabic"}:
        label = "mac_arabic"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_declared(data: bytes, label: str | None) -> str | None:
    codec = _codec(label)
    if codec is None:
        return None
    if not codec.startswith("utf") and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # multi-byte UTF-8 is never an accident: the declaration is stale
            return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None  # the declaration lies: detect instead
    if b"\x00" in data or looks_like_mojibake(text):
        return None
    return text


def _is_truncated_utf8(data: bytes, err: UnicodeDecodeError) -> bool:
    """Valid UTF-8 up to an incomplete character in the last three bytes."""
    if err.start < len(data) - 3 or err.reason != "unexpected end of data":
        return False
    try:
        data[:err.start].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    # High bytes of text: Basic Latin/Latin-1 (00), Arabic (06), punctuation (20),
    # presentation forms (FB, FE).
    plausible = {0x00, 0x06, 0x20, 0xFB, 0xFE}
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        share = sum(1 for b in high if b in plausible) / len(high)
        if share < 0.9:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _CONTROL.search(text):
            return text
    return None


def _reject_binary(data: bytes, name: str) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnsupportedFile(name, f"{kind}, not a text file")
    if b"\x00" in data:
        raise UnsupportedFile(name, "a binary file (it holds NUL bytes), not a text file")


def _reject_controls(text: str, name: str) -> None:
    if "\x00" in text:
        raise UnsupportedFile(name, "a binary file (it holds NUL characters), not a text file")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise UnsupportedFile(name, "a binary file (control characters), not a text file")


def _guess_legacy(data: bytes) -> str | None:
    candidates = list(LEGACY_ARABIC)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65_536], cp_isolation=list(LEGACY_ARABIC)).best()
    except Exception:
        best = None
    if best is not None:
        guess = codecs.lookup(best.encoding).name
        if guess in candidates:
            candidates.remove(guess)
        candidates.insert(0, guess)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # a single-byte file is decoded one way throughout: judge a sample
        if not looks_like_mojibake(text[:200_000]) and is_arabic_text(text[:100_000]):
            return text
    return None
