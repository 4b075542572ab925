"""Every phrase of the three vocabularies, compiled once and matched over a message's tokens.

All three languages are matched on every message: people mix them ("рейтинг 72, экзамен
48 алдым"), so a Russian label in a Kazakh sentence must still be read. A phrase's words
are compiled to its language's form of a token (assistant/reader/tokens.py), so one
Cyrillic entry also reads ad-hoc Latin spellings; long content words also match with one
typo.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from assistant.reader.tokens import Token, fold, loose, russian, tokenize
from assistant.vocab import Vocabulary, all_vocabularies

Meaning = tuple  # ("arg", name, tool | None), ("unit", "credits"), ("intent", tool), ...

# Plain lists of the vocabulary: (attribute, meaning).
_LISTS = (
    ("glue", ("glue",)),
    ("separators", ("sep",)),
    ("alternatives", ("alt",)),
    ("negation_before", ("neg_before",)),
    ("negation_after", ("neg_after",)),
    ("correction", ("correction",)),
    ("clause_break", ("break",)),
    ("both", ("both",)),
    ("part_of", ("part_of",)),
    ("total_before", ("total_before",)),
    ("irrelevant", ("irrelevant",)),
    ("received", ("received",)),
    ("what_if", ("what_if",)),
    ("append", ("append",)),
    ("increase", ("increase",)),
    ("yes", ("yes",)),
    ("no", ("no",)),
    ("rule_question", ("rule",)),
    ("price_question", ("price",)),
    ("amount_question", ("amount",)),
    ("personal", ("personal",)),
    ("calculation", ("calc",)),
    ("request", ("request",)),
    ("quote_keep", ("keep",)),
    ("exception_lead", ("exception",)),
)


@dataclass(frozen=True)
class Word:
    text: str  # in the language's matching form
    prefix: bool  # "рейтинг*": any ending
    number: bool  # "#": a number token
    suffix: bool = False  # "*дым": any word with this ending (Kazakh verb persons)
    gap: bool = False  # "...": up to two words of any kind ("магистратураны ... бітірдім")


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]
    lang: str
    meaning: Meaning


@dataclass(frozen=True)
class Mention:
    """A phrase found in a message: tokens [start, end) and what it means.

    `holes` are the token indices a "#" of the phrase matched: numbers the phrase is
    about ("за # дней"), unlike numbers that are part of a label ("рейтинг 1").
    """

    start: int
    end: int
    meaning: Meaning
    lang: str
    holes: tuple[int, ...] = ()

    @property
    def kind(self) -> str:
        return self.meaning[0]


def word_form(word: str, lang: str) -> str:
    low = fold(word)
    return loose(low) if lang == "kk" else russian(low) if lang == "ru" else low


# Meanings whose phrases also match a word with one typo ("dailyndyq" for "daiyndyq").
FUZZY = frozenset({"arg", "group", "flag", "value", "intent", "near"})
FUZZY_LENGTH = 6


def compile_phrase(text: str, lang: str, meaning: Meaning) -> Phrase:
    words = []
    for raw in _split(text):
        if raw == "#":
            words.append(Word("", False, True))
        elif raw == "...":
            words.append(Word("", False, False, gap=True))
        elif raw.startswith("*") and len(raw) > 1:
            words.append(Word(word_form(raw[1:], lang), False, False, True))
        elif raw.endswith("*") and len(raw) > 1:
            words.append(Word(word_form(raw[:-1], lang), True, False))
        else:
            words.append(Word(word_form(raw, lang), False, False))
    return Phrase(tuple(words), lang, meaning)


def _split(text: str) -> list[str]:
    """Phrase words as the tokenizer would cut the text ("R1", "A-", "%", "ак.")."""
    parts: list[str] = []
    star = False
    for token in tokenize(text.replace("*", "\u2217").replace("...", " \u2026 ")):
        if token.text == "\u2026":
            parts.append("...")
            continue
        if token.text == "\u2217":
            if parts and token.attached:
                parts[-1] += "*"
            else:
                star = True
            continue
        if token.text != ".":
            parts.append(("*" if star else "") + token.text)
        star = False
    return parts


def _phrases(vocab: Vocabulary) -> Iterator[tuple[str, Meaning]]:
    for attribute, meaning in _LISTS:
        for text in getattr(vocab, attribute):
            yield text, meaning
    for text in vocab.numbers.half:
        yield text, ("half",)
    for text in vocab.numbers.decimal_point:
        yield text, ("decimal_point",)
    for text, value in vocab.ordinals.items():
        yield text, ("ordinal", value)
    for unit, texts in vocab.units.items():
        for text in texts:
            yield text, ("unit", unit)
    for name, texts in vocab.arguments.items():
        for text in texts:
            yield text, ("arg", name, None)
    for name, texts in vocab.complements.items():
        for text in texts:
            yield text, ("complement", name)
    for name, texts in vocab.groups.items():
        for text in texts:
            yield text, ("group", name)
    for name, words in vocab.flags.items():
        for text in words.say:
            yield text, ("flag", name, True)
        for text in words.deny:
            yield text, ("flag", name, False)
        for text in words.near:
            yield text, ("near", name)
    for name, values in vocab.values.items():
        for value, texts in values.items():
            for text in texts:
                yield text, ("value", name, value)
    for tool, words in vocab.tools.items():
        for text in words.intent:
            yield text, ("intent", tool)
        for name, texts in words.arguments.items():
            for text in texts:
                yield text, ("arg", name, tool)


class Lexicon:
    """An index of phrases by their first word, matched at every token of a message."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.exact: dict[tuple[str, str], list[Phrase]] = defaultdict(list)
        self.prefix: dict[tuple[str, str], list[Phrase]] = defaultdict(list)
        # (lang, first letter, length of a whole first word) -> (order, phrase)
        self.fuzzy: dict[tuple[str, str, int | None], list[tuple[int, Phrase]]] = defaultdict(list)
        self.numbered: list[Phrase] = []
        self.endings: list[Phrase] = []
        for n, phrase in enumerate(phrases):
            if not phrase.words:
                continue
            first = phrase.words[0]
            if first.number or first.suffix:
                (self.numbered if first.number else self.endings).append(phrase)
                continue
            if first.prefix:
                self.prefix[(phrase.lang, first.text[:2])].append(phrase)
            else:
                self.exact[(phrase.lang, first.text)].append(phrase)
            if phrase.meaning[0] in FUZZY and len(first.text) >= FUZZY_LENGTH:
                # a whole word with one typo is one letter longer or shorter at most; a
                # stem ("рейтинг*") may be followed by any ending
                size = None if first.prefix else len(first.text)
                self.fuzzy[(phrase.lang, first.text[:1], size)].append((n, phrase))

    def find(self, tokens: list[Token]) -> list[Mention]:
        found = []
        seen = set()
        for i, token in enumerate(tokens):
            for phrase in self._candidates(token):
                matched = _match(phrase, tokens, i)
                if matched is not None and (i, matched[0], phrase.meaning) not in seen:
                    seen.add((i, matched[0], phrase.meaning))
                    found.append(Mention(i, matched[0], phrase.meaning, phrase.lang, matched[1]))
        return found

    def _candidates(self, token: Token) -> Iterator[Phrase]:
        if token.kind == "num" or is_number_word(token):
            yield from self.numbered
        if token.kind == "word":
            yield from self.endings
        for lang in ("kk", "ru", "en"):
            form = token.form(lang)
            yield from self.exact.get((lang, form), ())
            yield from self.prefix.get((lang, form[:2]), ())
            if len(form) >= FUZZY_LENGTH:
                sizes = (None, len(form) - 1, len(form), len(form) + 1)
                near = [p for size in sizes for p in self.fuzzy.get((lang, form[:1], size), ())]
                yield from (phrase for _, phrase in sorted(near, key=lambda p: p[0]))


