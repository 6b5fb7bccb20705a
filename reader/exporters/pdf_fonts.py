"""Searchable PDFs from Qt: every glyph of the bundled font maps back to its text.

Qt's PDF writer (``QPdfWriter``) builds each embedded font's ToUnicode map by
looking every glyph up in the font's ``cmap``: a glyph that only the shaper's
substitutions produce (GSUB) has no code point there, so the PDF says nothing
about its text. In Noto Naskh Arabic that is 560 of 1,602 glyphs, among them
both halves of every lam-alef (لا لأ لإ لآ: ``uniFEDF.rlig`` + ``uniFE8E.rlig``),
the mark pairs such as shadda with fatha, and the alternates of the digits:
``pdftotext`` gave "ا قتصاد" for الاقتصاد.

The way out, in two steps, keeps Qt's rendering glyph for glyph:

1. ``pdf_family`` registers, for the PDF only, a copy of each bundled face
   (made in memory with fontTools, renamed so Qt never confuses it with the
   app's font) whose ``cmap`` also sends one Private Use Area code point to
   each glyph that had none; the GSUB tables are untouched, so HarfBuzz
   shapes exactly as before, and Qt now writes those PUA code points into
   the ToUnicode map.
2. ``restore_text`` then replaces each PUA value in the written PDF with the
   glyph's real text, found by walking the font's substitutions backwards
   (a ligature's text is its components' text; a substituted glyph's text is
   its source's), as an incremental update of the ToUnicode streams.

Without fontTools (a broken install) the PDF is written with the plain font,
as before: it looks the same and loses lam-alef to search and copy.

The ways weighed (issue 17), on quality, install size and platforms:

- *A font whose ligatures map back*: Noto Naskh builds lam-alef from two
  glyphs that no code point reaches, and the BMP has no spare code points
  whose NFKC is ل or ا, so no ``cmap`` edit alone can map them back; fonts
  built the simpler way (DejaVu Sans: one glyph, reached from U+FEFB) are not
  book faces for Arabic news, and each font needs its own check.
- *WeasyPrint on the HTML export* extracted these lines intact when tried
  (Pango and HarfBuzz shape; it writes ToUnicode from the clusters), but
  WeasyPrint 70 with what it pulls in (Pillow, fontTools, cffi, tinycss2,
  pydyf, brotli ...) took 75 MB in a fresh environment here, it needs the
  system's Pango (absent from Windows and macOS unless installed apart), it
  lays a whole document out in memory (a 10,000-article export at once), and
  the page would look like the HTML export, not like the app.
- *Writing the text layer ourselves* (invisible text over glyphs drawn as
  outlines) means our own line positions, a PDF several times larger, and
  text that no longer matches what is drawn where the two layouts differ.
- *Turning the ligature off* (``rlig``) is wrong: lam-alef is required in
  Arabic, and a lam followed by a separate alef is misspelt.
- *This module* (chosen): no system dependency, fontTools (on every platform
  Qt runs on; 30 MB installed with its optional compiled parts) and about
  0.3 s per face once per process; the PDF draws every glyph where it did
  (``tests/exporters/test_pdf.py`` compares the pixels), plus a few kB.

Left as it is: vowel marks come back, but poppler may hang one on the letter
beside its own (اِقْرَأْ can read ِاْقَرْأ); search folds marks away. The
optional ligature الله stays off in the PDF, as a glyph of several letters
comes back out of order.
"""

from __future__ import annotations

import copy
import io
import mmap
import re
import unicodedata
from pathlib import Path
from typing import Any

from reader.resources import resource_path

PDF_FAMILY = "Noto Naskh Arabic PDF"
"""The family name of the PDF-only copies (never the app's family)."""

FACES: tuple[tuple[str, int], ...] = (
    ("NotoNaskhArabic-Regular.ttf", 0xE000),
    ("NotoNaskhArabic-Bold.ttf", 0xEC00),
)
"""Each bundled face with the first Private Use Area code point of its range
(3,072 each: far more than the glyphs either face lacks)."""

PUA_END = 0xF8FF

_state: dict[str, Any] = {}


