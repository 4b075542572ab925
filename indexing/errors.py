"""What can go wrong with the index, in a module that loads nothing heavy: a caller that
only reports these errors need not import Qdrant's client."""

from __future__ import annotations


class IndexUnavailable(RuntimeError):
    """The index cannot be opened; the message names the fix."""


class IndexDamaged(IndexUnavailable):
    """The embedded index directory exists but cannot be read."""
