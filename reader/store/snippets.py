"""Hits and snippets of a library search, in ORIGINAL text offsets.

FTS5 only says which articles match; its ``snippet()`` would return the
folded text it indexed. Here each field is folded with its offset map
(``reader.text.fold``), the query's terms are matched token by token in the
folded text, and every hit is mapped back through ``Folded.span``: offsets
are str indices into the original field, end exclusive (DESIGN decision 2).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reader.store.query import TOKEN, Term
from reader.text import fold
from reader.text.spans import TEXT_FIELDS

MAX_HITS = 200
"""Hits reported per article (a common word can occur hundreds of times)."""

SNIPPET_CHARS = 160


@dataclass(frozen=True, slots=True)
class Snippet:
    """``text == original[field][start:start + len(text)]``; ``marks`` index ``text``."""

    field: str
    start: int
    text: str
    marks: tuple[tuple[int, int], ...]


def find_hits(fields: Mapping[str, str], terms: Sequence[Term], *,
              transform: Callable[[str], str] | None = None
              ) -> list[tuple[str, int, int]]:
    """Every match of ``terms`` in ``fields`` as ``(field, start, end)``.

    Fields come in reading order (``TEXT_FIELDS``), hits in text order within
    a field; at most ``MAX_HITS``. A hit ends after the combining marks (and
    tatweel) that follow its last letter. ``transform`` (the stemmer) is applied to
    whole tokens of both sides; the last token of a prefix term is compared
    as a prefix of the unstemmed text token.
    """
    hits: list[tuple[str, int, int]] = []
    for name in TEXT_FIELDS:
        text = fields.get(name, "")
        if not text:
            continue
        folded = fold(text)
        if transform is None:
            spans = _pattern_spans(folded.text, terms)
        else:
            spans = _token_spans(folded.text, terms, transform)
        for fstart, fend in sorted(spans):
            start, end = folded.span(fstart, fend)
            # A hit takes the marks after its last letter, as find does
            # (DESIGN decision 3): the reader sees them as part of the letter.
            while end < len(text) and _is_mark(text[end]):
                end += 1
            hits.append((name, start, end))
            if len(hits) >= MAX_HITS:
                return hits
    return hits


def _token_spans(folded: str, terms: Sequence[Term],
                 transform: Callable[[str], str] | None) -> set[tuple[int, int]]:
    """(start, end) in ``folded`` of every run of index tokens matching a term,
    ``transform`` applied to whole tokens of both sides: the general walk."""
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]
    keys = [t[0] for t in tokens] if transform is None else [transform(t[0]) for t in tokens]
    spans: set[tuple[int, int]] = set()
    for term in terms:
        wanted = [t if transform is None else transform(t) for t in term.tokens]
        n = len(wanted)
        if n == 1 and term.prefix:  # the token as written starts with the word (or its forms)
            starts = term.forms() if transform is None else term.tokens
            spans.update((t[1], t[2]) for t in tokens if t[0].startswith(starts))
            continue
        if n == 1:  # one word: a plain comparison of keys (the plain index: its glued forms)
            forms = set(term.forms()) if transform is None else {wanted[0]}
            spans.update((tokens[i][1], tokens[i][2])
                         for i, key in enumerate(keys) if key in forms)
            continue
        for i in range(len(tokens) - n + 1):
            if _matches(tokens, keys, i, wanted, term):
                spans.add((tokens[i][1], tokens[i + n - 1][2]))
    return spans


def _pattern_spans(folded: str, terms: Sequence[Term]) -> set[tuple[int, int]]:
    """``_token_spans`` without a transform, by one regex per term: a token
    is a maximal run of ``[^\\W_]``, tokens of a phrase are separated by
    anything else; the lookahead makes matches overlap as the walk's do.
    Half the cost of a search's hits and snippets goes away (no tuple per token)."""
    spans: set[tuple[int, int]] = set()
    for term in terms:
        if len(term.tokens) == 1:  # a word, with the proclitics it may carry
            body = "(?:" + "|".join(map(re.escape, reversed(term.forms()))) + ")"
        else:
            body = r"[\W_]+".join(re.escape(t) for t in term.tokens)
        tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
        pattern = re.compile(rf"(?<![^\W_])(?=({body}{tail}))")
        spans.update(m.span(1) for m in pattern.finditer(folded))
    return spans


def _is_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch)[0] == "M"


def _matches(tokens: list[tuple[str, int, int]], keys: list[str], i: int,
             wanted: list[str], term: Term) -> bool:
    last = len(wanted) - 1
    for k, want in enumerate(wanted):
        if k == last and term.prefix:
            if not tokens[i + k][0].startswith(term.tokens[-1]):
                return False
        elif keys[i + k] != want:
            return False
    return True


def make_snippet(fields: Mapping[str, str], hits: Sequence[tuple[str, int, int]], *,
                 width: int = SNIPPET_CHARS) -> Snippet:
    """A window of about ``width`` characters of one paragraph, holding the
    most hits, cut at spaces; a plain substring of the original field.

    With hits in the body, the snippet comes from the body (the title is shown
    beside it anyway); otherwise from the first field that has a hit; with no
    hits at all, the start of the body.
    """
    fields_hit = [h for h in hits if h[0] == "body"]
    if not fields_hit and hits:
        fields_hit = [h for h in hits if h[0] == hits[0][0]]
    if not fields_hit:
        body = fields.get("body", "")
        para_end = _para_end(body, 0)
        end = _cut_end(body, min(para_end, width), para_end, 0)
        return Snippet("body", 0, body[:end], ())
    name = fields_hit[0][0]
    text = fields[name]
    best: tuple[int, int] | None = None  # (count, index of first hit)
    for i, (_, s, _e) in enumerate(fields_hit):
        para_end = _para_end(text, s)
        count = sum(1 for (_, s2, e2) in fields_hit[i:]
                    if e2 <= min(s + width, para_end) and s2 >= s)
        if best is None or count > best[0]:
            best = (count, i)
    assert best is not None
    _, first_s, first_e = fields_hit[best[1]]
    para_start = text.rfind("\n", 0, first_s) + 1
    para_end = _para_end(text, first_s)
    # A little context before the first hit, the rest after it.
    start = max(para_start, first_s - width // 4)
    if start > para_start:
        space = text.find(" ", start, first_s)
        start = space + 1 if space >= 0 else first_s
    end = _cut_end(text, min(para_end, max(start + width, first_e)), para_end, first_e)
    marks = tuple((s - start, e - start) for (_, s, e) in fields_hit
                  if s >= start and e <= end)
    return Snippet(name, start, text[start:end], marks)


def _para_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _cut_end(text: str, end: int, para_end: int, floor: int) -> int:
    """Move ``end`` back to a space at or after ``floor`` so no word is cut."""
    if end >= para_end:
        return para_end
    space = text.rfind(" ", floor, end + 1)
    return space if space > floor else end
