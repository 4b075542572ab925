"""Conversations, messages and section 19 disclosure records, one short transaction each.

Every public method is a single transaction: either everything it writes is committed or
nothing is. Writers take the write lock at BEGIN (SQLite BEGIN IMMEDIATE) and wait up to
the busy timeout; if the lock is still busy the whole transaction is retried with
backoff, so two processes writing at once lose nothing. Failures to reach or write the
database raise `StorageUnavailable`.

The consent rule of the disclosure log lives here, not in callers: a question's text is
stored only when `consent is True` (and a database CHECK constraint backs it up).

Feedback is one vote per disclosure record: a second vote on the same answer replaces the
first (people change their minds, and a report should count each answer once), and it
goes when its disclosure record goes (ON DELETE CASCADE, so retention purges it too).
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, exists, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from assistant.models import Lang
from assistant.storage.db import ensure_schema, make_engine, make_session_factory
from assistant.storage.errors import (
    ConversationNotFound,
    DisclosureNotFound,
    classify,
    is_lock_error,
    unavailable_on_failure,
)
from assistant.storage.identity import ASSISTANT_NAME
from assistant.storage.identity import assistant_version as current_version
from assistant.storage.ids import new_token
from assistant.storage.records import (
    AnswerTurn,
    ConversationRecord,
    DisclosureRecord,
    FeedbackRecord,
    MessageRecord,
    RecordedAnswer,
    ReportRow,
    Role,
    Status,
    Vote,
)
from assistant.storage.schema import ID_LENGTH, Conversation, Disclosure, Feedback, Message

T = TypeVar("T")

DEFAULT_LOCK_RETRIES = 6
PURGE_BATCH = 500


def utcnow() -> datetime:
    return datetime.now(UTC)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values))


def _plausible_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= ID_LENGTH


def reply_digest(text: str) -> str:
    """sha256 (hex) of a reply's text with surrounding white space stripped: the key that
    finds the conversation a client's copy of the reply belongs to."""
    return hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).hexdigest()


def disclosure_record(
    *,
    answer_lang: Lang,
    composer: str,
    models: Mapping[str, str | None],
    cited_clause_ids: Sequence[str] = (),
    tools: Sequence[str] = (),
    conversation_id: str | None = None,
    question: str | None = None,
    consent: bool = False,
    assistant_name: str = ASSISTANT_NAME,
    assistant_version: str | None = None,
    status: Status | None = None,
    missing: Sequence[str] | None = None,
) -> DisclosureRecord:
    """A new, validated disclosure record; the question only when `consent is True`."""
    consented = consent is True
    return DisclosureRecord(
        id=new_token(),
        created_at=utcnow(),
        conversation_id=conversation_id,
        assistant_name=assistant_name,
        assistant_version=assistant_version or current_version(),
        composer=composer,
        models=dict(models),
        answer_lang=answer_lang,
        cited_clause_ids=_unique(cited_clause_ids),
        tools=_unique(tools),
        question=(question or None) if consented else None,
        consent=consented,
        status=status,
        missing=_unique(missing) if missing else None,
    )


def _message(
    conversation_id: str,
    role: Role,
    text: str,
    lang: Lang,
    created_at: datetime,
    answer: Mapping[str, Any] | None = None,
) -> MessageRecord:
    """A new message, validated (id 0 until stored); replies carry their digest."""
    return MessageRecord(
        id=0,
        conversation_id=conversation_id,
        role=role,
        text=text,
        lang=lang,
        created_at=created_at,
        answer=dict(answer) if answer is not None else None,
        digest=reply_digest(text) if role == "assistant" else None,
    )


def _row(message: MessageRecord) -> Message:
    return Message(**message.model_dump(exclude={"id"}))


