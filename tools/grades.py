"""Grades: letter of a score, final course grade, GPA and iGPA (§8.29-8.30, Table 1, §9).

All arithmetic is on Decimals and rounded half up (§8.29), so that 89.5 becomes 90
(A-) and 94.3 stays 94 (A-), exactly as the registrar's system does.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import Field, model_validator

from corpus.languages import LANGS
from tools import reads
from tools.citations import cite
from tools.errors import ToolInputError, coded
from tools.fields import Int, Item, Num, OptLetter, OptNum, ToolArgs
from tools.labels import texts
from tools.letters import TRADITIONAL, Band, band_of_letter, band_of_score
from tools.models import ToolResult, explain
from tools.rounding import fmt, fmt_points, plain, round_half_up, round_score, to_number
from tools.spec import ToolSpec
from tools.text import ref

Number = int | float | Decimal

W_RATINGS, W_EXAM = Decimal("0.6"), Decimal("0.4")  # §8.29
IGPA_WEIGHTS_1_2 = {"gpa": Decimal("0.85"), "ssci": Decimal("0.15")}  # §9.3
IGPA_WEIGHTS_3_4 = {"gpa": Decimal("0.5"), "iros": Decimal("0.35"), "ssci": Decimal("0.15")}  # §9.4
GPA_PARTS = {"academic": Decimal("0.8"), "research": Decimal("0.2")}  # §9.3 (years 1-2)
BLOCK_NAMES = {"gpa": "GPA", "iros": "iROS", "ssci": "SSCI"}
IGPA_MAX = 1000  # no iGPA scale goes above this; keeps Decimal arithmetic in range


def letter_words(band: Band, lang: str) -> str:
    """ "C- (1,67 балл, «қанағаттанарлық»)" in the reader's language."""
    points = fmt_points(band.points, lang)
    label = TRADITIONAL[band.traditional][lang]
    return {
        "kk": f"{band.letter} ({points} балл, «{label}»)",
        "ru": f"{band.letter} ({points} балла, «{label}»)",
        "en": f"{band.letter} ({points} points, {label})",
    }[lang]


def rounding_step(raw: Decimal, rounded: int, lang: str) -> str:
    """ "60,3 → 60" with the rule named, or just the number when nothing was rounded."""
    if raw == rounded:
        return fmt(raw, lang)
    rule = {
        "kk": f"{ref('ROUNDING', 'kk')}: 0,1–0,4 кіші, 0,5 және одан жоғары үлкен бағытта",
        "ru": f"{ref('ROUNDING', 'ru')}: 0,1–0,4 вниз, 0,5 и выше вверх",
        "en": f"{ref('ROUNDING', 'en')}: .1–.4 down, .5 and above up",
    }[lang]
    return f"{fmt(raw, lang)} → {rounded} ({rule})"


# --- letter_grade -----------------------------------------------------------------------------


class LetterGradeArgs(ToolArgs):
    score: Num(0, 100) = Field(description="Score on the 100-point scale (0-100).")


class LetterGradeResult(ToolResult):
    score: int = Field(description="The score rounded to whole points (§8.29).")
    letter: str
    points: float
    traditional: str = Field(description="excellent | good | satisfactory | unsatisfactory")


def letter_grade(score: Number) -> LetterGradeResult:
    """Letter, grade points and traditional grade of a 0-100 score (Table 1)."""
    return compute_letter_grade(LetterGradeArgs.parse(locals()))