def glyph_texts(font: Any) -> dict[str, str]:
    """The text each glyph of ``font`` (a fontTools ``TTFont``) stands for:
    from the ``cmap`` (NFKC, so a presentation form gives its letter), then
    through the GSUB substitutions until nothing changes. Glyphs with no
    known text (parts of composite glyphs, marks made by decomposition
    beyond the first) are absent."""
    texts: dict[str, str] = {}
    cmap = font.getBestCmap()
    for code in sorted(cmap):
        texts.setdefault(cmap[code], unicodedata.normalize("NFKC", chr(code)))
    if "GSUB" not in font:
        return texts
    subtables = []
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:  # extension: the real subtable inside
                kind, sub = sub.ExtSubTable.LookupType, sub.ExtSubTable
            subtables.append((kind, sub))
    changed = True
    while changed:
        changed = False
        for kind, sub in subtables:
            for glyph, text in _produced(kind, sub, texts):
                if glyph not in texts:
                    texts[glyph] = text
                    changed = True
    return {glyph: text for glyph, text in texts.items() if text}


LAM = "\u0644"
SHARE = 250
"""Font units (of 1,000 to the em) of its lam part's advance that a lam-alef's
alef part takes in the PDF copy (``share_lam_alef_width``)."""


def share_lam_alef_width(font: Any, texts: dict[str, str]) -> bool:
    """Give each lam-alef's alef part a width of its own, drawing it exactly
    where it was.

    Noto Naskh draws lam-alef as two glyphs: the lam part, which has all the
    width, and the alef part, drawn over it with no advance. A reader of the
    PDF (pdftotext, a viewer's search and copy: poppler's text layout) boxes
    each character by its glyph's advance, and a letter with no width falls
    out of its line. So in the PDF copy the alef part advances ``SHARE``
    units and the lam part ``SHARE`` fewer, its outline and its mark anchors
    moved back by as much: every glyph lands where it did, and each half
    carries its own letter in the text. Returns False (and changes nothing)
    when the font is built otherwise."""
    hmtx, glyf = font["hmtx"], font["glyf"]
    reached = set(font.getBestCmap().values())
    alef_parts = [g for g, text in texts.items()
                  if g not in reached and text and hmtx[g][0] == 0
                  and not unicodedata.combining(text[0])]
    lam_parts = [g for g, text in texts.items()
                 if g not in reached and text == LAM and hmtx[g][0] > 2 * SHARE]
    if not alef_parts or not lam_parts or any(glyf[g].isComposite() for g in lam_parts):
        return False
    anchors = _base_anchors(font, set(lam_parts))
    if anchors is None:
        return False
    for glyph in alef_parts:
        hmtx[glyph] = (SHARE, hmtx[glyph][1])
    for glyph in lam_parts:
        outline = glyf[glyph]
        if outline.numberOfContours > 0:
            outline.coordinates.translate((-SHARE, 0))
            outline.recalcBounds(glyf)
        advance, _ = hmtx[glyph]
        hmtx[glyph] = (advance - SHARE, getattr(outline, "xMin", 0))
    for anchor in anchors:
        anchor.XCoordinate -= SHARE
    return True


MIRRORED = {"«": "»", "»": "«", "‹": "›", "›": "‹", "(": ")", ")": "(", "[": "]", "]": "[",
            "{": "}", "}": "{", "<": ">", ">": "<"}
"""Characters an Arabic line draws with their mirror's glyph (Bidi_Mirrored
pairs), those of them a face may hold."""


def mirror_in_arabic(font: Any, texts: dict[str, str]) -> bool:
    """Give the glyphs of ``MIRRORED`` characters a twin that Arabic text
    uses, whose text is the mirror's (in ``texts``): « in an Arabic line is
    drawn with the glyph of », which the PDF's text map calls », so a copy
    or a search of a quotation read »الجمهورية« for «الجمهورية». A single
    substitution, added to the Arabic script's own ``ccmp`` feature, swaps
    each glyph for its twin, which draws the same outline at the same
    advance; a bracket of a Latin line keeps its glyph and its text.
    Returns False (and changes nothing) when the face has none of those
    characters in pairs or no ``ccmp`` of the Arabic script alone."""
    from fontTools.ttLib.tables import otTables

    cmap = font.getBestCmap()
    pairs = {cmap[ord(c)]: m for c, m in MIRRORED.items()
             if ord(c) in cmap and ord(m) in cmap}
    if not pairs or "GSUB" not in font:
        return False
    gsub = font["GSUB"].table
    arabic: set[int] = set()
    others: set[int] = set()
    for record in gsub.ScriptList.ScriptRecord:
        systems = [record.Script.DefaultLangSys,
                   *(r.LangSys for r in record.Script.LangSysRecord)]
        used = {i for system in systems if system is not None for i in system.FeatureIndex}
        (arabic if record.ScriptTag == "arab" else others).update(used)
    features = [gsub.FeatureList.FeatureRecord[i].Feature for i in sorted(arabic - others)
                if gsub.FeatureList.FeatureRecord[i].FeatureTag == "ccmp"]
    if not features:
        return False
    glyf, hmtx = font["glyf"], font["hmtx"]
    twins = {glyph: f"{glyph}.rtl" for glyph in pairs}
    order = font.getGlyphOrder()
    for glyph, twin in twins.items():
        glyf.glyphs[twin] = copy.deepcopy(glyf[glyph])
        hmtx[twin] = hmtx[glyph]
        texts[twin] = pairs[glyph]
    font.setGlyphOrder([*order, *twins.values()])
    glyf.glyphOrder = font.getGlyphOrder()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef is not None:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        classes.update({twin: classes[glyph] for glyph, twin in twins.items() if glyph in classes})
    swap = otTables.SingleSubst()
    swap.mapping = twins
    lookup = otTables.Lookup()
    lookup.LookupType, lookup.LookupFlag, lookup.SubTable, lookup.SubTableCount = 1, 0, [swap], 1
    gsub.LookupList.Lookup.append(lookup)
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    for feature in features:
        feature.LookupListIndex.append(len(gsub.LookupList.Lookup) - 1)
        feature.LookupCount = len(feature.LookupListIndex)
    return True


