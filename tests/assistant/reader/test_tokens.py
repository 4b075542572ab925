"""Tokens and the forms each language's words are matched in."""

from __future__ import annotations

import pytest

from assistant.reader.tokens import loose, russian, tokenize


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("emtihan", "емтихан"), ("qorytyndy", "қорытынды"), ("bagam", "бағам"),
     ("reiting", "рейтинг"), ("zhiberile", "жіберіле"), ("sertifikat", "сертификат")],
)  # fmt: skip
def test_kazakh_in_latin_letters_reads_as_its_cyrillic(latin, cyrillic):
    assert loose(latin) == loose(cyrillic)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("dopusk", "допуск"), ("raznica", "разница"), ("peresdacha", "пересдача"),
     ("mobilnost", "мобильность")],
)  # fmt: skip
def test_russian_loanwords_in_latin_letters_read_as_russian(latin, cyrillic):
    assert russian(latin) == russian(cyrillic)


def test_suffixes_glued_to_numbers_and_codes_are_attached():
    tokens = tokenize("28 сабақтың 9-ын, R1-ім 72")
    texts = [(t.text, t.attached) for t in tokens]
    assert ("ын", True) in texts and ("ім", True) in texts
    assert [t.kind for t in tokens if t.text in ("R1", "72")] == ["code", "num"]


def test_dates_and_abbreviations_end_no_sentence():
    breaks = [t.text for t in tokenize("12.01.2025 мат. сауаттылық 5. Next") if t.is_break]
    assert breaks == ["."]  # only the full stop before "Next"
