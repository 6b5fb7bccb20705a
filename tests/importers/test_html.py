"""Saved web pages: trafilatura's main text, useful titles, clean text only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import EmptyInput, InputTooLarge
from reader.importers import read_file
from reader.importers.html import MAX_HTML_DEPTH, html_to_text

MOJIBAKE_LETTERS = "ÃÇÚÑÈ×àçØÙ"

PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الواحة | الرئيسية</title>
<meta property="og:title" content="افتتاح أكبر محطة لتحلية المياه في المنطقة">
<meta property="og:site_name" content="الواحة الإخبارية">
<meta name="author" content="نور الهدى سعيد">
<meta property="article:published_time" content="2025-07-21T08:00:00+03:00">
<link rel="canonical" href="https://news.example.com/desalination-plant">
<script src="https://tracker.example.net/t.js"></script>
<style>body {{ background: url(https://cdn.example.net/bg.png) }}</style>
</head>
<body onload="track()">
<nav><a href="/">الرئيسية</a> | <a href="/economy">اقتصاد</a></nav>
<article>
<h1>افتتاح أكبر محطة لتحلية المياه في المنطقة</h1>
<p>افتتحت الحكومة صباح اليوم محطة جديدة لتحلية مياه البحر بطاقة 300 ألف متر مكعب يومياً،
تكفي لتزويد نحو مليون ونصف المليون نسمة بمياه الشرب.</p>
<img src="https://cdn.example.net/plant.jpg" onerror="steal()" alt="المحطة">
<iframe src="https://ads.example.net/frame"></iframe>
<p>وقال وزير المياه إن «المحطة تعمل بالطاقة الشمسية خلال النهار»، مضيفاً أن كلفتها
بلغت 850 مليون دولار.</p>
<p>وأوضح أن المرحلة الثانية ستبدأ في 2027 <a href="javascript:alert(1)">التفاصيل</a>.</p>
<p onclick="evil()">ويتوقع خبراء أن تنخفض كلفة المتر المكعب إلى أقل من نصف دولار خلال
السنوات الخمس المقبلة مع تحسن تقنيات الأغشية.</p>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_page_main_text_and_metadata(page: Path) -> None:
    [article] = read_file(page)
    assert article.title == "افتتاح أكبر محطة لتحلية المياه في المنطقة"
    assert article.body.split("\n")[0].startswith("افتتحت الحكومة صباح اليوم")
    assert "«المحطة تعمل بالطاقة الشمسية خلال النهار»" in article.body
    assert article.source == "الواحة الإخبارية"
    assert article.author == "نور الهدى سعيد"
    assert article.published.startswith("2025-07-21")
    assert article.url == "https://news.example.com/desalination-plant"
    assert article.language == "ar"


def test_page_keeps_text_only(page: Path) -> None:
    [article] = read_file(page)
    text = "\n".join(article.fields().values())
    for bad in ("<", "script", "tracker", "onload", "onclick", "onerror", "javascript:",
                "alert", "iframe", "ads.example", "plant.jpg", "steal", "evil", "bg.png"):
        assert bad not in text


def test_corpus_saved_pages(corpus_dir: Path) -> None:
    for path in sorted((corpus_dir / "raw").iterdir()):
        [article] = read_file(path)
        assert any("\u0621" <= ch <= "\u064a" for ch in article.title), path
        assert "windows-1256" not in article.title
        assert not any(ch in article.title + article.body for ch in MOJIBAKE_LETTERS), path
        assert article.body


def test_cnn_page(corpus_dir: Path) -> None:
    [article] = read_file(corpus_dir / "raw" / "001_cnnarabic_2013_utf8.html")
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert article.body.startswith("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة")
    assert 'بـ"الجيش الحر"' in article.body  # &quot; entities decoded
    assert "&#" not in article.body and "&quot;" not in article.body
    assert article.url.startswith("http://arabic.cnn.com/2013/middle_east/")
    assert "\r" not in article.body


def test_tiny_page_with_a_useless_title(corpus_dir: Path) -> None:
    # <title> windows-1256 </title>, no charset declared, a <body> of text.
    [article] = read_file(corpus_dir / "raw" / "002_qassam-gaza_cp1256.html")
    assert article.title.startswith("أعلنت كتائب")
    assert article.body.startswith(article.title)
    assert "16:20" in article.body


@pytest.mark.parametrize(("head", "expected"), [
    ("<title>utf-8</title><meta property='og:title' content='عنوان من og'>", "عنوان من og"),
    ("<title>Untitled</title>", "العنوان من الترويسة"),
    ("<title>Home Page News</title>", "العنوان من الترويسة"),  # Latin title, Arabic page
])
def test_title_fallbacks(tmp_path: Path, head: str, expected: str) -> None:
    path = tmp_path / "t.html"
    path.write_text(f"<html><head><meta charset='utf-8'>{head}</head><body>"
                    "<h1>العنوان من الترويسة</h1><p>نص قصير عن افتتاح مكتبة في الحي.</p>"
                    "</body></html>", encoding="utf-8")
    [article] = read_file(path)
    assert article.title == expected


def test_html_inside_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "افتتاح أكبر محطة لتحلية المياه في المنطقة"


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n'
                    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>خبر قصير</title>'
                    "</head><body><p>انطلق مهرجان المسرح مساء أمس بعرض افتتاحي.</p></body></html>",
                    encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "خبر قصير"
    assert "مهرجان المسرح" in article.body


def test_deep_nesting_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    depth = MAX_HTML_DEPTH + 1
    path.write_text("<html><body>" + "<div>" * depth + "نص" + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    with pytest.raises(InputTooLarge) as exc:
        read_file(path)
    assert exc.value.subject == str(path)
    assert str(MAX_HTML_DEPTH) in str(exc.value)


def test_unclosed_paragraphs_do_not_count_as_nesting(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.html"
    path.write_text("<html><body>" + "<p>فقرة من خبر طويل عن الطقس" * (MAX_HTML_DEPTH * 2)
                    + "</body></html>", encoding="utf-8")
    [article] = read_file(path)
    assert "الطقس" in article.body


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title><script>var a=1;</script></head>"
                    "<body><img src='a.png'></body></html>", encoding="utf-8")
    with pytest.raises(EmptyInput) as exc:
        read_file(path)
    assert exc.value.subject == str(path)


def test_html_to_text_blocks_and_whitespace() -> None:
    text = html_to_text("<div>سطر   أول<br>سطر\tثان</div><p>فقرة<script>x()</script> تكمل</p>")
    assert text == "سطر أول\nسطر ثان\nفقرة تكمل"


def test_no_date_is_guessed_from_the_address(corpus_dir: Path) -> None:
    # The saved CNN page states no date in its metadata; its address holds
    # only the year, which must not become "2013-01-01".
    [article] = read_file(corpus_dir / "raw" / "001_cnnarabic_2013_utf8.html")
    assert not article.published.endswith("-01-01")


@pytest.mark.parametrize("markup", [
    "<a" * 100_000, "<div " + "x" * 200_000, "<p>" + "<" * 100_000 + "</p>",
    "<p>" + "&" * 100_000 + "</p>",
])
def test_hostile_markup_is_read_in_one_pass(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "hostile.html"
    path.write_text("<html><body><p>خبر قصير عن الطقس اليوم.</p>" + markup + "</body></html>",
                    encoding="utf-8")
    try:
        articles = read_file(path)
    except (EmptyInput, InputTooLarge):
        return
    assert articles[0].title


def test_when_trafilatura_finds_nothing_lxml_reads_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.importers import html

    monkeypatch.setattr(html, "_extract", lambda text, url: None)
    path = tmp_path / "tiny.html"
    path.write_text("<html><head><title>windows-1256</title>"
                    "<meta property='og:title' content='عنوان الصفحة الصغيرة'></head>"
                    "<body>نص قصير جداً عن المطر.</body></html>", encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "عنوان الصفحة الصغيرة"
    assert article.body == "نص قصير جداً عن المطر."


def test_control_characters_in_markup() -> None:
    assert html_to_text("<p>نص\x0bمع\x01 تحكم\ufffe</p>") == "نص مع تحكم"


def test_character_references_to_control_characters_regression(tmp_path: Path) -> None:
    # Found by fuzzing: lxml decodes &#1; into the tree, then refuses to
    # write such text back; the text walk must never write to the tree.
    assert html_to_text("<p>نص&#1;آخر&#x0b;هنا</p><script>x</script>") == "نصآخر هنا"
    feed = tmp_path / "refs.rss"
    feed.write_text('<rss version="2.0"><channel><title>ت</title><item><title>خبر</title>'
                    "<description><![CDATA[<p>نص&#1;الخبر</p><div>ثان</div>]]></description>"
                    "</item></channel></rss>", encoding="utf-8")
    [article] = read_file(feed)
    assert "\x01" not in article.body and "الخبر" in article.body


def test_a_lone_surrogate_does_not_cut_the_text_short() -> None:
    # lxml stopped reading at one: the rest of the page was lost without a word.
    assert html_to_text("<p>نص \ud800 هنا</p><p>فقرة ثانية</p>") == "نص \ufffd هنا\nفقرة ثانية"


_MARKUP_PIECES = [*"<>/=\"' &#;xabp\n\x01\x0bنصخبر", "<p>", "</p>", "<div>", "<script>",
                  "<!--", "-->", "&#1;", "&#x0;", "<br/>", "<?xml ?>", "<html>",
                  "\x1b", "\x85", "\x9b", "\ud800", "\udfff", "&#xD800;", "&#x1b;"]
_MARKUP = st.lists(st.sampled_from(_MARKUP_PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(_MARKUP)
def test_any_markup_gives_clean_text(markup: str) -> None:
    text = html_to_text(markup)
    assert "\x00" not in text and "\x01" not in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    assert all(line == line.strip() and line for line in text.split("\n")) or text == ""


# libxml2 refuses a text node over 10,000,000 bytes unless told the tree is
# huge, and stops there without an error: one such paragraph in a page.
LONG_PARAGRAPH = "وقال الوزير إن العمل مستمر " * 230_000  # 11.5 MB of UTF-8


@pytest.mark.parametrize("where", ["page", "fragment"])
def test_a_paragraph_past_ten_megabytes_keeps_the_paragraphs_after_it(
        tmp_path: Path, where: str) -> None:
    # Was: the article ended before the long paragraph, imported as whole.
    assert len(LONG_PARAGRAPH.encode()) > 10_000_000
    markup = (f"<p>افتتحت البلدية المكتبة العامة.</p><p>{LONG_PARAGRAPH}</p>"
              "<p>وختم الوزير كلمته بالشكر.</p>")
    if where == "fragment":
        text = html_to_text(markup)
    else:
        page = tmp_path / "long.html"
        page.write_text(f"<html><head><title>المكتبة العامة</title></head><body>{markup}"
                        "</body></html>", encoding="utf-8")
        [article] = read_file(page)
        text = article.body
    assert text.startswith("افتتحت البلدية المكتبة العامة.")
    assert text.endswith("وختم الوزير كلمته بالشكر.")
    assert LONG_PARAGRAPH.strip() in text


def test_a_page_nested_past_libxml2s_default_depth_keeps_all_its_text(tmp_path: Path) -> None:
    # Was: past 256 levels trafilatura's parser stopped reading, and the
    # article ended after its first paragraph, imported as whole.
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><head><title>المكتبة العامة</title></head><body>"
        "<p>افتتحت البلدية المكتبة العامة في وسط المدينة صباح اليوم بحضور الوزير.</p>"
        + "<div>" * 300 + "<p>وقال الوزير إن المكتبة تضم عشرة آلاف كتاب.</p>" + "</div>" * 300
        + "<p>وختم الحفل بالنشيد الوطني وسط تصفيق الحاضرين.</p></body></html>",
        encoding="utf-8")
    [article] = read_file(page)
    assert article.body.split("\n") == [
        "افتتحت البلدية المكتبة العامة في وسط المدينة صباح اليوم بحضور الوزير.",
        "وقال الوزير إن المكتبة تضم عشرة آلاف كتاب.",
        "وختم الحفل بالنشيد الوطني وسط تصفيق الحاضرين."]