def compute_letter_grade(args: LetterGradeArgs) -> LetterGradeResult:
    rounded = round_score(args.score)  # §8.29: whole points, half up
    band = band_of_score(rounded)  # §8.T1
    band_text = {
        "kk": f"{ref('LETTER_TABLE', 'kk')} бойынша {band.lo}–{band.hi} аралығы",
        "ru": f"диапазон {band.lo}–{band.hi} по {ref('LETTER_TABLE', 'ru')}",
        "en": f"band {band.lo}–{band.hi} of {ref('LETTER_TABLE', 'en')}",
    }
    label = {"kk": "Балл", "ru": "Балл", "en": "Score"}
    texts = {
        lang: f"{label[lang]} {rounding_step(args.score, rounded, lang)} → {band_text[lang]}: "
        f"{letter_words(band, lang)}."
        for lang in LANGS
    }
    return LetterGradeResult(
        score=rounded,
        letter=band.letter,
        points=to_number(band.points),
        traditional=band.traditional,
        clauses=cite("ROUNDING", "LETTER_SYSTEM", "LETTER_TABLE"),
        explanation=explain(**texts),
    )


# --- final_grade ------------------------------------------------------------------------------


class FinalGradeArgs(ToolArgs):
    r1: Num(0, 100) = Field(description="Rating 1 (R1), 0-100.")
    r2: Num(0, 100) = Field(description="Rating 2 (R2), 0-100.")
    exam: Num(0, 100) = Field(description="Exam grade, 0-100.")


class FinalGradeResult(ToolResult):
    raw: float = Field(description="0.6 × (R1 + R2) / 2 + 0.4 × exam, unrounded.")
    final: int = Field(description="The final grade rounded to whole points (§8.29).")
    letter: str
    points: float
    traditional: str
    rating_average: float = Field(description="(R1 + R2) / 2, the exam admission rating.")
    admitted_to_exam: bool = Field(description="Whether the rating average reaches 50 (§8.8).")


def final_grade(r1: Number, r2: Number, exam: Number) -> FinalGradeResult:
    """Final course grade from the two ratings and the exam (§8.29, Table 1)."""
    return compute_final_grade(FinalGradeArgs.parse(locals()))


def compute_final_grade(args: FinalGradeArgs) -> FinalGradeResult:
    # §8.29: the exam grade itself is rounded to whole points before it is weighted.
    exam = Decimal(round_score(args.exam))
    average = (args.r1 + args.r2) / 2  # §8.6: two ratings on 100 points
    raw = W_RATINGS * average + W_EXAM * exam  # §8.29: weights 0.6 and 0.4
    final = round_score(raw)  # §8.29
    band = band_of_score(final)  # §8.T1
    admitted = average >= 50  # §8.8
    texts = {}
    for lang in LANGS:
        r1, r2, e, a = (fmt(x, lang) for x in (args.r1, args.r2, exam, average))
        w6, w4 = fmt(W_RATINGS, lang), fmt(W_EXAM, lang)
        head = {
            "kk": f"Қорытынды баға = {w6} × (Р1 + Р2) / 2 + {w4} × Э",
            "ru": f"Итоговая оценка = {w6} × (Р1 + Р2) / 2 + {w4} × Э",
            "en": f"Final grade = {w6} × (R1 + R2) / 2 + {w4} × exam",
        }[lang]
        table = {
            "kk": f"{ref('LETTER_TABLE', 'kk')} бойынша",
            "ru": f"по {ref('LETTER_TABLE', 'ru')}",
            "en": f"by {ref('LETTER_TABLE', 'en')}",
        }[lang]
        text = (
            f"{head} ({ref('GRADE_FORMULA', lang)}): {w6} × ({r1} + {r2}) / 2 + {w4} × {e} = "
            f"{rounding_step(raw, final, lang)} → {table} {letter_words(band, lang)}."
        )
        if exam != args.exam:
            x = fmt(args.exam, lang)
            text += {
                "kk": f" Емтихан бағасы {x} алдымен бүтін баллға дөңгелектенді: {e}.",
                "ru": f" Оценка за экзамен {x} сначала округлена до целого: {e}.",
                "en": f" The exam grade {x} was first rounded to whole points: {e}.",
            }[lang]
        if not admitted:
            rule = ref("EXAM_ADMISSION_50", lang)
            text += {
                "kk": f" Назар аударыңыз: рейтингтің орташа бағасы {a} < 50, сондықтан {rule} "
                "бойынша білім алушы емтиханға жіберілмейді; баға тек анықтама үшін есептелді.",
                "ru": f" Внимание: средний рейтинг {a} < 50, поэтому по {rule} обучающийся "
                "не допускается к экзамену; оценка посчитана лишь для справки.",
                "en": f" Note: the rating average {a} is below 50, so under {rule} the student "
                "is not admitted to the exam; the grade is shown for reference only.",
            }[lang]
        texts[lang] = text
    return FinalGradeResult(
        raw=to_number(raw),
        final=final,
        letter=band.letter,
        points=to_number(band.points),
        traditional=band.traditional,
        rating_average=to_number(average),
        admitted_to_exam=admitted,
        clauses=cite("TWO_RATINGS", "GRADE_FORMULA", "ROUNDING", "LETTER_TABLE")
        + ([] if admitted else cite("EXAM_ADMISSION_50")),
        explanation=explain(**texts),
    )


