"""RSS and Atom feeds: one article per entry, HTML reduced to clean text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import EmptyInput, InputTooLarge, ReaderError, UnsupportedFile
from reader.importers import read_file

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"


def _everything(articles: list) -> str:
    return "\n".join("\n".join(a.fields().values()) for a in articles)


def test_rss_entries() -> None:
    articles = read_file(DATA / "feed_rss.xml")
    assert len(articles) == 3  # the blank fourth item is skipped
    first, second, _ = articles
    assert first.title == "البنك المركزي يثبت سعر الفائدة عند 5.25%"
    # content:encoded wins over the description
    assert first.body.split("\n") == [
        "أبقى البنك المركزي سعر الفائدة الرئيسي عند 5.25% للشهر الثالث على التوالي.",
        "وقال المحافظ إن «التضخم بدأ يتراجع لكنه لم يبلغ الهدف بعد».",
        "اقرأ المزيد",
    ]
    assert first.url == "https://news.example.com/economy/rates-steady"
    assert first.author == "سلمى الحسيني"
    assert first.published == "2025-03-04T06:15:00Z"
    assert first.source == "نشرة الواحة الاقتصادية"
    assert second.body.startswith("ارتفعت صادرات التمور بنسبة ٢٠٪")
    assert second.published == "2025-03-03T18:40:00Z"


def test_rss_entry_without_title_or_web_link() -> None:
    third = read_file(DATA / "feed_rss.xml")[2]
    assert third.title == "خبر بلا عنوان"
    assert third.body.startswith("خبر بلا عنوان: افتتاح سوق")
    assert third.url == ""  # ftp: is not a web address


def test_feed_html_never_keeps_scripts_images_or_handlers() -> None:
    text = _everything(read_file(DATA / "feed_rss.xml") + read_file(DATA / "feed_atom.xml"))
    for bad in ("<", "script", "document.cookie", "tracker.example", "javascript:", "alert",
                "onerror", "pixel.gif", "evil.example"):
        assert bad not in text


def test_atom_entries() -> None:
    first, second = read_file(DATA / "feed_atom.xml")
    assert first.title == "باحثون يرصدون نجماً جديداً"
    assert first.body == ("رصد فريق من الفلكيين نجماً جديداً على بعد 1200 سنة ضوئية.\n"
                          'وقال رئيس الفريق إن "الاكتشاف تم بالصدفة".')
    assert first.url == "https://science.example.com/new-star"
    assert first.author == "كريم البنّاء"
    assert first.published == "2025-05-01T19:30:00Z"
    assert first.source == "مدونة العلوم"
    assert second.published == "2025-04-28T06:00:00Z"  # updated, when not published
    assert second.body == "بدأ تلسكوب جديد عمله في الصحراء بعد ثلاث سنوات من البناء."


def test_feed_in_windows_1256_with_its_declaration(tmp_path: Path) -> None:
    xml = (DATA / "feed_atom.xml").read_text(encoding="utf-8")
    xml = xml.replace('encoding="utf-8"', 'encoding="windows-1256"').replace("البنّاء", "البناء")
    path = tmp_path / "legacy.atom"
    path.write_bytes(xml.encode("cp1256"))
    first, _ = read_file(path)
    assert first.author == "كريم البناء"
    assert first.title == "باحثون يرصدون نجماً جديداً"


def test_feed_detected_by_content_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_bytes((DATA / "feed_rss.xml").read_bytes())
    assert len(read_file(path)) == 3


def test_feed_never_opens_a_file_or_address_it_names(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("سر لا يجوز أن يظهر", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<rss version=\"2.0\"><channel><title>t</title><item><title>خبر</title>"
           "<description>نص الخبر &x;</description></item></channel></rss>")
    path = tmp_path / "xxe.rss"
    path.write_text(xml, encoding="utf-8")
    try:
        articles = read_file(path)
    except ReaderError:
        return
    assert "سر لا يجوز" not in _everything(articles)


LAUGHS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10))


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>',
    f'<!DOCTYPE rss [<!ENTITY lol1 "lol">{LAUGHS}]>',
])
def test_a_feed_whose_doctype_declares_entities_is_a_feed(tmp_path: Path, doctype: str) -> None:
    """Regression: the ">" inside the internal subset ended the DOCTYPE, and
    the file was refused as "not an RSS or Atom feed (its root is neither
    <rss> nor <feed>)". The entities are never expanded (no billion laughs)."""
    path = tmp_path / "entities.xml"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0">'
                    "<channel><title>نشرة</title><item><title>خبر &amp; &lol9;</title>"
                    "<description>قال الوزير &lol9; إن الخطة تبدأ.</description>"
                    "</item></channel></rss>", encoding="utf-8")
    [article] = read_file(path)
    assert article.title.startswith("خبر &")
    assert "قال الوزير" in article.body and len(_everything([article])) < 200


@pytest.mark.parametrize(("xml", "error"), [
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>فارغ</title></channel></rss>',
     EmptyInput),
    ('<?xml version="1.0"?><catalog><book>كتاب</book></catalog>', UnsupportedFile),
])
def test_bad_feeds(tmp_path: Path, xml: str, error: type[ReaderError]) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(error) as exc:
        read_file(path)
    assert exc.value.subject == str(path)


