"""decode_bytes: BOMs, declared charsets, UTF-8/16, Arabic legacy encodings,
mojibake, binary and truncated input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import DecodeFailed, EmptyInput, ReaderError, UnsupportedFile
from reader.importers import decode_bytes
from reader.importers.decode import is_arabic_text, looks_like_mojibake

# Our own news-style text: long enough for the detectors, with digits,
# punctuation, guillemets and a line ending of each kind.
ARABIC = (
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\r\n"
    "وقال المتحدث باسم الوزارة إن «البرنامج يشمل تمويل مشاريع الري وتحسين الطرق».\n"
    "وأضاف أن الميزانية المخصصة تبلغ 40 مليون دينار، وأن التنفيذ يبدأ مطلع العام المقبل "
    "في عدة محافظات بالتعاون مع البلديات والجمعيات المحلية ومنظمات المجتمع المدني.\n"
    "ورحبت النقابات الزراعية بالقرار واعتبرته خطوة مهمة لتخفيف الأعباء عن الأسر.\n"
)
SHORT = "قال الوزير إن النمو بلغ 3% هذا العام"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32"])
def test_unicode_with_bom_is_decoded_and_the_bom_removed(encoding: str) -> None:
    data = ARABIC.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    text = decode_bytes(data, name="f.txt")
    assert text == ARABIC  # BOM gone, CRLF and LF kept as they were
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding: str) -> None:
    assert decode_bytes(ARABIC.encode(encoding), name="f.txt") == ARABIC
    ascii_text = "Breaking news: markets closed early.\n"
    assert decode_bytes(ascii_text.encode(encoding), name="f.txt") == ascii_text


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_arabic_legacy_encodings(encoding: str) -> None:
    text = ARABIC.replace("«", '"').replace("»", '"')  # ISO-8859-6 has no guillemets
    assert decode_bytes(text.encode(encoding), name="f.txt") == text


def test_cp1256_with_guillemets_and_french_letters_in_latin_words() -> None:
    text = ARABIC + "وزار الوفد مدينة Besançon الفرنسية ومقهى café الشهير.\n"
    assert decode_bytes(text.encode("cp1256"), name="f.txt") == text


def test_corpus_raw_files_decode_to_arabic(corpus_dir: Path) -> None:
    for path in sorted((corpus_dir / "raw").iterdir()):
        text = decode_bytes(path.read_bytes(), name=str(path))
        assert is_arabic_text(text) or "<html" in text.lower()
        assert not looks_like_mojibake(text)
        assert "دورة تكوينية" in text or "كتائب" in text or "معارضون" in text


def test_declared_charset_wins() -> None:
    text = "<html><head><meta charset='windows-1256'></head><body>" + ARABIC + "</body></html>"
    assert decode_bytes(text.encode("cp1256"), name="p.html") == text
    xml = '<?xml version="1.0" encoding="ISO-8859-6"?><rss><channel><title>' + SHORT + \
        "</title></channel></rss>"
    assert decode_bytes(xml.encode("iso8859_6"), name="f.xml") == xml
    # The HTTP header (declared=) names it for bytes that say nothing.
    assert decode_bytes(SHORT.encode("iso8859_6"), name="u", declared="ISO-8859-6") == SHORT


def test_a_lying_declaration_falls_back_to_detection() -> None:
    page = "<meta charset=\"utf-8\"><p>" + ARABIC + "</p>"
    assert decode_bytes(page.encode("cp1256"), name="p.html") == page
    # Latin-1 declared on UTF-8 Arabic would be mojibake: refused, UTF-8 used.
    assert decode_bytes(ARABIC.encode("utf-8"), name="u", declared="iso-8859-1") == ARABIC


@pytest.mark.parametrize(("written", "read_as"), [
    ("iso8859_6", "cp1256"), ("utf-8", "cp1256"), ("cp1256", "latin-1"),
    ("utf-8", "latin-1"), ("utf-8", "cp720"),
])
def test_mojibake_is_recognised(written: str, read_as: str) -> None:
    text = ARABIC.replace("«", '"').replace("»", '"')
    wrong = text.encode(written).decode(read_as)
    assert looks_like_mojibake(wrong) or not is_arabic_text(wrong)
    assert not looks_like_mojibake(text) and is_arabic_text(text)


def test_mojibake_is_refused_not_imported() -> None:
    # Latin-1 text is not an Arabic encoding: windows-1256 would turn its accents
    # into Arabic letters glued to Latin ones.
    latin = ("Le ministre a déclaré que la réforme économique était prête. " * 5).encode("latin-1")
    with pytest.raises(DecodeFailed) as exc:
        decode_bytes(latin, name="fr.txt")
    assert exc.value.subject == "fr.txt"
    assert "UTF-8" in str(exc.value)


def test_utf8_with_one_bad_byte_reads_with_it_replaced_and_says_where() -> None:
    """A new user's day: one stray byte in a UTF-8 article refused the whole
    article; a browser shows it with U+FFFD in its place, and so do we, in
    one line naming the input and the byte."""
    cut = len(ARABIC[:60].encode("utf-8"))
    good = ARABIC.encode("utf-8")
    data = good[:cut] + b"\xff" + good[cut:]
    notes: list[str] = []
    assert decode_bytes(data, name="bad.txt", on_note=notes.append) == (
        ARABIC[:60] + "\ufffd" + ARABIC[60:])
    assert notes == [f"bad.txt: replaced 1 invalid byte sequence with U+FFFD (not UTF-8; "
                     f"the first at byte {cut})"]


def test_utf8_with_many_bad_bytes_is_refused_with_the_first_offset() -> None:
    good = ARABIC.encode("utf-8")
    step = len(good) // 40
    data = b"".join(good[i:i + step] + b"\xff" for i in range(0, len(good), step))
    with pytest.raises(DecodeFailed) as exc:
        decode_bytes(data, name="bad.txt")
    assert f"byte {step})" in str(exc.value)


def test_truncated_utf8_names_the_offset() -> None:
    data = (ARABIC + "وقال الوزير").encode("utf-8")[:-1]  # cut inside the last letter
    with pytest.raises(DecodeFailed) as exc:
        decode_bytes(data, name="cut.txt")
    assert "truncated UTF-8" in str(exc.value)
    assert f"byte {len(data) - 1}" in str(exc.value)


def test_truncated_utf16_without_bom() -> None:
    data = "Breaking news in UTF-16.\n".encode("utf-16-le")[:-1]
    with pytest.raises(DecodeFailed) as exc:
        decode_bytes(data, name="cut16.txt")
    assert "truncated UTF-16" in str(exc.value)


@pytest.mark.parametrize(("data", "words"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (bytes(range(256)) * 4, "binary"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
    ("نص عادي".encode() + b"\x00\x00\x00" + b"\x07" * 50, "binary"),
])
def test_binary_is_unsupported(data: bytes, words: str) -> None:
    with pytest.raises(UnsupportedFile) as exc:
        decode_bytes(data, name="blob.txt")
    assert words in str(exc.value)
    assert exc.value.subject == "blob.txt"


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_nothing_is_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode_bytes(data, name="e.txt")


def test_newlines_are_kept_as_they_are() -> None:
    text = "سطر أول\r\nسطر ثان\rسطر ثالث\n"
    assert decode_bytes(text.encode("utf-8"), name="n.txt") == text
    assert decode_bytes(text.encode("cp1256"), name="n.txt") == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_text_or_a_reader_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, name="fuzz")
    except ReaderError as err:
        assert err.subject == "fuzz" and "\n" not in err.line()
    else:
        assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1,
               max_size=200).filter(lambda t: not t.startswith("\ufeff")))
def test_any_utf8_text_round_trips(text: str) -> None:
    # A leading U+FEFF is a byte-order mark, removed by design (DESIGN decision 8).
    assert decode_bytes(text.encode("utf-8"), name="t") == text


# Byte sequences that are never UTF-8: a stray continuation byte, an overlong
# "/", an encoded surrogate (CESU-8, Java's "modified UTF-8"), a code point
# past U+10FFFF, bytes UTF-8 never uses.
NOT_UTF8 = [b"\x80", b"\xc0\xaf", b"\xc1\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
            b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xfe", b"\xff"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([ARABIC, SHORT, *ARABIC.splitlines(keepends=True)]),
       st.sampled_from(NOT_UTF8), st.floats(0, 1))
def test_utf8_arabic_with_a_bad_sequence_reads_as_utf8_not_as_a_legacy_code_page(
        text: str, bad: bytes, where: float) -> None:
    # Was: a short UTF-8 text opening with an encoded surrogate or an overlong
    # byte pair was read as cp720 (DOS Arabic), every letter pair turned into
    # box drawing and Arabic (╪د┘), and imported so. Then it was refused
    # whole; now the bad sequence alone is replaced, and said.
    at = round(where * len(text))
    data = text[:at].encode("utf-8") + bad + text[at:].encode("utf-8")
    notes: list[str] = []
    decoded = decode_bytes(data, name="bad.txt", on_note=notes.append)
    assert decoded.replace("\ufffd", "") == text
    assert decoded.startswith(text[:at] + "\ufffd")
    [note] = notes
    assert note.endswith(f"the first at byte {len(text[:at].encode('utf-8'))})")


