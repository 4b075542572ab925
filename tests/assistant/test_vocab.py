"""The vocabulary files: each language can read every argument of every tool."""

from __future__ import annotations

import pytest
import yaml

from assistant.reader.lexicon import compile_phrase, lexicon
from assistant.vocab import VOCAB_DIR, Vocabulary, VocabularyError, all_vocabularies, load
from corpus.languages import LANGS
from tools import registry

BY_KIND = ("letter", "cefr", "courses")  # read by what they are, in any language


def _labels(vocab: Vocabulary, tool: str, name: str) -> list[str]:
    read = registry.get(tool).reads[name]
    names = [name] + ([read.like] if read.like else [])
    tool_words = vocab.tools.get(tool)
    own = tool_words.arguments.get(name, []) if tool_words else []
    return [p for n in names for p in vocab.arguments.get(n, [])] + own


@pytest.mark.parametrize("lang", LANGS)
def test_every_argument_of_every_tool_can_be_read_in_each_language(lang):
    vocab = load(lang)
    unread = []
    for tool in registry.names():
        spec = registry.get(tool)
        defaults = {n: f.default for n, f in spec.args.model_fields.items()}
        for name, read in spec.reads.items():
            if read.kind in BY_KIND:
                continue
            if read.kind == "flag":
                words = vocab.flags.get(name)
                readable = _labels(vocab, tool, name) or (words and (words.say or words.deny))
            elif read.kind in ("choice", "text"):
                values = vocab.values.get(name, {})
                choices = _choices(tool, name)
                needed = [c for c in choices if c != defaults.get(name)]
                readable = all(values.get(c) for c in needed) if choices else bool(values)
            elif read.alone and read.units:
                readable = all(vocab.units.get(u) for u in read.units)
            else:
                readable = bool(_labels(vocab, tool, name))
            if not readable:
                unread.append(f"{tool}.{name}")
        if not vocab.tools.get(tool) or not vocab.tools[tool].intent:
            unread.append(f"{tool}: no intent phrases")
    assert not unread, f"{lang}.yaml cannot read: {unread}"


def _choices(tool: str, name: str) -> list[str]:
    spec = registry.parameters(tool)["properties"].get(name, {})
    options = [o for o in spec.get("anyOf", [spec]) if o.get("type") != "null"]
    return list(options[0].get("enum", [])) if options else []


def test_every_phrase_compiles_and_the_lexicon_builds():
    for lang, vocab in all_vocabularies().items():
        data = yaml.safe_load((VOCAB_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
        assert data["lang"] == lang
        for name, phrases in vocab.arguments.items():
            for text in phrases:
                assert compile_phrase(text, lang, ("arg", name, None)).words, (lang, text)
    assert lexicon().exact


def test_yaml_words_like_no_and_on_stay_words():
    assert "on" in load("en").glue and "no" in load("en").negation_before


def test_a_broken_vocabulary_file_names_itself(tmp_path, monkeypatch):
    (tmp_path / "kk.yaml").write_text("lang: kk\nglue: {not: a list}\n", encoding="utf-8")
    monkeypatch.setattr("assistant.vocab.VOCAB_DIR", tmp_path)
    load.cache_clear()
    try:
        with pytest.raises(VocabularyError, match="kk.yaml"):
            load("kk")
    finally:
        load.cache_clear()