# -- character references that are not text (issue 13) ------------------------------


def _one_entry_feed(title: str, body: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>نشرة المساء</title><item><title>{title}</title>"
            f"<description>{body}</description></item></channel></rss>")


@pytest.mark.parametrize("ref", ["&#xD800;", "&#xdfff;", "&#55296;", "&#x110000;",
                                 "&#99999999999999999999;", "&#0;"])
def test_a_reference_to_no_character_is_replaced_and_reported(tmp_path: Path, ref: str) -> None:
    # Regression: &#xD800; ended the whole import in UnicodeEncodeError (from
    # feedparser), &#x110000; in ValueError, a huge number in OverflowError.
    path = tmp_path / "evening.rss"
    path.write_text(_one_entry_feed(f"خبر {ref} عاجل", f"نص الخبر {ref} كاملا"),
                    encoding="utf-8")
    notes: list[str] = []
    [article] = read_file(path, on_note=notes.append)
    assert article.title == "خبر \ufffd عاجل"
    assert article.body == "نص الخبر \ufffd كاملا"
    assert notes == [f"{path}: replaced 2 invalid characters (lone surrogates or "
                     "references to no character) with U+FFFD"]


def test_references_to_control_characters_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "evening.rss"
    path.write_text(_one_entry_feed("خبر&#27;]0;PWNED&#x7;&#x1b;[2J عاجل",
                                    "نص&#x1B;[31m الخبر&#13;&#127;"), encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "خبر]0;PWNED[2J عاجل"
    assert article.body == "نص[31m الخبر"


def _nested(depth: int) -> str:
    return ("<p>افتتحت البلدية المكتبة العامة.</p>" + "<div>" * depth + "وقال الوزير كلمة."
            + "</div>" * depth + "<p>وختم الحفل بالنشيد.</p>")


def test_an_entry_nested_past_libxml2s_default_depth_keeps_all_its_text(tmp_path: Path) -> None:
    # Was: 300 levels passed libxml2's default of 256: the entry ended
    # after its first paragraph, imported as whole.
    feed = tmp_path / "deep.xml"
    feed.write_text(_one_entry_feed("المكتبة", f"<![CDATA[{_nested(300)}]]>"), encoding="utf-8")
    [article] = read_file(feed)
    assert article.body.split("\n") == ["افتتحت البلدية المكتبة العامة.", "وقال الوزير كلمة.",
                                        "وختم الحفل بالنشيد."]


def test_an_entry_nested_too_deep_is_refused_naming_the_feed(tmp_path: Path) -> None:
    # Was: the text below the depth libxml2 reads was dropped without a word.
    feed = tmp_path / "deeper.xml"
    feed.write_text(_one_entry_feed("المكتبة", f"<![CDATA[{_nested(5000)}]]>"),
                    encoding="utf-8")
    with pytest.raises(InputTooLarge) as exc:
        read_file(feed)
    assert exc.value.subject == str(feed)
    assert "nested more than" in exc.value.message


def test_an_entry_of_escaped_html_nested_too_deep_is_refused_naming_the_feed(
        tmp_path: Path) -> None:
    # The feed's own XML is shallow; its entry's HTML, escaped, is not.
    feed = tmp_path / "escaped.xml"
    escaped = _nested(5000).replace("<", "&lt;").replace(">", "&gt;")
    feed.write_text(_one_entry_feed("المكتبة", escaped), encoding="utf-8")
    with pytest.raises(InputTooLarge) as exc:
        read_file(feed)
    assert exc.value.subject == str(feed)


def _dated_feed(tmp_path: Path, rss_date: str, atom_date: str) -> list:
    path = tmp_path / "dated.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة</title>'
                    f"<item><title>خبر</title><pubDate>{rss_date}</pubDate>"
                    "<description>قال الوزير إن الخطة تبدأ.</description></item>"
                    "</channel></rss>", encoding="utf-8")
    rss = read_file(path)
    path = tmp_path / "dated.atom"
    path.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>نشرة</title><entry><title>خبر</title><updated>{atom_date}</updated>"
                    "<content>قال الوزير إن الخطة تبدأ.</content></entry></feed>",
                    encoding="utf-8")
    return [*rss, *read_file(path)]


@pytest.mark.parametrize(("rss_date", "atom_date", "expected"), [
    ("Sun, 02 Mar 2025 10:00:00 +0300", "2025-03-02T10:00:00+03:00", "2025-03-02T07:00:00Z"),
    # Regression: feedparser's year 0 and 10000 were written as "0-01-01T…"
    # and "10000-01-01T…", no ISO date: they sorted among the years 1 and 2.
    ("Fri, 31 Dec 9999 23:59:59 -1400", "9999-12-31T23:59:59-14:00", ""),
    ("Mon, 01 Jan 0000 00:00:00 GMT", "0000-01-01T00:00:00Z", ""),
])
def test_a_feed_date_is_iso_utc_or_none(tmp_path: Path, rss_date: str, atom_date: str,
                                        expected: str) -> None:
    assert [a.published for a in _dated_feed(tmp_path, rss_date, atom_date)] == [expected] * 2
