"""How large a user's regular expression becomes once compiled.

The ``regex`` engine (and ``re``) lays a counted repeat out as that many
copies of what it repeats, up to its lower bound: ``a{99999999}`` asks for
gigabytes before a single character is matched, and the time limit on
matching never gets a chance to act (the process is killed for its memory).
``expanded_size`` estimates that layout from the pattern's text, so a
pattern can be refused before it is compiled.
"""

from __future__ import annotations

import re

MAX_EXPANDED_SIZE = 100_000
"""The largest ``expanded_size`` a search accepts: ``a{100000}`` compiles to
about 30 MB; a search in an article never needs a count above a few hundred."""

MAX_PATTERN_CHARS = 1_000
"""The longest regular expression a search runs. The ``regex`` engine looks
for a long literal in a way whose time grows with the square of its length
and more, without looking at its time limit: 2,000 characters took a second
on 5,000 characters of text, 8,000 over a minute on 1 MB, 60,000 never ended."""

_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
# What follows "(" before the group's content: (?: (?= (?! (?<= (?<! (?> (?|
# (?P<name> (?<name> (?i) (?i: ...; nothing for a plain group.
_GROUP_OPENING = re.compile(r"(?:\?(?:P?<(?![=!])[^>]*>|<[=!]|[:=!>|]|[a-zA-Z^-]*:?))?")
# Escapes whose argument is in braces (\p{L}, \N{NAME}, \x{41}): not a count.
_BRACED_ESCAPES = frozenset("pPNx")


def expanded_size(pattern: str) -> int:
    """An upper estimate of the number of pieces ``pattern`` compiles to.

    Every atom (a character, an escape, a class ``[...]``) counts 1; a group
    counts what it holds; a counted repeat ``{m}``, ``{m,}`` or ``{m,n}``
    multiplies what it follows by ``m`` (its lower bound, which the engine
    lays out whole; the rest is a loop), nested repeats multiply together.
    Branches of an alternation add up (an upper estimate). ``*``, ``+``
    and ``?`` repeat without copies. Any text is accepted: a malformed
    pattern gets an estimate too (compiling it then reports the error).
    """
    totals = [0]  # the size of each open group so far, innermost last
    lasts = [0]  # the size of the last atom of each open group
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        size = 1
        if ch == "\\":
            i += 2
            if i - 1 < n and pattern[i - 1] in _BRACED_ESCAPES and pattern[i:i + 1] == "{":
                i = _after(pattern, "}", i)
        elif ch == "[":
            i = _after_class(pattern, i)
        elif ch == "(" and pattern.startswith("(?#", i):
            i = _after(pattern, ")", i)
            continue
        elif ch == "(":
            totals.append(0)
            lasts.append(0)
            opening = _GROUP_OPENING.match(pattern, i + 1)
            i = opening.end() if opening else i + 1
            continue
        elif ch == ")" and len(totals) > 1:
            size = totals.pop()
            lasts.pop()
            i += 1
        elif ch == "{" and (count := _COUNT.match(pattern, i)) and count.group() != "{}" \
                and count.group() != "{,}":
            new = lasts[-1] * max(int(count.group(1) or 0), 1)
            totals[-1] += new - lasts[-1]
            lasts[-1] = new
            i = count.end()
            continue
        elif ch in "*+?":
            i += 1
            continue
        elif ch == "|":
            lasts[-1] = 0
            i += 1
            continue
        else:
            i += 1
        totals[-1] += size
        lasts[-1] = size
    return sum(totals)


def _after(pattern: str, close: str, i: int) -> int:
    """The index after the first ``close`` at or after ``i`` (the end if none)."""
    end = pattern.find(close, i)
    return len(pattern) if end < 0 else end + 1


def _after_class(pattern: str, i: int) -> int:
    """The index after the character class that opens at ``i``: a ``]``
    right after ``[`` or ``[^`` is a member, escapes are skipped."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return len(pattern)