# --- gpa --------------------------------------------------------------------------------------


class GpaCourse(Item):
    credits: Int(1, 60) = Field(description="Credits of the course.")
    letter: OptLetter = Field(default=None, description="Letter grade (A ... F).")
    score: OptNum(0, 100) = Field(
        default=None, description="Final score 0-100 (instead of letter)."
    )
    name: str | None = Field(default=None, description="Course name (optional).")

    @model_validator(mode="after")
    def _letter_or_score(self) -> GpaCourse:
        if self.letter is None and self.score is None:
            raise coded("missing_argument", sub="letter")
        scored = self.band_of_score()
        if self.letter is not None and scored is not None and scored.letter != self.letter:
            s = plain(self.score)  # type: ignore[arg-type]
            raise coded(
                "inconsistent_arguments",
                sub="score",
                kk=f"Балл {s} ({scored.letter}) мен әріп {self.letter} сәйкес емес.",
                ru=f"Балл {s} ({scored.letter}) и буква {self.letter} не совпадают.",
                en=f"Score {s} ({scored.letter}) and letter {self.letter} disagree.",
            )
        return self

    def band_of_score(self) -> Band | None:
        return None if self.score is None else band_of_score(round_score(self.score))

    def band(self) -> Band:
        if self.letter is not None:
            return band_of_letter(self.letter)
        return band_of_score(round_score(self.score))  # type: ignore[arg-type]


class GpaArgs(ToolArgs):
    courses: list[GpaCourse] = Field(
        min_length=1, max_length=200, description="Courses: {credits, letter} or {credits, score}."
    )


class GpaResult(ToolResult):
    gpa: float = Field(description="Credit-weighted grade-point average, 2 decimals.")
    total_credits: int
    grade_points: float = Field(description="Σ credits × points.")


def gpa(courses: list[dict]) -> GpaResult:
    """Credit-weighted GPA of courses graded by letter or score (Table 1; §8.28)."""
    return compute_gpa(GpaArgs.parse(locals()))


