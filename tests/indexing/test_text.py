from indexing.text import fold, latin_kazakh_to_cyrillic, tokens


def test_fold_unifies_case_yo_and_spaces():
    assert fold("  Ещё   ЁЛКА ") == "еще елка"


def test_lookalike_letters_fold_to_latin():
    assert tokens("«FХ» бағасы") == ["fx", "бағасы"]  # Cyrillic Х inside a Latin code
    assert tokens("В+ 3,33") == tokens("B+ 3,33") == ["b+", "3,33"]  # a grade in either script
    assert tokens("В случае") == ["в", "случае"]
    # A bare grade in Cyrillic letters, and one with a Kazakh case ending, is the Latin grade.
    assert tokens("«А», «А-», С+") == tokens("«A», «A-», C+") == ["a", "a-", "c+"]
    assert tokens("А-дан D-ге, FХ-ті") == tokens("A-дан D-ге, FX-ті") == ["a", "d", "fx"]
    assert tokens("А бағасы", "kk") == ["a", "бағасы"]  # Kazakh has no one-letter word "А"
    assert tokens("А также", "ru") == ["а", "также"]
    assert tokens("grade graded") == ["grade", "graded"]


def test_latin_kazakh_becomes_cyrillic_but_codes_stay():
    assert latin_kazakh_to_cyrillic("FX alsam ne isteimin") == "FX алсам не істеімін"
    assert latin_kazakh_to_cyrillic("Qazaqstan tarihy") == "қазақстан таріхы"
    assert latin_kazakh_to_cyrillic("bağa ǵylym") == "баға ғылым"
