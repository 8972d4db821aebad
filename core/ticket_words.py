"""Words typed into a search or a table's filter, as one SQLite FTS5 match: every
word as a prefix, any case, diacritics folded (ł and l alike)."""

from __future__ import annotations

# Letters that the index's tokenizer (unicode61, remove_diacritics 2) keeps as they are,
# since Unicode gives them no base letter: "Głogowska" is indexed as "głogowska". A word
# typed without them also looks for them, so "glogowska" finds it.
_STROKED = {"l": "ł"}
_MAX_VARIANTS = 32


def words_of(text: str) -> list[str]:
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]


def words_match(text: str) -> str | None:
    """The FTS5 query for every word of `text`, or None when it holds no word."""
    return " AND ".join(match_term(w) for w in words_of(text)) or None


def match_term(word: str) -> str:
    base = word.lower().translate({ord(v): k for k, v in _STROKED.items()})
    spots = [i for i, ch in enumerate(base) if ch in _STROKED]
    variants = {base, word.lower()}
    if spots and 2 ** len(spots) <= _MAX_VARIANTS:
        for mask in range(1, 2 ** len(spots)):
            chars = list(base)
            for bit, i in enumerate(spots):
                if mask >> bit & 1:
                    chars[i] = _STROKED[chars[i]]
            variants.add("".join(chars))
    terms = [f'"{v}"*' for v in sorted(variants)]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"