def compute_gpa(args: GpaArgs) -> GpaResult:
    # The policy uses GPA (§8.28, §12, §14) but gives no formula: the registrar's reading is
    # the credit-weighted mean of Table 1 grade points over every course listed, FX/F included.
    pairs = [(course, course.band()) for course in args.courses]
    total = sum(course.credits for course in args.courses)
    weighted = sum((c.credits * b.points for c, b in pairs), Decimal(0))
    quotient = weighted / total
    value = round_half_up(quotient, 2)
    texts = {}
    for lang in LANGS:
        terms = " + ".join(f"{c.credits} × {fmt_points(b.points, lang)}" for c, b in pairs)
        shown = fmt(round_half_up(quotient, 4), lang)
        shown += "…" if round_half_up(quotient, 4) != quotient else ""
        head = {
            "kk": f"GPA = Σ(кредит × балл) / Σ кредит ({ref('LETTER_TABLE', 'kk')} баллдары)",
            "ru": f"GPA = Σ(кредиты × баллы) / Σ кредитов (баллы по {ref('LETTER_TABLE', 'ru')})",
            "en": f"GPA = Σ(credits × points) / Σ credits (points of {ref('LETTER_TABLE', 'en')})",
        }[lang]
        text = f"{head}: ({terms}) / {total} = {fmt(weighted, lang)} / {total} = {shown}"
        text += f" → {fmt(value, lang)}." if value != quotient else "."
        scored = [f"{fmt(c.score, lang)} → {b.letter}" for c, b in pairs if c.letter is None]
        if scored:
            listing = ", ".join(scored)
            text += {
                "kk": f" Баллдар әріпке айналдырылды: {listing}.",
                "ru": f" Баллы переведены в буквы: {listing}.",
                "en": f" Scores converted to letters: {listing}.",
            }[lang]
        text += {
            "kk": " Саясатта GPA формуласы берілмеген; тіркеуші офистің әдеттегі оқуы "
            "қолданылды: барлық пәндер (FX пен F қоса) бойынша кредитпен өлшенген орташа "
            "балл, екі ондық таңбаға дейін дөңгелектенген.",
            "ru": " Формула GPA в политике не приведена; принято обычное прочтение "
            "офиса регистратора: средневзвешенный по кредитам балл по всем дисциплинам "
            "(включая FX и F), округлённый до двух знаков.",
            "en": " The policy gives no GPA formula; the registrar's usual reading is used: "
            "the credit-weighted mean grade point over all courses (FX and F included), "
            "rounded to two decimals.",
        }[lang]
        texts[lang] = text
    return GpaResult(
        gpa=to_number(value),
        total_credits=total,
        grade_points=to_number(weighted),
        clauses=cite("LETTER_TABLE", "GPA_DIFFERENTIATED"),
        explanation=explain(**texts),
    )


# --- igpa -------------------------------------------------------------------------------------


class IgpaArgs(ToolArgs):
    year: Int(1, 4) = Field(description="Bachelor year of study, 1-4.")
    gpa: OptNum(0, IGPA_MAX) = Field(
        default=None, description="GPA; years 1-2 may give academic and research instead."
    )
    ssci: Num(0, IGPA_MAX) = Field(description="SSCI: social and sports achievements.")
    iros: OptNum(0, IGPA_MAX) = Field(
        default=None, description="iROS: research achievements (years 3-4)."
    )
    academic: OptNum(0, IGPA_MAX) = Field(
        default=None, description="Years 1-2: level of academic achievement (GPA part, 0.8)."
    )
    research: OptNum(0, IGPA_MAX) = Field(
        default=None, description="Years 1-2: research activity (GPA part, 0.2)."
    )
    scale_max: OptNum(0, IGPA_MAX) = Field(
        default=None, description="Top of the common scale; enables the 50% progression check."
    )

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        need = super().needs(given)
        year = given.get("year")
        known = isinstance(year, int) and not isinstance(year, bool)
        early = known and year <= 2
        academic, research = given.get("academic") is not None, given.get("research") is not None
        if given.get("gpa") is None:
            if early and academic != research:  # §9.3: GPA = 0.8 academic + 0.2 research
                need.append("research" if academic else "academic")
            elif not (early and academic and research):
                need.append("gpa")
        if known and year >= 3 and given.get("iros") is None:  # §9.4: iROS in years 3-4
            need.append("iros")
        return need


class IgpaResult(ToolResult):
    gpa_used: float = Field(description="The GPA that entered the formula.")
    igpa: float = Field(description="Integral GPA, 4 decimals.")
    progression_ok: bool | None = Field(
        default=None, description="Every block at least 50% of scale_max (§12); only with it."
    )
    progression_failed: list[str] | None = None


def igpa(
    year: int,
    gpa: Number | None = None,
    ssci: Number | None = None,
    iros: Number | None = None,
    academic: Number | None = None,
    research: Number | None = None,
    scale_max: Number | None = None,
) -> IgpaResult:
    """Integral GPA of a bachelor student by year (§9.3-9.4), and the 50% progression check."""
    return compute_igpa(IgpaArgs.parse({k: v for k, v in locals().items() if v is not None}))


