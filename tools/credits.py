"""Credits and hours, and the summer semester (§7, §11).

One academic credit is 30 academic hours of 50 minutes, at least 30% of them in class;
the summer semester allows at most 30 credits of retakes, paid per credit.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import Field

from corpus.languages import LANGS
from tools import reads
from tools.citations import cite
from tools.errors import reject
from tools.fields import Int, OptNum, ToolArgs
from tools.labels import texts
from tools.models import ToolResult, explain
from tools.rounding import fmt, round_half_up, to_json_number, to_number
from tools.spec import ToolSpec
from tools.text import ref

Number = int | float | Decimal

HOURS_PER_CREDIT = Decimal(30)  # §7: 1 academic credit = 30 academic hours
MINUTES_PER_HOUR = Decimal(50)  # §7: 1 academic hour = 50 minutes
CLASSROOM_SHARE = Decimal("0.3")  # §7: classroom work at least 30% of each course
SUMMER_MAX_CREDITS = 30  # §11: at most 30 credits re-studied in summer
SUMMER_ADMISSION_RATING = Decimal(50)  # §11: new R1, R2 with admission rating 50 and above


# --- credit_hours -----------------------------------------------------------------------------


class CreditHoursArgs(ToolArgs):
    credits: OptNum(0, 1000) = Field(default=None, description="Academic credits.")
    academic_hours: OptNum(0, 30000) = Field(
        default=None, description="Academic hours (instead of credits)."
    )

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        if given.get("credits") is None and given.get("academic_hours") is None:
            return ["credits"]
        return super().needs(given)


class CreditHoursResult(ToolResult):
    credits: int | float
    academic_hours: int | float
    minutes: int | float
    min_classroom_academic_hours: int | float


def credit_hours(
    credits: Number | None = None, academic_hours: Number | None = None
) -> CreditHoursResult:
    """Credits ↔ academic hours ↔ minutes, and the minimum classroom hours (§7)."""
    return compute_credit_hours(CreditHoursArgs.parse(locals()))


def compute_credit_hours(args: CreditHoursArgs) -> CreditHoursResult:
    if args.credits is not None:
        credits = args.credits
        hours = credits * HOURS_PER_CREDIT  # §7
        if args.academic_hours is not None and args.academic_hours != hours:
            raise reject(
                "inconsistent_arguments",
                "academic_hours",
                kk=f"{fmt(credits, 'kk')} кредит = {fmt(hours, 'kk')} сағат, "
                f"{fmt(args.academic_hours, 'kk')} емес: біреуін ғана беріңіз.",
                ru=f"{fmt(credits, 'ru')} кредитов = {fmt(hours, 'ru')} часов, а не "
                f"{fmt(args.academic_hours, 'ru')}: укажите что-то одно.",
                en=f"{fmt(credits, 'en')} credits are {fmt(hours, 'en')} hours, not "
                f"{fmt(args.academic_hours, 'en')}: give only one of them.",
            )
    else:
        hours = args.academic_hours  # type: ignore[assignment]
        credits = hours / HOURS_PER_CREDIT  # §7
    minutes = hours * MINUTES_PER_HOUR  # §7
    classroom = hours * CLASSROOM_SHARE  # §7: at least 30%
    shown_credits = round_half_up(credits, 2)
    texts = {}
    for lang in LANGS:
        c, h, m, a = (fmt(x, lang) for x in (shown_credits, hours, minutes, classroom))
        c_exact = c if shown_credits == credits else f"≈ {c}"
        r = ref("CREDIT_30_HOURS", lang)
        if args.credits is not None:
            first = {
                "kk": f"{c} кредит × 30 = {h} академиялық сағат",
                "ru": f"{c} кредитов × 30 = {h} академических часов",
                "en": f"{c} credits × 30 = {h} academic hours",
            }[lang]
        else:
            first = {
                "kk": f"{h} академиялық сағат ÷ 30 = {c_exact} кредит",
                "ru": f"{h} академических часов ÷ 30 = {c_exact} кредитов",
                "en": f"{h} academic hours ÷ 30 = {c_exact} credits",
            }[lang]
        texts[lang] = {
            "kk": f"{r}: 1 кредит = 30 академиялық сағат, 1 сағат = 50 минут, аудиториялық жұмыс "
            f"кемінде 30%. {first}; {h} × 50 = {m} минут; аудиториялық кемінде {h} × 0,3 = "
            f"{a} сағат.",
            "ru": f"{r}: 1 кредит = 30 академических часов, 1 час = 50 минут, аудиторная работа "
            f"не менее 30%. {first}; {h} × 50 = {m} минут; аудиторных не менее {h} × 0,3 = {a} ч.",
            "en": f"{r}: 1 credit = 30 academic hours, 1 hour = 50 minutes, classroom work at "
            f"least 30%. {first}; {h} × 50 = {m} minutes; classroom at least {h} × 0.3 = "
            f"{a} hours.",
        }[lang]
    return CreditHoursResult(
        credits=to_json_number(shown_credits),
        academic_hours=to_json_number(hours),
        minutes=to_json_number(minutes),
        min_classroom_academic_hours=to_json_number(classroom),
        clauses=cite("CREDIT_30_HOURS"),
        explanation=explain(**texts),
    )


# --- summer_semester --------------------------------------------------------------------------


class SummerSemesterArgs(ToolArgs):
    retake_credits: Int(0, 400) = Field(description="Credits to re-study in the summer.")
    credit_price: OptNum(0, 100_000_000) = Field(
        default=None, description="Price of one credit (tenge)."
    )
    new_r1: OptNum(0, 100) = Field(default=None, description="New R1 earned in the summer.")
    new_r2: OptNum(0, 100) = Field(default=None, description="New R2 earned in the summer.")
    coursework_required: bool = Field(default=False, description="The course has a course project.")
    coursework_defended: bool = Field(default=True, description="The course project was defended.")

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        need = super().needs(given)
        r1, r2 = given.get("new_r1") is not None, given.get("new_r2") is not None
        if r1 != r2:  # §11: admission is judged on both new ratings
            need.append("new_r2" if r1 else "new_r1")
        return need


class SummerSemesterResult(ToolResult):
    within_limit: bool
    max_credits: int
    fee: int | float | None = None
    exam_admitted: bool | None = None
    rating_average: float | None = None
    failed: list[str] | None = None


def summer_semester(
    retake_credits: int,
    credit_price: Number | None = None,
    new_r1: Number | None = None,
    new_r2: Number | None = None,
    coursework_required: bool = False,
    coursework_defended: bool = True,
) -> SummerSemesterResult:
    """Summer-semester limit, fee and exam admission (§11)."""
    return compute_summer_semester(SummerSemesterArgs.parse(locals()))


def compute_summer_semester(args: SummerSemesterArgs) -> SummerSemesterResult:
    within = args.retake_credits <= SUMMER_MAX_CREDITS  # §11: not more than 30 credits
    fee = None if args.credit_price is None else args.credit_price * args.retake_credits  # §11
    admitted, average, failed = None, None, None
    if args.new_r1 is not None and args.new_r2 is not None:
        average = (args.new_r1 + args.new_r2) / 2
        failed = []
        if average < SUMMER_ADMISSION_RATING:  # §11: admission rating 50 and above
            failed.append("rating_below_50")
        if args.coursework_required and not args.coursework_defended:  # §11
            failed.append("coursework_not_defended")
        admitted = not failed
    keys = ["SUMMER_LIMIT_30"] + (["SUMMER_FEE"] if fee is not None else [])
    keys += ["SUMMER_EXAM_ADMISSION"] if admitted is not None else []
    texts = {}
    for lang in LANGS:
        n, m = args.retake_credits, SUMMER_MAX_CREDITS
        parts = [
            {
                "kk": f"Жазғы семестрде ең көбі {m} кредит қайта игеріледі "
                f"({ref('SUMMER_LIMIT_30', 'kk')}): {n} {'≤' if within else '>'} {m}.",
                "ru": f"В летнем семестре можно пройти не более {m} кредитов "
                f"({ref('SUMMER_LIMIT_30', 'ru')}): {n} {'≤' if within else '>'} {m}.",
                "en": f"At most {m} credits may be re-studied in the summer semester "
                f"({ref('SUMMER_LIMIT_30', 'en')}): {n} {'≤' if within else '>'} {m}.",
            }[lang]
        ]
        if fee is not None:
            p, f = fmt(args.credit_price, lang, grouped=True), fmt(fee, lang, grouped=True)  # type: ignore[arg-type]
            parts.append(
                {
                    "kk": f"Төлем = кредит құны × кредит саны ({ref('SUMMER_FEE', 'kk')}): "
                    f"{p} × {n} = {f} теңге.",
                    "ru": "Оплата = стоимость кредита × число кредитов "
                    f"({ref('SUMMER_FEE', 'ru')}): "
                    f"{p} × {n} = {f} тенге.",
                    "en": f"Fee = price of a credit × credits ({ref('SUMMER_FEE', 'en')}): "
                    f"{p} × {n} = {f} tenge.",
                }[lang]
            )
        if average is not None:
            r1, r2, avg = (fmt(x, lang) for x in (args.new_r1, args.new_r2, average))  # type: ignore[arg-type]
            rule = ref("SUMMER_EXAM_ADMISSION", lang)
            verdict = {
                "kk": ("жіберіледі", "жіберілмейді"),
                "ru": ("допущен", "не допущен"),
                "en": ("admitted", "not admitted"),
            }[lang][0 if admitted else 1]
            text = {
                "kk": f"Емтиханға жаңа Р1, Р2 бойынша жіберу ({rule}): ({r1} + {r2}) / 2 = {avg}, "
                "кемінде 50 керек",
                "ru": f"Допуск к экзамену по новым Р1, Р2 ({rule}): ({r1} + {r2}) / 2 = {avg}, "
                "нужно не менее 50",
                "en": f"Exam admission on the new R1, R2 ({rule}): ({r1} + {r2}) / 2 = {avg}, "
                "at least 50 needed",
            }[lang]
            if args.coursework_required:
                done = args.coursework_defended
                text += {
                    "kk": f"; курстық жоба {'қорғалды' if done else 'қорғалмады'}",
                    "ru": f"; курсовой проект {'защищён' if done else 'не защищён'}",
                    "en": f"; course project {'defended' if done else 'not defended'}",
                }[lang]
            parts.append(f"{text} — {verdict}.")
        texts[lang] = " ".join(parts)
    return SummerSemesterResult(
        within_limit=within,
        max_credits=SUMMER_MAX_CREDITS,
        fee=None if fee is None else to_json_number(fee),
        exam_admitted=admitted,
        rating_average=None if average is None else to_number(average),
        failed=failed,
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


SPECS = (
    ToolSpec(
        name="credit_hours",
        args=CreditHoursArgs,
        compute=compute_credit_hours,
        function=credit_hours,
        subject="credits",
        sections=(7,),
        title=texts("Кредит пен сағат", "Кредиты и часы", "Credits and hours"),
        disclosure=texts(
            "кредиттер мен сағаттарды қайта есептеу",
            "пересчёта кредитов и часов",
            "convert credits and hours",
        ),
        labels={
            "academic_hours": texts("Академиялық сағаттар", "Академические часы", "Academic hours"),
            "minutes": texts("Минуттар", "Минуты", "Minutes"),
            "min_classroom_academic_hours": texts(
                "Аудиториялық сағаттардың ең азы",
                "Минимум аудиторных часов",
                "Minimum classroom hours",
            ),
        },
        reads={
            "credits": reads.number(
                key=True, units=("credits",), alone=True, instead_of="academic_hours"
            ),
            "academic_hours": reads.number(
                key=True, units=("hours",), alone=True, instead_of="credits"
            ),
        },
        description={
            "kk": "Кредит пен академиялық сағат, минут және аудиториялық жұмыстың ең аз "
            "көлемі (1 кредит = 30 сағат, 1 сағат = 50 минут, аудиториялық ≥ 30%).",
            "ru": "Кредиты и академические часы, минуты и минимальный объём аудиторной работы "
            "(1 кредит = 30 часов, 1 час = 50 минут, аудиторная ≥ 30%).",
            "en": "Credits and academic hours, minutes and the minimum classroom hours "
            "(1 credit = 30 hours, 1 hour = 50 minutes, classroom ≥ 30%).",
        },
    ),
    ToolSpec(
        name="summer_semester",
        args=SummerSemesterArgs,
        compute=compute_summer_semester,
        function=summer_semester,
        subject="credits",
        sections=(11,),
        title=texts("Жазғы семестр", "Летний семестр", "Summer semester"),
        disclosure=texts(
            "жазғы семестр шарттарын тексеру",
            "проверки условий летнего семестра",
            "check the summer semester conditions",
        ),
        labels={
            "retake_credits": texts(
                "Жазда қайта оқылатын кредиттер",
                "Кредиты для повторного изучения летом",
                "Credits to re-study in the summer",
            ),
            "credit_price": texts(
                "Бір кредиттің бағасы (теңге)",
                "Стоимость одного кредита (тенге)",
                "Price of one credit (tenge)",
            ),
            "new_r1": texts("Жаңа Р1", "Новый Р1", "New R1"),
            "new_r2": texts("Жаңа Р2", "Новый Р2", "New R2"),
            "coursework_defended": texts(
                "Курстық жоба қорғалды", "Курсовой проект защищён", "Course project defended"
            ),
            "fee": texts("Төлем (теңге)", "Оплата (тенге)", "Fee (tenge)"),
            "exam_admitted": texts(
                "Емтиханға жіберілді", "Допущен к экзамену", "Admitted to the exam"
            ),
        },
        reads={
            "retake_credits": reads.number(key=True, units=("credits",), alone=True, adds=True),
            "credit_price": reads.number(key=True, units=("money",), alone=True),
            "new_r1": reads.number(key=True, group="ratings", order=1, like="r1"),
            "new_r2": reads.number(key=True, group="ratings", order=2, like="r2"),
            "coursework_required": reads.flag(),
            "coursework_defended": reads.flag(coursework_required=True),
        },
        description={
            "kk": "Жазғы семестр: ең көбі 30 кредит, төлем (кредит құны × кредит) және жаңа "
            "Р1, Р2 бойынша емтиханға жіберу.",
            "ru": "Летний семестр: не более 30 кредитов, оплата (стоимость кредита × кредиты) "
            "и допуск к экзамену по новым Р1, Р2.",
            "en": "Summer semester: at most 30 credits, fee (credit price × credits) and exam "
            "admission on the new R1, R2.",
        },
    ),
)
