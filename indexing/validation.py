"""Queries are user input: reject what cannot be a question before any model sees it."""

from __future__ import annotations

# The longest question accepted anywhere: a search query, and a chat message, which is
# searched as a query (assistant.safety.MAX_MESSAGE_CHARS is this same limit).
MAX_QUERY_CHARS = 2000


class QueryError(ValueError):
    pass


def check_query(text: object) -> str:
    if not isinstance(text, str):
        raise QueryError("the query must be text")
    if "\x00" in text or sum(not (ch.isprintable() or ch.isspace()) for ch in text) > 3:
        raise QueryError("the query looks like binary data")
    stripped = text.strip()
    if not stripped:
        raise QueryError("the query is empty")
    if len(stripped) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    return stripped