def _base_anchors(font: Any, glyphs: set[str]) -> list[Any] | None:
    """The mark-to-base anchors of ``glyphs`` in GPOS; None when GPOS places
    them any other way (kerning, cursive joins ...), which moving the glyph
    would upset."""
    if "GPOS" not in font:
        return []
    anchors: list[Any] = []
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 9:  # extension
                kind, sub = sub.ExtSubTable.LookupType, sub.ExtSubTable
            if kind == 4:
                bases = sub.BaseCoverage.glyphs
                for index, glyph in enumerate(bases):
                    if glyph in glyphs:
                        record = sub.BaseArray.BaseRecord[index]
                        anchors += [a for a in record.BaseAnchor if a is not None]
                continue
            for name in ("Coverage", "MarkCoverage", "Mark1Coverage", "Mark2Coverage",
                         "LigatureCoverage"):
                coverage = getattr(sub, name, None)
                if coverage is not None and glyphs & set(coverage.glyphs):
                    return None
            if (kind == 2 and getattr(sub, "Format", 0) == 2
                    and glyphs & set(sub.ClassDef2.classDefs)):
                return None
    return anchors


def _produced(kind: int, sub: Any, texts: dict[str, str]) -> list[tuple[str, str]]:
    """``(glyph, text)`` for what one GSUB subtable makes from glyphs of known text."""
    out: list[tuple[str, str]] = []
    if kind == 1:  # single
        out += [(b, texts[a]) for a, b in sub.mapping.items() if a in texts]
    elif kind == 2:  # multiple: the first glyph carries the text
        for a, sequence in sub.mapping.items():
            if a in texts and sequence:
                out.append((sequence[0], texts[a]))
                out += [(g, "") for g in sequence[1:]]
    elif kind == 3:  # alternate
        for a, alternates in sub.alternates.items():
            if a in texts:
                out += [(b, texts[a]) for b in alternates]
    elif kind == 4:  # ligature
        for first, ligatures in sub.ligatures.items():
            for ligature in ligatures:
                parts = [first, *ligature.Component]
                if all(p in texts for p in parts):
                    out.append((ligature.LigGlyph, "".join(texts[p] for p in parts)))
    return out