def _igpa_notes(args: IgpaArgs, early: bool) -> dict[str, list[str]]:
    """Say which given arguments the year's formula does not use."""
    notes: dict[str, list[str]] = {lang: [] for lang in LANGS}
    if early and args.iros is not None:
        notes["kk"].append("iROS 1–2 курстардың формуласына кірмейді, ескерілмеді.")
        notes["ru"].append("iROS не входит в формулу 1–2 курсов и не учтён.")
        notes["en"].append("iROS is not part of the year 1–2 formula and was ignored.")
    if not early and (args.academic is not None or args.research is not None):
        notes["kk"].append("academic/research тек 1–2 курстарға қолданылады, ескерілмеді.")
        notes["ru"].append("academic/research применяются только к 1–2 курсам и не учтены.")
        notes["en"].append("academic/research apply to years 1–2 only and were ignored.")
    return notes


def _gpa_used(args: IgpaArgs, early: bool, notes: dict[str, list[str]]) -> Decimal:
    if early and args.academic is not None and args.research is not None:
        # §9.3: for years 1-2 GPA = 0.8 × academic achievement + 0.2 × research activity
        used = GPA_PARTS["academic"] * args.academic + GPA_PARTS["research"] * args.research
        for lang in LANGS:
            a, r, w8, w2 = (
                fmt(x, lang)
                for x in (
                    args.academic,
                    args.research,
                    GPA_PARTS["academic"],
                    GPA_PARTS["research"],
                )
            )
            notes[lang].insert(0, f"GPA = {w8} × {a} + {w2} × {r} = {fmt(used, lang)};")
        if args.gpa is not None and args.gpa != used:
            g = {lang: fmt(args.gpa, lang) for lang in LANGS}
            notes["kk"].append(f"Берілген GPA {g['kk']} орнына осы құрамдас GPA алынды.")
            notes["ru"].append(f"Вместо указанного GPA {g['ru']} взят этот составной GPA.")
            notes["en"].append(f"This composite GPA replaces the GPA given ({g['en']}).")
        return used
    return args.gpa  # type: ignore[return-value] - IgpaArgs.needs asks for it