SKIPPED = frozenset(".,()")  # punctuation a phrase reads through
VOICED = {"к": "г", "п": "б"}  # in the folded Kazakh form (қ -> к, ғ -> г)


@cache
def _number_words() -> frozenset[str]:
    out: set[str] = set()
    for vocab in all_vocabularies().values():
        numbers = vocab.numbers
        out |= {w.lower() for w in (*numbers.values, *numbers.multipliers, *numbers.half)}
    return frozenset(out)


def is_number_word(token: Token) -> bool:
    """ "бес", "five", "пять": a number said in words (one word of it)."""
    return token.kind == "word" and (
        token.low in _number_words() or token.form("kk") in _number_words()
    )


def _match(phrase: Phrase, tokens: list[Token], start: int) -> tuple[int, tuple[int, ...]] | None:
    i = start
    holes: list[int] = []
    words = phrase.words
    for n, word in enumerate(words):
        if word.gap:
            continue
        if word.text == "-" and (i >= len(tokens) or tokens[i].text != "-"):
            continue  # "# -ден асады": the tokenizer keeps no hyphen inside "5-ден"
        if n and i < len(tokens) and tokens[i].text in SKIPPED and i + 1 < len(tokens):
            i += 1  # "мат. сауаттылық", "ак. часов", "F па, әлде FX", "(бейіндік) доктор..."
        if n and words[n - 1].gap:  # up to two words of any kind before this one
            i = next(
                (
                    k
                    for k in range(i, min(i + 3, len(tokens)))
                    if _word_matches(word, tokens[k], phrase)
                ),
                None,
            )
            if i is None or any(t.is_break for t in tokens[start:i]):
                return None
        elif i >= len(tokens) or not _word_matches(word, tokens[i], phrase):
            return None
        if word.number:
            holes.append(i)
            # "to 4th year", "3-ші курсқа": an ending written onto the number is read with it
            nxt = next((w for w in words[n + 1 :] if w.text != "-"), None)
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                nxt is not None
                and after is not None
                and after.attached
                and after.kind == "word"
                and len(after.text) <= 3
                and not _word_matches(nxt, after, phrase)
            ):
                i += 1
        i += 1
    return i, tuple(holes)