def searchable_face(path: Path, first: int) -> tuple[bytes, dict[int, str]]:
    """The font at ``path`` renamed to ``PDF_FAMILY``, its ``cmap`` sending
    a Private Use Area code point from ``first`` on to every glyph that has a
    text but no code point; with the map from those code points to the text."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    reached = set(font.getBestCmap().values())
    texts = glyph_texts(font)
    share_lam_alef_width(font, texts)
    mirror_in_arabic(font, texts)
    extra: dict[int, str] = {}
    glyphs: dict[int, str] = {}
    code = first
    for glyph in font.getGlyphOrder():
        if glyph in reached or glyph not in texts:
            continue
        if code > PUA_END:
            break
        glyphs[code], extra[code] = glyph, texts[glyph]
        code += 1
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update(glyphs)
    style = "Bold" if font["OS/2"].usWeightClass >= 600 else "Regular"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = PDF_FAMILY
        elif record.nameID == 4:
            record.string = f"{PDF_FAMILY} {style}"
        elif record.nameID == 6:
            record.string = f"{PDF_FAMILY.replace(' ', '')}-{style}"
    data = io.BytesIO()
    font.save(data)
    return data.getvalue(), extra


def pdf_family() -> str | None:
    """Register the searchable copies of the bundled faces with Qt (once per
    process) and return their family; None when they cannot be made (no
    fontTools, a missing or unreadable font file), so the caller keeps the
    plain font."""
    if "family" in _state:
        return _state["family"]  # type: ignore[no-any-return]
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase

    family: str | None = None
    texts: dict[int, str] = {}
    try:
        for name, first in FACES:
            data, extra = searchable_face(resource_path("fonts", name), first)
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
            if font_id < 0:
                raise OSError(f"Qt refused the PDF copy of {name}")
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
            texts.update(extra)
    except (ImportError, OSError, KeyError, ValueError):
        family, texts = None, {}
    _state["family"], _state["texts"] = family, texts
    return family


def pua_texts() -> dict[int, str]:
    """The text of each Private Use Area code point ``pdf_family`` handed out."""
    pdf_family()
    return dict(_state.get("texts") or {})


_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def parse_cmap(body: bytes) -> dict[int, str]:
    """The ``CID -> text`` entries of a ToUnicode CMap (bfrange and bfchar)."""
    entries: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.S):
        for low, high, target in _RANGE.findall(block):
            start, end = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for i, value in enumerate(_HEX.findall(target)):
                    entries[start + i] = _utf16(value)
            else:
                first = _utf16(target[1:-1])
                for i in range(end - start + 1):
                    entries[start + i] = first[:-1] + chr(ord(first[-1]) + i)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.S):
        for cid, value in _CHAR.findall(block):
            entries[int(cid, 16)] = _utf16(value)
    return entries


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", "replace")


def write_cmap(entries: dict[int, str]) -> bytes:
    """A ToUnicode CMap with one bfchar entry per CID (100 to a block, the limit)."""
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange"]
    items = sorted(entries.items())
    for i in range(0, len(items), 100):
        block = items[i:i + 100]
        lines.append(b"%d beginbfchar" % len(block))
        lines += [b"<%04X> <%s>" % (cid, text.encode("utf-16-be").hex().upper().encode())
                  for cid, text in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines) + b"\n"


def _letters(t: str) -> str:
    """An Arabic presentation form (U+FB50-FDFF, U+FE70-FEFF) as the letters
    it shows (NFKC: ﺎ is ا); any other character as it is."""
    return unicodedata.normalize("NFKC", t) if "\ufb50" <= t <= "\ufeff" else t


def restore_text(path: Path, texts: dict[int, str] | None = None) -> int:
    """Give the glyphs that Qt mapped to Private Use Area code points their
    real text in the PDF at ``path`` (``texts``: code point -> text, by
    default what ``pdf_family`` handed out), and those it mapped to Arabic
    presentation forms (the font's ``cmap`` lists ﺎ for the final alef) the
    letters they show, so a copy or a search finds ا, not U+FE8E; appending the corrected
    ToUnicode streams as an incremental update. Returns how many entries
    changed (0: the file is left as it was)."""
    texts = pua_texts() if texts is None else texts
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as pdf:
        replaced: dict[int, bytes] = {}
        changed = 0
        for number in sorted({int(n) for n in _TO_UNICODE.findall(pdf)}):
            header = re.compile(rb"\n%d 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % number)
            definitions = list(header.finditer(pdf))
            if not definitions:
                continue
            found = definitions[-1]  # the last definition is the one in force
            body = pdf[found.end():found.end() + int(found.group(1))]
            entries = parse_cmap(body)
            fixed = {cid: texts.get(ord(t), _letters(t)) if len(t) == 1 else t
                     for cid, t in entries.items()}
            count = sum(fixed[cid] != entries[cid] for cid in entries)
            if count:
                changed += count
                replaced[number] = write_cmap(fixed)
        if not replaced:
            return 0
        starts = re.findall(rb"startxref\s+(\d+)", pdf)
        trailers = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)
        if not starts or not trailers:
            return 0
        previous, trailer = int(starts[-1]), re.sub(rb"/Prev\s+\d+", b"", trailers[-1])
        size = len(pdf)
        ends_with_newline = pdf[-1:] == b"\n"
    update = bytearray(b"" if ends_with_newline else b"\n")
    offsets: dict[int, int] = {}
    for number, body in replaced.items():
        offsets[number] = size + len(update)
        update += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(body))
        update += body + b"endstream\nendobj\n"
    xref = size + len(update)
    update += b"xref\n"
    for number, offset in sorted(offsets.items()):
        update += b"%d 1\n%010d 00000 n \n" % (number, offset)
    update += b"trailer\n<<" + trailer.rstrip() + b"\n/Prev %d\n>>\n" % previous
    update += b"startxref\n%d\n%%%%EOF\n" % xref
    with path.open("ab") as f:
        f.write(update)
    return changed
