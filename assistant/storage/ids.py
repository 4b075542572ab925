"""Unguessable identifiers for conversations and disclosures.

A conversation id is the only key to a conversation's history and a disclosure id is
shared with teachers, so neither may be sequential or guessable: 128 random bits from
the OS CSPRNG, URL-safe (22 characters).
"""

from __future__ import annotations

import secrets

TOKEN_BYTES = 16


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)
