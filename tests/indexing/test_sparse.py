from indexing.sparse import document_vector, query_vector, term_index


def test_term_index_is_stable_and_non_negative():
    assert term_index("емтихан") == term_index("емтихан") >= 0
    assert term_index("емтихан") != term_index("экзамен")


def test_bm25_saturates_term_frequency_and_normalises_length():
    once = document_vector(["fx"], avg_length=10)
    many = document_vector(["fx"] * 5, avg_length=10)
    assert many.values[0] > once.values[0]
    assert many.values[0] < 5 * once.values[0]
    long_doc = document_vector(["fx"] + ["x"] * 50, avg_length=10)
    short_doc = document_vector(["fx"], avg_length=10)
    fx = term_index("fx")
    assert dict(zip(long_doc.indices, long_doc.values, strict=True))[fx] < short_doc.values[0]


def test_query_vector_has_unique_terms():
    vector = query_vector(["fx", "fx", "емтихан"])
    assert len(vector.indices) == 2 and vector.values == [1.0, 1.0]