def _word_matches(word: Word, token: Token, phrase: Phrase) -> bool:
    if word.number:
        return token.kind == "num" or is_number_word(token)
    form = token.form(phrase.lang)
    if word.suffix:
        return form.endswith(word.text) and len(form) > len(word.text) + 1
    if word.prefix:
        if form.startswith(word.text):
            return True
        # Kazakh voices a stem's last к/қ/п before a vowel: "жетістік*" reads "жетістігім"
        voiced = VOICED.get(word.text[-1:]) if phrase.lang == "kk" else None
        if voiced and form.startswith(word.text[:-1] + voiced):
            return True
        n = len(word.text)
        return any(  # a typo inside the stem, not at its end ("аудиторк*" is no "аудитория")
            form[n + d - 2 : n + d] == word.text[-2:] and _fuzzy(word.text, form[: n + d], phrase)
            for d in (-1, 0, 1)
        )
    return form == word.text or _fuzzy(word.text, form, phrase)


def _fuzzy(expected: str, seen: str, phrase: Phrase) -> bool:
    """One letter added, dropped or changed, in a long enough word of a content phrase."""
    if phrase.meaning[0] not in FUZZY or len(expected) < FUZZY_LENGTH or expected[0] != seen[:1]:
        return False
    return _one_edit(expected, seen)


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


@cache
def lexicon() -> Lexicon:
    phrases = [
        compile_phrase(text, vocab.lang, meaning)
        for vocab in all_vocabularies().values()
        for text, meaning in _phrases(vocab)
    ]
    return Lexicon(phrases)
