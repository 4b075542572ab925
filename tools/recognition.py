"""Recognition and mobility: non-formal learning, transfer recount, academic difference,
international mobility (§5, §12, §14, §15).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from corpus.languages import LANGS
from tools import reads
from tools.citations import cite
from tools.errors import coded
from tools.fields import Choice, Int, Item, Num, OptInt, OptLetter, OptNum, ToolArgs
from tools.labels import texts
from tools.letters import band_of_letter, band_of_score
from tools.models import ToolResult, explain
from tools.rounding import floor_int, fmt, round_half_up, round_score, to_number
from tools.spec import ToolSpec
from tools.text import ref, unmet

Number = int | float | Decimal

NONFORMAL_CAP = Decimal("0.15")  # §15: at most 15% of the programme (36 of 240, 45 of 300)
HOURS_PER_CREDIT = 30  # §15 (and §7): one credit = 30 academic hours
NONFORMAL_DAYS_BEFORE = 10  # §15: apply 10 days before the academic period
DIFFERENCE_MAX_CREDITS = 35  # §5: at most 35 credits of academic difference at once
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
MOBILITY_MIN_ENGLISH = "B2"  # §14
MOBILITY_MIN_GPA = Decimal("2.5")  # §14
MOBILITY_BACHELOR_YEARS = range(2, 5)  # §14: bachelor years 2-4
YEARS_BY_LEVEL = {"bachelor": 5, "master": 2, "doctoral": 4}  # longest programme per level


# --- nonformal_recognition --------------------------------------------------------------------


class NonformalArgs(ToolArgs):
    program_credits: Int(1, 400) = Field(
        description="Credits of the whole programme (240, 300...)."
    )
    course_credits: Int(1, 60) = Field(description="Credits of the course to be recognised.")
    nonformal_hours: Num(0, 10000) = Field(description="Academic hours of the non-formal course.")
    already_recognized_credits: Int(0, 400) = Field(
        default=0, description="Credits already recognised from non-formal learning."
    )
    course_in_program: bool = Field(default=True, description="The course is in the programme.")
    days_before_period: OptInt(-400, 400) = Field(
        default=None, description="Days between the application and the start of the period."
    )

    @model_validator(mode="after")
    def _within_programme(self) -> NonformalArgs:
        for name in ("course_credits", "already_recognized_credits"):
            if getattr(self, name) > self.program_credits:
                raise coded(
                    "out_of_range",
                    sub=name,
                    lo=0,
                    hi=self.program_credits,
                    value=getattr(self, name),
                )
        return self


class NonformalResult(ToolResult):
    eligible: bool
    cap_credits: int
    required_hours: int
    remaining_cap_credits: int
    failed: list[str]


def nonformal_recognition(
    program_credits: int,
    course_credits: int,
    nonformal_hours: Number,
    already_recognized_credits: int = 0,
    course_in_program: bool = True,
    days_before_period: int | None = None,
) -> NonformalResult:
    """Whether a non-formal course (MOOC, certificate) can be recognised as a course (§15)."""
    return compute_nonformal(NonformalArgs.parse(locals()))


def compute_nonformal(args: NonformalArgs) -> NonformalResult:
    exact_cap = NONFORMAL_CAP * args.program_credits
    cap = floor_int(exact_cap)  # "not more than 15%": whole credits, never above
    required = args.course_credits * HOURS_PER_CREDIT  # §15: 30 academic hours per credit
    remaining = max(cap - args.already_recognized_credits, 0)
    failed = []
    if not args.course_in_program:  # §15: only a course / module of the programme
        failed.append("course_not_in_program")
    if args.nonformal_hours < required:  # §15: only the full volume is recognised
        failed.append("partial_course_only")
    if args.already_recognized_credits + args.course_credits > cap:  # §15
        failed.append("exceeds_15_percent_cap")
    late = args.days_before_period is not None and args.days_before_period < NONFORMAL_DAYS_BEFORE
    if late:  # §15: application 10 days before the academic period
        failed.append("late_application")
    keys = ["NONFORMAL_IN_PROGRAM", "NONFORMAL_30_HOURS", "NONFORMAL_CAP_15"]
    if args.days_before_period is not None:
        keys.append("NONFORMAL_10_DAYS")
    texts = {}
    for lang in LANGS:
        p, c, a = args.program_credits, args.course_credits, args.already_recognized_credits
        hours = fmt(args.nonformal_hours, lang)
        cap_text = f"15% × {p} = {fmt(exact_cap, lang)}" + (f" → {cap}" if exact_cap != cap else "")
        parts = [
            {
                "kk": f"Шек ({ref('NONFORMAL_CAP_15', 'kk')}): {cap_text} кредит; бұрын танылғаны "
                f"{a}, қалғаны {remaining}; сұралғаны {c} → {a} + {c} = {a + c}.",
                "ru": f"Предел ({ref('NONFORMAL_CAP_15', 'ru')}): {cap_text} кредитов; уже "
                f"признано {a}, остаётся {remaining}; запрошено {c} → {a} + {c} = {a + c}.",
                "en": f"Cap ({ref('NONFORMAL_CAP_15', 'en')}): {cap_text} credits; already "
                f"recognised {a}, remaining {remaining}; requested {c} → {a} + {c} = {a + c}.",
            }[lang],
            {
                "kk": f"Көлем ({ref('NONFORMAL_30_HOURS', 'kk')}): {c} × 30 = {required} сағат "
                f"қажет, бар — {hours}; пән тек толық көлемде танылады.",
                "ru": f"Объём ({ref('NONFORMAL_30_HOURS', 'ru')}): нужно {c} × 30 = {required} "
                f"часов, есть {hours}; дисциплина признаётся только целиком.",
                "en": f"Volume ({ref('NONFORMAL_30_HOURS', 'en')}): {c} × 30 = {required} hours "
                f"needed, {hours} completed; a course is recognised only in full.",
            }[lang],
        ]
        if exact_cap != cap:
            parts.append(
                {
                    "kk": "15% бүтін кредитке дейін төмен қарай алынды (15%-дан аспауы үшін).",
                    "ru": "15% округлены вниз до целых кредитов (чтобы не превысить 15%).",
                    "en": "15% is taken down to whole credits so as not to exceed it.",
                }[lang]
            )
        if args.days_before_period is not None:
            d = args.days_before_period
            parts.append(
                {
                    "kk": f"Өтініш кезең басталғанға дейін {d} күн бұрын (кемінде 10 керек, "
                    f"{ref('NONFORMAL_10_DAYS', 'kk')}).",
                    "ru": f"Заявление за {d} дн. до начала периода (нужно не менее 10, "
                    f"{ref('NONFORMAL_10_DAYS', 'ru')}).",
                    "en": f"Application {d} days before the period (at least 10 needed, "
                    f"{ref('NONFORMAL_10_DAYS', 'en')}).",
                }[lang]
            )
        if not args.course_in_program:
            where = ref("NONFORMAL_IN_PROGRAM", lang)
            parts.append(
                {
                    "kk": f"Пән білім беру бағдарламасына кірмейді ({where}).",
                    "ru": f"Дисциплина не входит в образовательную программу ({where}).",
                    "en": f"The course is not part of the programme ({where}).",
                }[lang]
            )
        parts.append(_verdict(failed, lang))
        texts[lang] = " ".join(parts)
    return NonformalResult(
        eligible=not failed,
        cap_credits=cap,
        required_hours=required,
        remaining_cap_credits=remaining,
        failed=failed,
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


def _verdict(failed: list[str], lang: str) -> str:
    if not failed:
        return {"kk": "Талаптар орындалды.", "ru": "Требования выполнены.", "en": "Eligible."}[lang]
    return (
        unmet(failed, lang)
        + " "
        + {
            "kk": "Талаптар орындалмады.",
            "ru": "Требования не выполнены.",
            "en": "Not eligible.",
        }[lang]
    )


# --- transfer_recount -------------------------------------------------------------------------


class TransferCourse(Item):
    name: str = Field(min_length=1, max_length=200, description="Course name as on the transcript.")
    credits: Int(1, 60) = Field(description="Credits of the course.")
    letter: OptLetter = Field(default=None, description="Final letter grade (A ... F).")
    score: OptNum(0, 100) = Field(
        default=None, description="Final score 0-100 (instead of letter)."
    )

    @model_validator(mode="after")
    def _graded(self) -> TransferCourse:
        if self.letter is None and self.score is None:
            raise coded("missing_argument", sub="letter")
        return self

    @property
    def final_letter(self) -> str:
        if self.letter is not None:
            return self.letter
        return band_of_score(round_score(self.score)).letter  # type: ignore[arg-type]


class TransferArgs(ToolArgs):
    courses: list[TransferCourse] = Field(
        min_length=1, max_length=200, description="Transcript courses: {name, credits, letter}."
    )


class TransferResult(ToolResult):
    recounted_credits: int
    difference_courses: list[str]
    recounted_percent: float = Field(description="Recounted credits, % of all, 1 decimal.")
    difference_credits: int
    total_credits: int


def transfer_recount(courses: list[dict]) -> TransferResult:
    """Which transcript courses are recounted on transfer and which become a difference (§12)."""
    return compute_transfer(TransferArgs.parse(locals()))


def compute_transfer(args: TransferArgs) -> TransferResult:
    # §12: only courses graded A to D are recounted (up to 100% of credits); below D the
    # course becomes an academic-difference course.
    recounted = [c for c in args.courses if band_of_letter(c.final_letter).positive]
    difference = [c for c in args.courses if not band_of_letter(c.final_letter).positive]
    total = sum(c.credits for c in args.courses)
    got = sum(c.credits for c in recounted)
    percent = round_half_up(Decimal(100 * got) / total, 1)
    texts = {}
    for lang in LANGS:
        listing = ", ".join(f"{c.name} ({c.credits}, {c.final_letter})" for c in recounted) or "—"
        diff = ", ".join(f"{c.name} ({c.credits}, {c.final_letter})" for c in difference) or "—"
        exact = Decimal(100 * got) / total
        pct = (
            fmt(percent, lang)
            if exact == percent
            else f"{fmt(round_half_up(exact, 3), lang)}… → {fmt(percent, lang)}"
        )
        r = ref("RECOUNT_A_TO_D", lang)
        texts[lang] = {
            "kk": f"A-дан D-ге дейінгі бағалар ғана қайта есептеледі, төменірек баға — айырмашылық "
            f"пәні ({r}). Қайта есептелді: {listing} = {got} кредит; айырмашылық: {diff}. "
            f"{got} / {total} × 100 = {pct}%.",
            "ru": f"Перезачитываются только дисциплины с оценками от A до D, ниже — дисциплина "
            f"академической разницы ({r}). Перезачтено: {listing} = {got} кредитов; разница: "
            f"{diff}. {got} / {total} × 100 = {pct}%.",
            "en": f"Only courses graded A to D are recounted; a lower grade makes the course an "
            f"academic-difference course ({r}). Recounted: {listing} = {got} credits; difference: "
            f"{diff}. {got} / {total} × 100 = {pct}%.",
        }[lang]
    return TransferResult(
        recounted_credits=got,
        difference_courses=[c.name for c in difference],
        recounted_percent=to_number(percent),
        difference_credits=total - got,
        total_credits=total,
        clauses=cite("RECOUNT_UP_TO_100", "RECOUNT_A_TO_D"),
        explanation=explain(**texts),
    )


# --- academic_difference ----------------------------------------------------------------------


class AcademicDifferenceArgs(ToolArgs):
    difference_credits: Int(0, 400) = Field(description="Credits of academic difference.")
    in_current_schedule: bool = Field(
        default=True, description="The difference courses are in this period's timetable."
    )


class AcademicDifferenceResult(ToolResult):
    within_limit: bool
    max_credits: int
    excess_credits: int
    study_in: str = Field(description="current_period | summer_semester")


def academic_difference(
    difference_credits: int, in_current_schedule: bool = True
) -> AcademicDifferenceResult:
    """Whether an academic difference fits the 35-credit registration limit, and when (§5, §12)."""
    return compute_academic_difference(AcademicDifferenceArgs.parse(locals()))


def compute_academic_difference(args: AcademicDifferenceArgs) -> AcademicDifferenceResult:
    within = args.difference_credits <= DIFFERENCE_MAX_CREDITS  # §5: at most 35 credits
    excess = max(args.difference_credits - DIFFERENCE_MAX_CREDITS, 0)
    study_in = "current_period" if args.in_current_schedule else "summer_semester"  # §12
    texts = {}
    for lang in LANGS:
        d, m = args.difference_credits, DIFFERENCE_MAX_CREDITS
        r = ref("DIFFERENCE_MAX_35", lang)
        where = {
            "current_period": {
                "kk": "пәндер ағымдағы кезеңнің кестесінде, сол кезеңде оқылады",
                "ru": "дисциплины есть в расписании текущего периода и изучаются в нём",
                "en": "the courses are in this period's timetable and are taken now",
            },
            "summer_semester": {
                "kk": "пәндер ағымдағы кестеде жоқ, жазғы семестрде оқылады",
                "ru": "дисциплин нет в текущем расписании, они изучаются в летнем семестре",
                "en": "the courses are not in this period's timetable, so they are taken in "
                "the summer semester",
            },
        }[study_in][lang]
        sched = ref("DIFFERENCE_IN_SUMMER", lang)
        texts[lang] = {
            "kk": f"Айырмашылыққа ең көбі {m} кредитке тіркелуге болады ({r}): {d} "
            + (f"≤ {m}." if within else f"> {m}, артығы {d} − {m} = {excess}.")
            + f" Айырмашылық оқу жылы ішінде жойылады; {where} ({sched}).",
            "ru": f"На разницу можно записаться не более чем на {m} кредитов ({r}): {d} "
            + (f"≤ {m}." if within else f"> {m}, превышение {d} − {m} = {excess}.")
            + f" Разница ликвидируется в течение учебного года; {where} ({sched}).",
            "en": f"At most {m} credits of difference may be registered ({r}): {d} "
            + (f"≤ {m}." if within else f"> {m}, {d} − {m} = {excess} over.")
            + f" The difference is cleared within the academic year; {where} ({sched}).",
        }[lang]
    return AcademicDifferenceResult(
        within_limit=within,
        max_credits=DIFFERENCE_MAX_CREDITS,
        excess_credits=excess,
        study_in=study_in,
        clauses=cite("DIFFERENCE_MAX_35", "DIFFERENCE_IN_SUMMER"),
        explanation=explain(**texts),
    )


# --- mobility_eligibility ---------------------------------------------------------------------


class MobilityArgs(ToolArgs):
    level: Choice("bachelor", "master", "doctoral") = Field(
        default="bachelor", description="Level of study."
    )
    year: Int(1, 5) = Field(description="Year of study.")
    english_level: Choice(*CEFR, upper=True) = Field(description="CEFR level of English, A1-C2.")
    gpa: Num(0, 4) = Field(description="GPA on the 4-point scale.")
    field_match: bool = Field(default=True, description="The host programme matches the field.")

    @model_validator(mode="after")
    def _year_of_level(self) -> MobilityArgs:
        top = YEARS_BY_LEVEL[self.level]
        if self.year > top:
            raise coded("out_of_range", sub="year", lo=1, hi=top, value=self.year)
        return self


class MobilityResult(ToolResult):
    eligible: bool
    failed: list[str]


def mobility_eligibility(
    level: str = "bachelor",
    year: int | None = None,
    english_level: str | None = None,
    gpa: Number | None = None,
    field_match: bool = True,
) -> MobilityResult:
    """Whether a student may apply for international academic mobility (§14)."""
    raw = {k: v for k, v in locals().items() if v is not None}
    return compute_mobility(MobilityArgs.parse(raw))


def compute_mobility(args: MobilityArgs) -> MobilityResult:
    failed = []
    if args.level == "bachelor" and args.year not in MOBILITY_BACHELOR_YEARS:  # §14: years 2-4
        failed.append("year_not_eligible")
    if CEFR.index(args.english_level) < CEFR.index(MOBILITY_MIN_ENGLISH):  # §14: B2 or higher
        failed.append("english_below_b2")
    if args.gpa < MOBILITY_MIN_GPA:  # §14: GPA not below 2.5
        failed.append("gpa_below_2_5")
    if not args.field_match:  # §14: matching field of study
        failed.append("field_mismatch")
    texts = {}
    for lang in LANGS:
        years, reqs = ref("MOBILITY_YEARS", lang), ref("MOBILITY_REQUIREMENTS", lang)
        level = {
            "bachelor": {"kk": "бакалавриат", "ru": "бакалавриат", "en": "bachelor"},
            "master": {"kk": "магистратура", "ru": "магистратура", "en": "master's"},
            "doctoral": {"kk": "докторантура", "ru": "докторантура", "en": "doctoral"},
        }[args.level][lang]
        g = fmt(args.gpa, lang)
        match = {
            "kk": "сәйкес" if args.field_match else "сәйкес емес",
            "ru": "совпадает" if args.field_match else "не совпадает",
            "en": "matches" if args.field_match else "does not match",
        }
        texts[lang] = {
            "kk": f"Халықаралық ұтқырлыққа бакалавриаттың 2–4 курстары, магистранттар мен "
            f"докторанттар қатыса алады ({years}); талаптар: ағылшын тілі кемінде B2, GPA кемінде "
            f"2,5, бағыттың сәйкестігі ({reqs}). Сіз: {level}, {args.year}-курс, "
            f"{args.english_level}, GPA {g}, бағыт {match['kk']}. ",
            "ru": f"В международной мобильности участвуют студенты 2–4 курсов бакалавриата, "
            f"магистранты и докторанты ({years}); требования: английский не ниже B2, GPA не ниже "
            f"2,5, соответствие направления ({reqs}). У вас: {level}, {args.year} курс, "
            f"{args.english_level}, GPA {g}, направление {match['ru']}. ",
            "en": f"International mobility is open to bachelor students in years 2–4 and to "
            f"master's and doctoral students ({years}); requirements: English B2 or higher, GPA at "
            f"least 2.5, a matching field ({reqs}). You: {level}, year {args.year}, "
            f"{args.english_level}, GPA {g}, field {match['en']}. ",
        }[lang] + _verdict(failed, lang)
    return MobilityResult(
        eligible=not failed,
        failed=failed,
        clauses=cite("MOBILITY_YEARS", "MOBILITY_REQUIREMENTS"),
        explanation=explain(**texts),
    )


SPECS = (
    ToolSpec(
        name="nonformal_recognition",
        args=NonformalArgs,
        compute=compute_nonformal,
        function=nonformal_recognition,
        subject="recognition",
        sections=(15,),
        title=texts(
            "Бейресми білімді тану", "Признание неформального обучения", "Non-formal recognition"
        ),
        disclosure=texts(
            "бейресми білім беру нәтижелерін тану шарттарын тексеру",
            "проверки условий признания результатов неформального обучения",
            "check the recognition of non-formal learning",
        ),
        labels={
            "program_credits": texts(
                "Бағдарламаның барлық кредиттері",
                "Кредиты всей программы",
                "Credits of the whole programme",
            ),
            "course_credits": texts(
                "Пәннің кредиттері", "Кредиты дисциплины", "Credits of the course"
            ),
            "nonformal_hours": texts(
                "Бейресми курстың академиялық сағаттары",
                "Академические часы неформального курса",
                "Academic hours of the non-formal course",
            ),
            "already_recognized_credits": texts(
                "Бұрын танылған кредиттер", "Уже признанные кредиты", "Credits already recognised"
            ),
            "course_in_program": texts(
                "Пән бағдарламада бар",
                "Дисциплина есть в программе",
                "The course is in the programme",
            ),
            "days_before_period": texts(
                "Кезең басталғанға дейінгі күндер",
                "Дней до начала периода",
                "Days before the period starts",
            ),
            "cap_credits": texts("Кредит шегі", "Предел кредитов", "Credit cap"),
            "required_hours": texts("Қажет сағаттар", "Требуемые часы", "Required hours"),
            "remaining_cap_credits": texts(
                "Қалған шек (кредит)", "Остаток предела (кредиты)", "Remaining cap"
            ),
        },
        reads={
            "program_credits": reads.number(key=True, units=("credits",)),
            "course_credits": reads.number(key=True, units=("credits",)),
            "nonformal_hours": reads.number(key=True, units=("hours",), alone=True),
            "already_recognized_credits": reads.number(units=("credits",)),
            "course_in_program": reads.flag(),
            "days_before_period": reads.number(
                units=("days", "weeks"), alone=True, scale={"weeks": 7}, sign="late"
            ),
        },
        description={
            "kk": "Бейресми оқу нәтижелерін (онлайн курс, сертификат) пән ретінде тану: 15% шегі, "
            "кредитке 30 сағат, тек толық көлем, 10 күн бұрын өтініш.",
            "ru": "Признание результатов неформального обучения (онлайн-курс, сертификат) как "
            "дисциплины: предел 15%, 30 часов на кредит, только целиком, заявление за 10 дней.",
            "en": "Recognition of non-formal learning (online course, certificate) as a course: "
            "15% cap, 30 hours per credit, full volume only, apply 10 days ahead.",
        },
    ),
    ToolSpec(
        name="transfer_recount",
        args=TransferArgs,
        compute=compute_transfer,
        function=transfer_recount,
        subject="recognition",
        sections=(12,),
        title=texts("Кредиттерді қайта есептеу", "Перезачёт", "Transfer recount"),
        disclosure=texts(
            "ауысу кезінде кредиттерді қайта есептеу",
            "перезачёта кредитов при переводе",
            "recount credits on transfer",
        ),
        labels={
            "recounted_credits": texts(
                "Қайта есептелген кредиттер", "Перезачтённые кредиты", "Recounted credits"
            ),
            "difference_courses": texts(
                "Айырма пәндері", "Дисциплины разницы", "Difference courses"
            ),
            "recounted_percent": texts("Қайта есептелгені, %", "Перезачтено, %", "Recounted, %"),
        },
        reads={"courses": reads.courses(named=True)},
        description={
            "kk": "Ауысу кезінде транскрипт пәндерін қайта есептеу: A–D қайта есептеледі, "
            "төменірек баға — академиялық айырмашылық.",
            "ru": "Перезачёт дисциплин транскрипта при переводе: A–D перезачитываются, ниже — "
            "академическая разница.",
            "en": "Transfer credit recount of transcript courses: A–D are recounted, lower "
            "grades become academic difference.",
        },
    ),
    ToolSpec(
        name="academic_difference",
        args=AcademicDifferenceArgs,
        compute=compute_academic_difference,
        function=academic_difference,
        subject="recognition",
        sections=(5, 12),
        title=texts("Академиялық айырма", "Академическая разница", "Academic difference"),
        disclosure=texts(
            "академиялық айырмашылықты тексеру",
            "проверки академической разницы",
            "check the academic difference",
        ),
        labels={
            "in_current_schedule": texts(
                "Осы кезеңнің кестесінде бар",
                "Есть в расписании этого периода",
                "In this period's timetable",
            ),
            "excess_credits": texts("Артық кредиттер", "Превышение (кредиты)", "Excess credits"),
            "study_in": texts("Оқу кезеңі", "Когда изучать", "Study in"),
        },
        reads={
            "difference_credits": reads.number(key=True, units=("credits",), alone=True, adds=True),
            "in_current_schedule": reads.flag(),
        },
        values={
            "study_in": {
                "current_period": texts("ағымдағы кезеңде", "в текущем периоде", "current period"),
                "summer_semester": texts("жазғы семестрде", "в летнем семестре", "summer semester"),
            }
        },
        description={
            "kk": "Академиялық айырмашылық: бір мезгілде ең көбі 35 кредит, ағымдағы кезеңде "
            "немесе жазғы семестрде.",
            "ru": "Академическая разница: не более 35 кредитов одновременно, в текущем периоде "
            "или в летнем семестре.",
            "en": "Academic difference: at most 35 credits at once, in the current period or "
            "the summer semester.",
        },
    ),
    ToolSpec(
        name="mobility_eligibility",
        args=MobilityArgs,
        compute=compute_mobility,
        function=mobility_eligibility,
        subject="mobility",
        sections=(14,),
        title=texts("Академиялық ұтқырлық", "Академическая мобильность", "Academic mobility"),
        disclosure=texts(
            "академиялық ұтқырлыққа қатысу құқығын тексеру",
            "проверки права на академическую мобильность",
            "check eligibility for academic mobility",
        ),
        labels={
            "english_level": texts(
                "Ағылшын тілі деңгейі (CEFR)", "Уровень английского (CEFR)", "English level (CEFR)"
            ),
            "field_match": texts(
                "Қабылдаушы бағдарлама бағыты сәйкес",
                "Принимающая программа соответствует направлению",
                "The host programme matches the field",
            ),
        },
        reads={
            "level": reads.choice(),
            "year": reads.study_year(key=True),
            "english_level": reads.cefr(),
            "gpa": reads.number(key=True),
            "field_match": reads.flag(),
        },
        description={
            "kk": "Халықаралық академиялық ұтқырлыққа қатысу: курс, ағылшын тілі (B2), GPA "
            "(2,5) және бағыттың сәйкестігі.",
            "ru": "Участие в международной академической мобильности: курс, английский (B2), "
            "GPA (2,5) и соответствие направления.",
            "en": "International academic mobility eligibility: year, English (B2), GPA (2.5) "
            "and matching field.",
        },
    ),
)
