from assistant.composer import MAX_QUOTE_CHARS, select_quote, sentences
from corpus.store import clauses_by_id


def test_sentences_split_on_sentence_ends():
    assert sentences("Бірінші сөйлем. Екінші сөйлем; Үшінші.") == [
        "Бірінші сөйлем.",
        "Екінші сөйлем;",
        "Үшінші.",
    ]


def test_short_clause_is_quoted_whole():
    clause = clauses_by_id("en")["8.36"]
    assert select_quote("FX twice", clause, "en") == clause.text


def test_long_clause_quotes_the_sentences_that_answer():
    clause = max(clauses_by_id("en").values(), key=lambda c: len(c.text))
    assert len(clause.text) > MAX_QUOTE_CHARS
    quote = select_quote(clause.text.split(".")[1], clause, "en")
    assert len(quote) <= 2 * MAX_QUOTE_CHARS + 2
    assert quote.strip(" …") in clause.text or "…" in quote
