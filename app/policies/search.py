"""Finding documents: titles, numbers, keywords and pinyin in memory; full texts with SQLite FTS5.

Two indexes, because Chinese queries are short:

* **Metadata, in memory** (``app.catalogue.search.SearchIndex``, the catalogue's index): title, the
  title's pinyin (full and initials), 发文字号 (as written and with its brackets dropped, so
  ``济政办发〔2023〕12号``, ``济政办发[2023]12号`` and ``济政办发2023 12号`` all find it), issuer,
  keywords and domain. It answers queries of any length — one and two characters included (低保, 医保) —
  and pinyin initials (``zdshbz``). It is a few hundred bytes per document and is rebuilt when the
  table's newest ``updated_at`` or highest id changes.
* **Full text, FTS5 trigram** (``policy_fts``, made by migration 0013 with triggers keeping it current):
  a term of three or more characters is a phrase query. A two-character term, which a trigram index
  cannot look up directly, is expanded through the index's vocabulary (``policy_fts_vocab``) into the
  trigrams that begin with it (低保 → 低保金 OR 低保户 OR …): every occurrence of the term that is not
  the very last two characters of a text begins one of them. One-character terms search metadata only.

Metadata hits come first (newest document first), then text hits, the most recently added first: FTS5
can hand those over in rowid order and stop at the limit, whereas ranking by bm25 scores every match
(a phrase common to most of 20,000 texts took 200 ms that way). A filter (domain, issuer, year,
validity) applies to both. bench/policy_search.py times it over 20,000 documents.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.catalogue.search import IndexedItem, SearchIndex
from app.policies.values import PUBLISHED, VALID, SearchFilters
from db.models import PolicyDocument

_BRACKETS = re.compile(r"[\s〔〕\[\]［］()（）【】第]")
#: Most trigrams a two-character term is expanded into (a very common pair is then searched by the
#: most frequent documents' trigrams only; the metadata index still answers it in full).
MAX_EXPANSION = 300


def fold(text_: str) -> str:
    """NFKC (full-width digits and letters to ASCII) and lower case, as both index and query are kept."""
    return unicodedata.normalize("NFKC", text_).lower()


def number_key(number: str) -> str:
    """A 发文字号 without spaces, brackets or 第: 济政办发〔2023〕12号 → 济政办发202312号."""
    return _BRACKETS.sub("", fold(number))


@dataclass(frozen=True)
class Facts:
    """What filters need to know about a document without loading it."""

    domain: str
    issuer: str
    year: int | None
    validity: str
    status: str

    def passes(self, f: SearchFilters) -> bool:
        if f.domain and self.domain != f.domain:
            return False
        if f.issuer and self.issuer != f.issuer:
            return False
        if f.year is not None and self.year != f.year:
            return False
        if f.validity == "current":
            if self.validity != VALID:
                return False
        elif f.validity and self.validity != f.validity:
            return False
        return not (f.published_only and self.status != PUBLISHED)


class PolicySearch:
    """The two indexes over one database; thread-safe (the window searches on a worker thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token: tuple[object, object] | None = None
        self._index: SearchIndex[int] | None = None
        self._facts: dict[int, Facts] = {}

    # -- the metadata index -------------------------------------------------------------------------

    def _current(self, session: Session) -> tuple[SearchIndex[int], dict[int, Facts]]:
        # Two single-aggregate queries: SQLite answers each from its index's last entry (a combined
        # query, or a count, would scan the table). Rows are never deleted, so a new row raises the
        # highest id and a changed row (updated_at set on every write) the newest time.
        token = (
            session.execute(select(func.max(PolicyDocument.id))).scalar(),
            session.execute(select(func.max(PolicyDocument.updated_at))).scalar(),
        )
        with self._lock:
            if self._index is None or token != self._token:
                self._index, self._facts = _build(session)
                self._token = token
            return self._index, self._facts

    def invalidate(self) -> None:
        with self._lock:
            self._token = None

    # -- searching ----------------------------------------------------------------------------------

    def search(
        self, session: Session, query: str, filters: SearchFilters, limit: int = 50
    ) -> list[tuple[int, str, str]]:
        """(document id, "title" | "text", snippet) of the best ``limit`` hits."""
        terms = [_term(t) for t in fold(query).split()]
        terms = [t for t in terms if t]
        if not terms or limit <= 0:
            return []
        index, facts = self._current(session)
        out: list[tuple[int, str, str]] = []
        seen: set[int] = set()
        for doc_id in index.search(" ".join(terms), limit=max(limit * 20, 1000)):
            if doc_id not in seen and facts[doc_id].passes(filters):
                seen.add(doc_id)
                out.append((doc_id, "title", ""))
                if len(out) >= limit:
                    return out
        match = self._match_expression(session, terms)
        if match is None:
            return out
        for doc_id, snippet in self._text_hits(session, match, filters, limit - len(out), seen):
            out.append((doc_id, "text", snippet))
        return out

    def _match_expression(self, session: Session, terms: list[str]) -> str | None:
        parts = []
        for term in terms:
            if len(term) >= 3:
                parts.append(_phrase(term))
            elif len(term) == 2:
                grams = session.execute(
                    text(
                        "SELECT term FROM policy_fts_vocab WHERE term >= :lo AND term < :hi "
                        "ORDER BY doc DESC LIMIT :n"
                    ),
                    {"lo": term, "hi": term + "\U0010ffff", "n": MAX_EXPANSION},
                ).scalars()
                alternatives = [_phrase(g) for g in grams if len(g) == 3]
                if not alternatives:
                    return None
                parts.append("(" + " OR ".join(alternatives) + ")")
            else:
                return None  # one character: no full-text form; metadata has answered
        return " AND ".join(parts)

    def _text_hits(
        self, session: Session, match: str, f: SearchFilters, limit: int, seen: set[int]
    ) -> list[tuple[int, str]]:
        if limit <= 0:
            return []
        where = ["policy_fts MATCH :match"]
        params: dict[str, object] = {"match": match, "n": limit + len(seen)}
        if f.domain:
            where.append("d.domain = :domain")
            params["domain"] = f.domain
        if f.issuer:
            where.append("d.issuer = :issuer")
            params["issuer"] = f.issuer
        if f.year is not None:
            where.append("COALESCE(d.published_on, d.written_on) BETWEEN :y0 AND :y1")
            params["y0"], params["y1"] = date(f.year, 1, 1).isoformat(), date(f.year, 12, 31).isoformat()
        if f.validity == "current":
            where.append("d.validity = 'valid'")
        elif f.validity:
            where.append("d.validity = :validity")
            params["validity"] = f.validity
        if f.published_only:
            where.append("d.status = 'published'")
        rows = session.execute(
            text(
                "SELECT d.id, snippet(policy_fts, 4, '【', '】', '…', 16) FROM policy_fts "
                "JOIN policy_document d ON d.id = policy_fts.rowid WHERE "
                + " AND ".join(where)
                + " ORDER BY policy_fts.rowid DESC LIMIT :n"
            ),
            params,
        ).all()
        out = []
        for doc_id, snippet in rows:
            if doc_id in seen:
                continue
            seen.add(doc_id)
            out.append((int(doc_id), _clean_snippet(snippet or "")))
            if len(out) >= limit:
                break
        return out


def _term(term: str) -> str:
    """A query term as the index keeps its values: a number without its brackets."""
    return number_key(term) if _BRACKETS.search(term) and re.search(r"\d", term) else term


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _clean_snippet(snippet: str) -> str:
    return " ".join(snippet.split())


def _build(session: Session) -> tuple[SearchIndex[int], dict[int, Facts]]:
    from app.catalogue.search import pinyin_forms  # pypinyin is loaded only when titles change

    rows = session.execute(
        select(
            PolicyDocument.id,
            PolicyDocument.title,
            PolicyDocument.doc_number,
            PolicyDocument.issuer,
            PolicyDocument.keywords,
            PolicyDocument.domain,
            PolicyDocument.title_pinyin,
            PolicyDocument.title_initials,
            PolicyDocument.published_on,
            PolicyDocument.written_on,
            PolicyDocument.validity,
            PolicyDocument.status,
        ).order_by(PolicyDocument.published_on.desc(), PolicyDocument.id.desc())
    ).all()
    items: list[IndexedItem] = []
    ids: list[int] = []
    facts: dict[int, Facts] = {}
    for r in rows:
        full, initials = r.title_pinyin, r.title_initials
        if not full and not initials:
            full, initials = pinyin_forms([r.title])
        keywords = r.keywords.strip("[]").replace('"', " ")
        items.append(
            IndexedItem(
                fold(r.title),
                f"{full}|{initials}",
                (fold(r.doc_number), number_key(r.doc_number), fold(r.issuer), fold(keywords), r.domain),
            )
        )
        ids.append(r.id)
        day = r.published_on or r.written_on
        facts[r.id] = Facts(r.domain, r.issuer, day.year if day else None, r.validity, r.status)
    return SearchIndex(items, ids, ()), facts
