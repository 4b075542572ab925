"""The warm `ask` benchmark says where an answer's time goes, and leaves the parts as found."""

from evals.answers import ask_latency


def test_the_split_covers_each_part_and_the_wrapped_calls_are_restored(assistant):
    questions = ["Can I retake an FX?", "Как пересдать FX?", "FX алсам не істеймін?"]
    result = ask_latency(assistant, questions, repeats=1)
    split = result["split"]
    assert list(split) == ["embedding", "search", "reading and composing", "store"]
    assert split["embedding"] > 0 and split["store"] > 0  # each question was new and recorded
    assert sum(split.values()) <= result["max"] + 1
    for owner, name in [
        (assistant.retriever, "search"),
        (assistant.retriever.embedder, "embed_queries"),
        (assistant.store, "record_answer"),
    ]:
        assert name not in vars(owner)  # the class's own method again
