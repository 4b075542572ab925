"""Property tests: one letter per score, monotone letters, rounding on the right side of
every x.4 / x.5 boundary, and eligibility that never gets worse as a score rises."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from tools import (
    admission_bachelor,
    admission_doctoral,
    admission_master,
    exam_admission,
    final_grade,
    letter_grade,
    mobility_eligibility,
    nonformal_recognition,
    summer_semester,
)
from tools.letters import TABLE_1

scores = st.one_of(
    st.integers(0, 100),
    st.decimals(0, 100, places=2),
    st.floats(0, 100, allow_nan=False, allow_infinity=False),
)
RANK = {band.letter: i for i, band in enumerate(reversed(TABLE_1))}  # F=0 ... A=11


def policy_round(value: Fraction) -> int:
    """Half up on exact fractions: the reference the tools must agree with."""
    return int((value + Fraction(1, 2)) // 1)


@given(scores)
def test_every_score_has_exactly_one_letter(score):
    result = letter_grade(score)
    exact = Fraction(Decimal(repr(score)) if isinstance(score, float) else score)
    rounded = policy_round(exact)
    holders = [b for b in TABLE_1 if b.lo <= rounded <= b.hi]
    assert len(holders) == 1
    assert (result.score, result.letter) == (rounded, holders[0].letter)


@given(scores, scores)
def test_letters_are_monotone_in_score(a, b):
    low, high = sorted((a, b))
    assert RANK[letter_grade(low).letter] <= RANK[letter_grade(high).letter]
    assert letter_grade(low).points <= letter_grade(high).points


@st.composite
def on_a_boundary(draw):
    """(R1 + R2, exam) whose raw final grade ends in exactly .4 or .5."""
    exam = draw(st.integers(0, 100))
    tenth = draw(st.sampled_from([4, 5]))
    residue = 7 * (tenth - 4 * exam) % 10  # 3 × 7 ≡ 1 (mod 10), so 3 × residue ≡ tenth - 4 × exam
    rating_sum = residue + 10 * draw(st.integers(0, (200 - residue) // 10))
    return rating_sum, exam, tenth


@given(on_a_boundary())
def test_final_grade_lands_on_the_right_side_of_x4_and_x5(case):
    rating_sum, exam, tenth = case
    r1 = min(rating_sum, 100)
    r2 = rating_sum - r1
    raw = Fraction(3, 10) * rating_sum + Fraction(4, 10) * exam
    assert raw - int(raw) == Fraction(tenth, 10)
    result = final_grade(r1, r2, exam)
    assert result.raw == float(raw)  # exact, no binary noise
    assert result.final == (int(raw) if tenth == 4 else int(raw) + 1)  # .4 down, .5 up
    assert result.final == policy_round(raw)


@given(st.decimals(0, 100, places=1), st.decimals(0, 100, places=1), st.integers(0, 100))
def test_final_grade_matches_exact_arithmetic(r1, r2, exam):
    raw = Fraction(3, 5) * (Fraction(r1) + Fraction(r2)) / 2 + Fraction(2, 5) * exam
    result = final_grade(r1, r2, exam)
    assert abs(result.raw - float(raw)) <= 1e-9
    assert result.final == policy_round(raw)
    assert result.letter == letter_grade(result.final).letter


@given(
    st.integers(0, 140),
    st.lists(st.integers(0, 50), min_size=1, max_size=5),
    st.sampled_from(["standard", "shortened_tvet"]),
    st.integers(0, 4),
    st.integers(1, 20),
)
def test_bachelor_eligibility_is_monotone(total, subjects, route, index, bump):
    assume(sum(subjects) <= total)  # the subjects make up the total
    before = admission_bachelor(total, subjects, route).eligible
    higher_total = admission_bachelor(min(total + bump, 140), subjects, route).eligible
    raised = list(subjects)
    raised[index % len(raised)] = min(raised[index % len(raised)] + bump, 50)
    added = sum(raised) - sum(subjects)  # a higher subject score raises the total with it
    assume(total + added <= 140)
    higher_subject = admission_bachelor(total + added, raised, route).eligible
    assert not before or (higher_total and higher_subject)


@given(
    st.integers(0, 50),
    st.integers(0, 30),
    st.integers(0, 40),
    st.integers(0, 30),
    st.sampled_from(["foreign_language", "profile_single", "profile_multiple", "readiness"]),
)
def test_master_eligibility_is_monotone(language, single, multiple, readiness, block):
    scores = {
        "foreign_language": language,
        "profile_single": single,
        "profile_multiple": multiple,
        "readiness": readiness,
    }
    before = admission_master("sci_ped", **scores).eligible
    caps = {"foreign_language": 50, "profile_single": 30, "profile_multiple": 40, "readiness": 30}
    scores[block] = min(scores[block] + 1, caps[block])
    assert not before or admission_master("sci_ped", **scores).eligible


@given(
    st.decimals(0, 100, places=1),
    st.decimals(0, 60, places=1),
    st.sampled_from(["phd", "profile"]),
    st.sampled_from(["paid", "grant"]),
)
def test_doctoral_eligibility_is_monotone(score, months, program, funding):
    top = 100 if program == "phd" else 80
    score = min(score, top)
    before = admission_doctoral(True, months, score, program, funding).eligible
    assert not before or admission_doctoral(True, months + 1, score, program, funding).eligible
    assert (
        not before
        or admission_doctoral(True, months, min(score + 1, top), program, funding).eligible
    )


@given(
    st.decimals(0, 99, places=1),
    st.decimals(0, 99, places=1),
    st.integers(0, 30),
    st.integers(0, 10),
)
def test_exam_admission_is_monotone(r1, r2, missed, late):
    total = 30 + late
    base = {"r1": r1, "r2": r2, "missed": missed, "total_classes": total, "late_over_20": late}
    before = exam_admission(**base).admitted
    assert not before or exam_admission(**{**base, "r1": r1 + 1}).admitted
    assert not before or exam_admission(**{**base, "r2": r2 + 1}).admitted
    if missed:
        assert not before or exam_admission(**{**base, "missed": missed - 1}).admitted


@given(
    st.integers(1, 4),
    st.sampled_from(["A1", "A2", "B1", "B2", "C1"]),
    st.decimals(0, "3.9", places=2),
)
def test_mobility_eligibility_is_monotone(year, english, gpa):
    order = ["A1", "A2", "B1", "B2", "C1", "C2"]
    before = mobility_eligibility("bachelor", year, english, gpa).eligible
    better = order[order.index(english) + 1]
    assert not before or mobility_eligibility("bachelor", year, better, gpa).eligible
    assert (
        not before
        or mobility_eligibility("bachelor", year, english, gpa + 1 / Decimal(10)).eligible
    )


@given(st.integers(1, 10), st.integers(0, 400), st.integers(0, 40))
def test_nonformal_eligibility_is_monotone_in_hours(credits, hours, already):
    before = nonformal_recognition(240, credits, hours, already).eligible
    assert not before or nonformal_recognition(240, credits, hours + 30, already).eligible
    if already:
        assert not before or nonformal_recognition(240, credits, hours, already - 1).eligible


@given(st.integers(0, 99), st.integers(0, 99))
def test_summer_admission_is_monotone(r1, r2):
    before = summer_semester(5, new_r1=r1, new_r2=r2).exam_admitted
    assert not before or summer_semester(5, new_r1=r1 + 1, new_r2=r2).exam_admitted