def compute_igpa(args: IgpaArgs) -> IgpaResult:
    early = args.year <= 2  # §9.3 years 1-2, §9.4 years 3-4
    if args.scale_max is not None:
        for name in ("gpa", "ssci", "iros", "academic", "research"):
            value = getattr(args, name)
            if value is not None and value > args.scale_max:
                raise ToolInputError.of(
                    "out_of_range", name, lo=0, hi=fmt(args.scale_max, "en"), value=fmt(value, "en")
                )
    notes = _igpa_notes(args, early)
    gpa_used = _gpa_used(args, early, notes)
    blocks = (
        {"gpa": gpa_used, "ssci": args.ssci}
        if early
        else {
            "gpa": gpa_used,
            "iros": args.iros,
            "ssci": args.ssci,
        }
    )
    weights = IGPA_WEIGHTS_1_2 if early else IGPA_WEIGHTS_3_4
    exact = sum((blocks[name] * weights[name] for name in weights), Decimal(0))  # §9.3 / §9.4
    value = round_half_up(exact, 4)
    key = "IGPA_YEARS_1_2" if early else "IGPA_YEARS_3_4"
    progression_ok, failed = None, None
    if args.scale_max is not None:
        half = args.scale_max / 2  # §12: at least 50% of the points in every block
        failed = [f"{name}_below_50_percent" for name, v in blocks.items() if v < half]
        progression_ok = not failed
    texts = {}
    for lang in LANGS:
        symbols = " + ".join(f"{BLOCK_NAMES[n]} × {fmt(w, lang)}" for n, w in weights.items())
        numbers = " + ".join(f"{fmt(blocks[n], lang)} × {fmt(w, lang)}" for n, w in weights.items())
        result = fmt(value, lang) if value == exact else f"{fmt(exact, lang)} → {fmt(value, lang)}"
        head = {"kk": f"{args.year}-курс", "ru": f"{args.year} курс", "en": f"Year {args.year}"}
        lead = f"{head[lang]}, {ref(key, lang)}:"
        composite = [n for n in notes[lang] if n.startswith("GPA =")]
        rest = [n for n in notes[lang] if not n.startswith("GPA =")]
        parts = [lead, *composite, f"iGPA = {symbols} = {numbers} = {result}.", *rest]
        if progression_ok is not None:
            parts.append(_progression_text(blocks, args.scale_max, progression_ok, lang))
        texts[lang] = " ".join(parts)
    keys = [key, "IGPA_SCOPE"] + (["PROGRESSION_50_PERCENT"] if progression_ok is not None else [])
    return IgpaResult(
        gpa_used=to_number(round_half_up(gpa_used, 4)),
        igpa=to_number(value),
        progression_ok=progression_ok,
        progression_failed=failed,
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


def _progression_text(blocks: dict, scale_max: Decimal, ok: bool, lang: str) -> str:
    half = fmt(scale_max / 2, lang)
    listing = ", ".join(f"{BLOCK_NAMES[n]} {fmt(v, lang)}" for n, v in blocks.items())
    rule = ref("PROGRESSION_50_PERCENT", lang)
    verdict = {
        "kk": ("орындалды", "орындалмады"),
        "ru": ("выполнено", "не выполнено"),
        "en": ("met", "not met"),
    }[lang][0 if ok else 1]
    return {
        "kk": f"Келесі курсқа ауысу ({rule}): әр блок шкаланың кемінде 50%-ы, яғни ≥ {half} "
        f"({listing}) — {verdict}.",
        "ru": f"Перевод на следующий курс ({rule}): каждый блок не менее 50% шкалы, т. е. "
        f"≥ {half} ({listing}) — {verdict}.",
        "en": f"Progression ({rule}): every block at least 50% of the scale, i.e. ≥ {half} "
        f"({listing}) — {verdict}.",
    }[lang]


SPECS = (
    ToolSpec(
        name="letter_grade",
        args=LetterGradeArgs,
        compute=compute_letter_grade,
        function=letter_grade,
        subject="grades",
        sections=(8,),
        title=texts("Әріптік баға", "Буквенная оценка", "Letter grade"),
        disclosure=texts(
            "әріптік бағаны анықтау", "определения буквенной оценки", "determine the letter grade"
        ),
        reads={"score": reads.number(key=True, units=("points",), lone=True)},
        answers=("letter",),
        description={
            "kk": "100 балдық шкаладағы балдың әріптік бағасы, сандық баламасы және дәстүрлі "
            "бағасы (1-кесте).",
            "ru": "Буквенная оценка, цифровой эквивалент и традиционная оценка балла по "
            "100-балльной шкале (таблица 1).",
            "en": "Letter grade, grade points and traditional grade of a score on the "
            "100-point scale (Table 1).",
        },
    ),
    ToolSpec(
        name="final_grade",
        args=FinalGradeArgs,
        compute=compute_final_grade,
        function=final_grade,
        subject="grades",
        sections=(8,),
        title=texts("Қорытынды баға", "Итоговая оценка", "Final grade"),
        answers=("letter",),
        disclosure=texts(
            "қорытынды бағаны есептеу", "расчёта итоговой оценки", "compute the final grade"
        ),
        labels={
            "exam": texts("Емтихан бағасы", "Оценка за экзамен", "Exam grade"),
            "raw": texts("Дөңгелектенбеген баға", "Оценка до округления", "Unrounded grade"),
            "final": texts("Қорытынды баға", "Итоговая оценка", "Final grade"),
            "admitted_to_exam": texts(
                "Емтиханға жіберілді", "Допущен к экзамену", "Admitted to the exam"
            ),
        },
        reads={
            "r1": reads.number(key=True, group="ratings", order=1),
            "r2": reads.number(key=True, group="ratings", order=2),
            "exam": reads.number(key=True),
        },
        description={
            "kk": "Пән бойынша қорытынды баға: 0,6 × (Р1 + Р2) / 2 + 0,4 × емтихан, "
            "дөңгелектеу және әріптік баға.",
            "ru": "Итоговая оценка по дисциплине: 0,6 × (Р1 + Р2) / 2 + 0,4 × экзамен, "
            "округление и буквенная оценка.",
            "en": "Final course grade: 0.6 × (R1 + R2) / 2 + 0.4 × exam, rounded, with its "
            "letter grade.",
        },
    ),
    ToolSpec(
        name="gpa",
        args=GpaArgs,
        compute=compute_gpa,
        function=gpa,
        subject="grades",
        sections=(8,),
        title=texts("GPA", "GPA", "GPA"),
        disclosure=texts("GPA есептеу", "расчёта GPA", "compute the GPA"),
        labels={
            "grade_points": texts("Балдар қосындысы", "Сумма баллов", "Grade points"),
        },
        reads={"courses": reads.courses()},
        description={
            "kk": "Пәндердің кредиттері мен бағалары (әріп немесе балл) бойынша кредитпен "
            "өлшенген GPA.",
            "ru": "Средневзвешенный по кредитам GPA по кредитам и оценкам дисциплин "
            "(буква или балл).",
            "en": "Credit-weighted GPA from course credits and grades (letter or score).",
        },
    ),
    ToolSpec(
        name="igpa",
        args=IgpaArgs,
        compute=compute_igpa,
        function=igpa,
        subject="grades",
        sections=(9, 12),
        title=texts("iGPA", "iGPA", "iGPA"),
        disclosure=texts("iGPA есептеу", "расчёта iGPA", "compute the iGPA"),
        labels={
            "ssci": texts(
                "SSCI: әлеуметтік және спорттық жетістіктер",
                "SSCI: социальные и спортивные достижения",
                "SSCI: social and sports achievements",
            ),
            "iros": texts(
                "iROS: ғылыми жетістіктер (3–4 курс)",
                "iROS: научные достижения (3–4 курс)",
                "iROS: research achievements (years 3–4)",
            ),
            "academic": texts(
                "Академиялық жетістік деңгейі (1–2 курс)",
                "Уровень академических достижений (1–2 курс)",
                "Academic achievement (years 1–2)",
            ),
            "research": texts(
                "Ғылыми-зерттеу қызметі (1–2 курс)",
                "Научно-исследовательская деятельность (1–2 курс)",
                "Research activity (years 1–2)",
            ),
            "scale_max": texts(
                "Ортақ шкаланың ең жоғары мәні", "Максимум общей шкалы", "Top of the common scale"
            ),
            "gpa_used": texts("Есепке алынған GPA", "Учтённый GPA", "GPA used"),
            "igpa": texts("iGPA", "iGPA", "iGPA"),
            "progression_ok": texts(
                "Келесі курсқа өтеді", "Переводится на следующий курс", "Progression"
            ),
            "progression_failed": texts(
                "Өту шарттары орындалмады", "Не выполнены условия перевода", "Progression failed"
            ),
        },
        reads={
            "year": reads.study_year(),
            "gpa": reads.number(key=True),
            "ssci": reads.number(key=True),
            "iros": reads.number(key=True),
            "academic": reads.number(key=True),
            "research": reads.number(key=True),
            "scale_max": reads.number(units=("scale",), alone=True),
        },
        description={
            "kk": "Бакалавр студентінің курсы бойынша интегралды GPA (iGPA); шкала берілсе, "
            "келесі курсқа ауысудың 50% шарты да тексеріледі.",
            "ru": "Интегральный GPA (iGPA) студента бакалавриата по курсу; при заданной "
            "шкале проверяется и условие 50% для перевода на следующий курс.",
            "en": "Integral GPA (iGPA) of a bachelor student by year; given the scale, also "
            "the 50% condition for progression to the next year.",
        },
    ),
)