class Repository:
    """Typed access to the assistant's tables. Safe to share between threads."""

    def __init__(self, engine: Engine, *, lock_retries: int = DEFAULT_LOCK_RETRIES) -> None:
        self.engine = engine
        self._read = make_session_factory(engine)
        self._write_factory = make_session_factory(engine, write=True)
        self._lock_retries = max(1, lock_retries)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Repository:
        """Engine from `url` (any SQLAlchemy URL), schema brought up to date."""
        engine = make_engine(url)
        if migrate:
            try:
                ensure_schema(engine)
            except BaseException:
                engine.dispose()
                raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """Readiness check: raises StorageUnavailable when the database cannot be read."""
        with unavailable_on_failure(self.engine.url), self._read() as session:
            session.execute(select(Conversation.id).limit(1)).first()

    # -- transactions -------------------------------------------------------------------

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction; retry the whole of it while locked."""
        for attempt in range(1, self._lock_retries + 1):
            try:
                with self._write_factory.begin() as session:
                    return work(session)
            except DBAPIError as exc:
                if is_lock_error(exc) and attempt < self._lock_retries:
                    time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
                    continue
                error = classify(self.engine.url, exc)
                if error is None:
                    raise
                raise error from exc
            except OSError as exc:
                error = classify(self.engine.url, exc)
                if error is None:
                    raise
                raise error from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _query(self, work: Callable[[Session], T]) -> T:
        with unavailable_on_failure(self.engine.url), self._read() as session:
            return work(session)

    # -- conversations ------------------------------------------------------------------

    def create_conversation(self, lang: Lang) -> str:
        """Start a conversation; returns its unguessable id."""
        now = utcnow()
        record = ConversationRecord(id=new_token(), created_at=now, updated_at=now, lang=lang)

        def work(session: Session) -> str:
            session.add(Conversation(**record.model_dump()))
            return record.id

        return self._write(work)

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None:
        if not _plausible_id(conversation_id):
            return None

        def work(session: Session) -> ConversationRecord | None:
            row = session.get(Conversation, conversation_id)
            return ConversationRecord.model_validate(row) if row else None

        return self._query(work)

    def set_pending_tool(self, conversation_id: str, pending: Mapping[str, Any] | None) -> None:
        """Remember (or clear, with None) a tool call waiting for missing arguments."""
        value = dict(pending) if pending is not None else None

        def work(session: Session) -> None:
            result = session.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(pending_tool=value, updated_at=utcnow())
            )
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise ConversationNotFound(conversation_id)

        self._write(work)

    # -- messages -----------------------------------------------------------------------

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        text: str,
        lang: Lang,
        answer: Mapping[str, Any] | None = None,
    ) -> MessageRecord:
        """Append a message. The conversation's `lang` follows its latest message, so a
        bare follow-up such as "85" is answered in the language in use."""
        draft = _message(conversation_id, role, text, lang, utcnow(), answer)

        def work(session: Session) -> MessageRecord:
            result = session.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(updated_at=draft.created_at, lang=lang)
            )
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise ConversationNotFound(conversation_id)
            row = _row(draft)
            session.add(row)
            session.flush()
            return draft.model_copy(update={"id": row.id})

        return self._write(work)

    def history(self, conversation_id: str, limit: int | None = 20) -> list[MessageRecord]:
        """The last `limit` messages (all when None), oldest first."""
        if limit is not None and limit < 1:
            return []

        def work(session: Session) -> list[MessageRecord]:
            query = (
                select(Message)
                .where(Message.conversation_id == conversation_id)
                .order_by(Message.id.desc())
            )
            if limit is not None:
                query = query.limit(limit)
            rows = session.scalars(query).all()
            return [MessageRecord.model_validate(row) for row in reversed(rows)]

        return self._query(work)

    def conversation_for_reply(self, text: str, disclosure_id: str) -> str | None:
        """The conversation a stateless client continues (the OpenAI-compatible API sends
        the whole history back): the conversation of disclosure record `disclosure_id`, if
        it holds an assistant message with exactly this text (white space around it
        aside); else None. Both are needed: reply texts repeat across users ("send R2"),
        and a disclosure id is shared on purpose (with a teacher, say), so neither alone
        may open someone's conversation."""
        if not (isinstance(text, str) and text.strip() and _plausible_id(disclosure_id)):
            return None
        digest = reply_digest(text)

        def work(session: Session) -> str | None:
            record = session.get(Disclosure, disclosure_id)
            if record is None or record.conversation_id is None:
                return None
            held = session.scalars(
                select(Message.id)
                .where(
                    Message.conversation_id == record.conversation_id,
                    Message.role == "assistant",
                    Message.digest == digest,
                )
                .limit(1)
            ).first()
            return record.conversation_id if held is not None else None

        return self._query(work)

    # -- disclosures (policy section 19) ------------------------------------------------

    def add_disclosure(self, **fields: Any) -> DisclosureRecord:
        """Write one answer's disclosure record, built from `fields` by `disclosure_record`
        (its keywords), and return it.

        `question` is kept only when `consent is True`; anything else (False, None, a
        truthy string) drops it. `status` and `missing` (the answer's outcome and the tool
        arguments it still needed) feed the policy-gaps report. The record is validated
        before anything is written.
        """
        record = disclosure_record(**fields)
        conversation_id = record.conversation_id

        def work(session: Session) -> DisclosureRecord:
            if conversation_id is not None and session.get(Conversation, conversation_id) is None:
                raise ConversationNotFound(conversation_id)
            session.add(Disclosure(**record.model_dump()))
            return record

        return self._write(work)

    def record_answer(self, turn: AnswerTurn) -> RecordedAnswer:
        """One answered turn in ONE write transaction: the conversation (created when
        `turn.conversation_id` is unknown), its pending tool call, the user's words (only
        with consent), the disclosure record and the assistant's message. A worker killed
        half-way leaves all of it or none; the answer JSON stored with the message gets
        the conversation and disclosure ids it was given here."""
        now = utcnow()
        fresh_id = new_token()
        record = disclosure_record(**turn.disclosure, consent=turn.consent, question=turn.question)

        def work(session: Session) -> RecordedAnswer:
            conversation_id = turn.conversation_id
            row = session.get(Conversation, conversation_id) if conversation_id else None
            if row is None:
                conversation_id = fresh_id
                row = Conversation(id=fresh_id, created_at=now, updated_at=now, lang=turn.lang)
                session.add(row)
            row.pending_tool = dict(turn.pending) if turn.pending is not None else None
            row.updated_at, row.lang = now, turn.lang
            if record.question is not None:  # the user's own words are kept only with consent
                asked = _message(conversation_id, "user", record.question, turn.lang, now)
                session.add(_row(asked))
            kept = record.model_copy(update={"conversation_id": conversation_id})
            session.add(Disclosure(**kept.model_dump()))
            answer = {**turn.answer, "disclosure_id": kept.id, "conversation_id": conversation_id}
            reply = _message(conversation_id, "assistant", turn.reply, turn.lang, now, answer)
            session.add(_row(reply))
            return RecordedAnswer(conversation_id=conversation_id, disclosure=kept)

        return self._write(work)

    def get_disclosure(self, disclosure_id: str) -> DisclosureRecord | None:
        if not _plausible_id(disclosure_id):
            return None

        def work(session: Session) -> DisclosureRecord | None:
            row = session.get(Disclosure, disclosure_id)
            return DisclosureRecord.model_validate(row) if row else None

        return self._query(work)

    def get_disclosures(self, disclosure_ids: Iterable[str]) -> list[DisclosureRecord]:
        """The records that exist, in the order asked for (duplicates and unknown ids
        are skipped)."""
        wanted = [i for i in _unique(disclosure_ids) if _plausible_id(i)]
        if not wanted:
            return []

        def work(session: Session) -> list[DisclosureRecord]:
            found: dict[str, DisclosureRecord] = {}
            for start in range(0, len(wanted), PURGE_BATCH):
                chunk = wanted[start : start + PURGE_BATCH]
                for row in session.scalars(select(Disclosure).where(Disclosure.id.in_(chunk))):
                    found[row.id] = DisclosureRecord.model_validate(row)
            return [found[i] for i in wanted if i in found]

        return self._query(work)

    def disclosures_for_conversation(self, conversation_id: str) -> list[DisclosureRecord]:
        def work(session: Session) -> list[DisclosureRecord]:
            rows = session.scalars(
                select(Disclosure)
                .where(Disclosure.conversation_id == conversation_id)
                .order_by(Disclosure.created_at, Disclosure.id)
            )
            return [DisclosureRecord.model_validate(row) for row in rows]

        return self._query(work)

    def export_disclosures(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> list[DisclosureRecord]:
        """Every disclosure (optionally within [since, until)), oldest first: admin export."""

        def work(session: Session) -> list[DisclosureRecord]:
            query = select(Disclosure).order_by(Disclosure.created_at, Disclosure.id)
            if since is not None:
                query = query.where(Disclosure.created_at >= since)
            if until is not None:
                query = query.where(Disclosure.created_at < until)
            return [DisclosureRecord.model_validate(row) for row in session.scalars(query)]

        return self._query(work)

    # -- feedback -----------------------------------------------------------------------

    def add_feedback(
        self, disclosure_id: str, vote: Vote, comment: str | None = None
    ) -> FeedbackRecord:
        """Store a vote on one answer and return it; a later vote on the same answer
        replaces the earlier one (vote, comment and time). A blank comment is no comment;
        a comment over MAX_COMMENT_CHARS or a vote other than up / down is a ValueError
        (pydantic's ValidationError); an unknown disclosure id is DisclosureNotFound."""
        # NUL cannot be stored in PostgreSQL text; it is no part of a comment anyway.
        text = comment.replace("\x00", "").strip() if isinstance(comment, str) else comment
        draft = FeedbackRecord(
            id=0,
            created_at=utcnow(),
            disclosure_id=disclosure_id if isinstance(disclosure_id, str) else "",
            vote=vote,
            comment=text or None,
        )
        if not _plausible_id(disclosure_id):
            raise DisclosureNotFound(str(disclosure_id))
        values = draft.model_dump(exclude={"id"})

        def work(session: Session) -> FeedbackRecord:
            if session.get(Disclosure, disclosure_id) is None:
                raise DisclosureNotFound(disclosure_id)
            return draft.model_copy(update={"id": _upsert_feedback(session, values)})

        try:
            return self._write(work)
        except IntegrityError:
            # The disclosure was purged between the check and the insert.
            if self.get_disclosure(disclosure_id) is None:
                raise DisclosureNotFound(disclosure_id) from None
            raise

    def get_feedback(self, disclosure_id: str) -> FeedbackRecord | None:
        """The vote in force on one answer, or None."""
        if not _plausible_id(disclosure_id):
            return None

        def work(session: Session) -> FeedbackRecord | None:
            row = session.scalars(
                select(Feedback).where(Feedback.disclosure_id == disclosure_id)
            ).first()
            return FeedbackRecord.model_validate(row) if row else None

        return self._query(work)

    def remove_feedback(self, disclosure_id: str) -> bool:
        """Withdraw the vote on one answer (the UI's thumb clicked again); True if there
        was one."""
        if not _plausible_id(disclosure_id):
            return False

        def work(session: Session) -> bool:
            query = delete(Feedback).where(Feedback.disclosure_id == disclosure_id)
            return bool(session.execute(query).rowcount)  # type: ignore[attr-defined]

        return self._write(work)

    def report_rows(self, *, since: datetime | None = None) -> list[ReportRow]:
        """Every answer since `since` (all when None) with its vote, oldest first: what the
        policy-gaps report is built from. Only what the disclosure record holds, so a
        question's text is there only where the user consented."""

        def work(session: Session) -> list[ReportRow]:
            query = (
                select(Disclosure, Feedback)
                .outerjoin(Feedback, Feedback.disclosure_id == Disclosure.id)
                .order_by(Disclosure.created_at, Disclosure.id)
            )
            if since is not None:
                query = query.where(Disclosure.created_at >= since)
            return [
                ReportRow(
                    disclosure_id=d.id,
                    created_at=d.created_at,
                    answer_lang=d.answer_lang,
                    status=d.status,
                    cited_clause_ids=list(d.cited_clause_ids or []),
                    tools=list(d.tools or []),
                    missing=list(d.missing) if d.missing else None,
                    question=d.question if d.consent else None,
                    consent=d.consent,
                    vote=f.vote if f is not None else None,
                    comment=f.comment if f is not None else None,
                )
                for d, f in session.execute(query)
            ]

        return self._query(work)

    # -- retention ----------------------------------------------------------------------

    def purge_older_than(self, days: float) -> int:
        """Delete disclosures and messages created more than `days` ago, then conversations
        idle that long with nothing left in them. Returns the number of rows removed (the
        feedback on a purged disclosure goes with it, by cascade, and is not counted).

        Deletes in batches, each its own short transaction, so a large purge never holds
        the write lock for long.
        """
        if days < 0:
            raise ValueError("days must be >= 0")
        cutoff = utcnow() - timedelta(days=days)
        removed = 0
        removed += self._purge_batches(
            lambda s: s.scalars(
                select(Disclosure.id).where(Disclosure.created_at < cutoff).limit(PURGE_BATCH)
            ).all(),
            lambda s, ids: s.execute(delete(Disclosure).where(Disclosure.id.in_(ids))),
        )
        removed += self._purge_batches(
            lambda s: s.scalars(
                select(Message.id).where(Message.created_at < cutoff).limit(PURGE_BATCH)
            ).all(),
            lambda s, ids: s.execute(delete(Message).where(Message.id.in_(ids))),
        )
        empty = (
            select(Conversation.id)
            .where(Conversation.updated_at < cutoff)
            .where(~exists().where(Message.conversation_id == Conversation.id))
            .where(~exists().where(Disclosure.conversation_id == Conversation.id))
            .limit(PURGE_BATCH)
        )
        removed += self._purge_batches(
            lambda s: s.scalars(empty).all(),
            lambda s, ids: s.execute(delete(Conversation).where(Conversation.id.in_(ids))),
        )
        return removed

    def _purge_batches(
        self,
        pick: Callable[[Session], Sequence[Any]],
        remove: Callable[[Session, Sequence[Any]], Any],
    ) -> int:
        total = 0
        while True:

            def work(session: Session) -> int:
                ids = pick(session)
                if ids:
                    remove(session, ids)
                return len(ids)

            count = self._write(work)
            total += count
            if count < PURGE_BATCH:
                return total


def _upsert_feedback(session: Session, values: Mapping[str, Any]) -> int:
    """Insert a vote, or replace the one on the same disclosure, atomically (INSERT ... ON
    CONFLICT, which SQLite and PostgreSQL share, so two concurrent votes cannot both
    insert); returns the row id."""
    sqlite_db = session.get_bind().dialect.name == "sqlite"
    stmt = (sqlite.insert if sqlite_db else postgresql.insert)(Feedback).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[Feedback.disclosure_id],
        set_={
            "vote": stmt.excluded.vote,
            "comment": stmt.excluded.comment,
            "created_at": stmt.excluded.created_at,
        },
    ).returning(Feedback.id)
    return int(session.execute(stmt).scalar_one())
