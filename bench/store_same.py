"""Prove that a change to the import left what it stores as it was.

    .venv/bin/python bench/store_same.py STORE_A STORE_B

Compares two stores made by importing the same files (say, one by the
version before a change and one after): every article column but the time
of import, every highlight, the list keys and counts, and both full-text
indexes entry by entry (term, article, column, position, through FTS5's
``fts5vocab`` instance tables, so a contentless index is compared by what
it holds, not by how its segments happen to be laid out), and the meta
rows that describe the indexes. Prints one line per part, ``same`` or the
first difference; exit status 1 when any part differs.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

PARTS: dict[str, str] = {
    "articles": "SELECT * FROM articles ORDER BY id",
    "highlights": "SELECT * FROM highlights ORDER BY id",
    "meta": "SELECT key, value FROM meta WHERE key IN ('stemmer', 'fold') ORDER BY key",
    "articles_fts": "SELECT term, doc, col, offset FROM temp.fts_vocab ORDER BY 1, 2, 3, 4",
    "articles_stem": "SELECT term, doc, col, offset FROM temp.stem_vocab ORDER BY 1, 2, 3, 4",
}
SKIPPED = {"imported_at"}
"""Columns that differ between two imports of the same files by design."""


def rows(store: Path, part: str) -> Iterator[tuple[object, ...]]:
    con = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The vocab tables live in the temporary schema: the stores stay untouched.
        con.execute("CREATE VIRTUAL TABLE temp.fts_vocab USING fts5vocab(main, articles_fts, "
                    "instance)")
        con.execute("CREATE VIRTUAL TABLE temp.stem_vocab USING fts5vocab(main, articles_stem, "
                    "instance)")
        cur = con.execute(PARTS[part])
        keep = [i for i, d in enumerate(cur.description) if d[0] not in SKIPPED]
        for row in cur:
            yield tuple(row[i] for i in keep)
    finally:
        con.close()


def compare(a: Path, b: Path, part: str) -> str:
    digest, count = hashlib.sha256(), 0
    for count, (left, right) in enumerate(zip(rows(a, part), rows(b, part), strict=False), 1):
        if left != right:
            return f"differs at row {count}: {left!r:.200} / {right!r:.200}"
        digest.update(repr(left).encode())
    sizes = [sum(1 for _ in rows(s, part)) for s in (a, b)]
    if sizes[0] != sizes[1]:
        return f"differs: {sizes[0]} rows / {sizes[1]} rows"
    return f"same ({count} rows, sha256 {digest.hexdigest()[:16]})"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    a, b = map(Path, argv)
    differ = False
    for part in PARTS:
        line = compare(a, b, part)
        differ |= not line.startswith("same")
        print(f"{part:<14} {line}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
