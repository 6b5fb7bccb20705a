"""The Arabic text engine: pure functions on str, no Qt, no I/O.

Offsets in and out are Python str indices (code points) into the original
text, end exclusive. Folded text never leaves this package except through
``Folded``, whose ``span`` maps back to the original.
"""

from reader.text.direction import is_rtl, paragraph_directions
from reader.text.find import find
from reader.text.fold import Folded, fold, fold_text
from reader.text.highlights import ENGINE_VERSION, find_highlights
from reader.text.hits import ArticleHits, FieldHits, Hits
from reader.text.spans import KINDS, TEXT_FIELDS, Highlight, Match

__all__ = [
    "ENGINE_VERSION",
    "KINDS",
    "TEXT_FIELDS",
    "ArticleHits",
    "FieldHits",
    "Folded",
    "Highlight",
    "Hits",
    "Match",
    "find",
    "find_highlights",
    "fold",
    "fold_text",
    "is_rtl",
    "paragraph_directions",
]
