"""Exam admission and the retake route after a grade (§8.8-8.10, §8.34-8.39, §8.54, §10).

Admission is decided on the rating average, attendance and coursework, and every unmet
condition is reported, not only the first, so a student sees all there is to fix.
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
from tools.fields import Choice, Int, Letter, Num, OptInt, ToolArgs
from tools.labels import texts
from tools.letters import band_of_letter
from tools.models import ToolResult, explain
from tools.rounding import fmt, round_half_up, to_number
from tools.spec import ToolSpec
from tools.text import FAILURE_LABELS, ref

Number = int | float | Decimal

ADMISSION_RATING = Decimal(50)  # §8.8: rating average of 50 and above
LATE_ARRIVALS_PER_ABSENCE = 5  # §8.9: five late arrivals (over 20 minutes) = one absence
FX_RETAKE_WORKING_DAYS = 10  # §8.35, §8.39
REAPPLY_MONTHS_BEFORE = 1  # §10: not later than one month before final attestation


# --- exam_admission ---------------------------------------------------------------------------


class ExamAdmissionArgs(ToolArgs):
    r1: Num(0, 100) = Field(description="Rating 1 (R1), 0-100.")
    r2: Num(0, 100) = Field(description="Rating 2 (R2), 0-100.")
    level: Choice("bachelor", "master", "doctoral") = Field(
        default="bachelor", description="Level of study."
    )
    missed: Int(0) = Field(default=0, description="Classes missed.")
    total_classes: OptInt(1) = Field(
        default=None, description="Classes of the course in the period (for the 50% rule)."
    )
    late_over_20: Int(0) = Field(default=0, description="Late arrivals of more than 20 minutes.")
    coursework_required: bool = Field(default=False, description="The course has a course project.")
    coursework_submitted: bool = Field(
        default=True, description="The course project was submitted."
    )
    valid_reason_documented: bool = Field(
        default=False, description="Absences are excused by documents (dean's order, §8.10)."
    )

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        need = super().needs(given)
        # §8.9: the 50% absence rule is a share of the classes, written for bachelor students
        absent = bool(given.get("missed")) or bool(given.get("late_over_20"))
        bachelor = (given.get("level") or "bachelor") == "bachelor"
        if bachelor and absent and given.get("total_classes") is None:
            need.append("total_classes")
        return need


class ExamAdmissionResult(ToolResult):
    admitted: bool
    rating_average: float = Field(description="(R1 + R2) / 2, unrounded.")
    effective_absences: int = Field(description="missed + late_over_20 // 5.")
    failed: list[str] = Field(description="Every unmet condition as a stable code.")
    absence_percent: float | None = Field(default=None, description="Effective absences, %.")
    absence_rule_waived: bool | None = None
    summer_semester_required: bool | None = Field(
        default=None, description="Bachelor over 50% absences must take the course in summer."
    )


def exam_admission(
    r1: Number,
    r2: Number,
    level: str = "bachelor",
    missed: int = 0,
    total_classes: int | None = None,
    late_over_20: int = 0,
    coursework_required: bool = False,
    coursework_submitted: bool = True,
    valid_reason_documented: bool = False,
) -> ExamAdmissionResult:
    """Whether a student is admitted to the exam of a course (§8.8-8.10)."""
    return compute_exam_admission(ExamAdmissionArgs.parse(locals()))


def compute_exam_admission(args: ExamAdmissionArgs) -> ExamAdmissionResult:
    effective = args.missed + args.late_over_20 // LATE_ARRIVALS_PER_ABSENCE  # §8.9
    if args.total_classes is not None and args.missed + args.late_over_20 > args.total_classes:
        raise reject(
            "inconsistent_arguments",
            "missed",
            kk="Өткізілген және кешіккен сабақтар саны сабақтардың жалпы санынан асып кетті.",
            ru="Пропущенных и опозданий больше, чем всего занятий.",
            en="Missed classes plus late arrivals exceed the total number of classes.",
        )
    bachelor = args.level == "bachelor"
    average = (args.r1 + args.r2) / 2  # §8.6, §8.8
    failed: list[str] = []
    if average < ADMISSION_RATING:  # §8.8: 50 and above; 49.5 is below (no rounding here)
        failed.append("rating_below_50")
    percent = None
    over_half = False
    if args.total_classes is not None:
        percent = round_half_up(Decimal(100 * effective) / args.total_classes, 1)
        over_half = 2 * effective > args.total_classes  # §8.9: "more than 50%"
    waived = None
    if bachelor and over_half:
        waived = args.valid_reason_documented  # §8.10: documented reason, dean's order
        if not waived:
            failed.append("absences_over_50_percent")
    if args.coursework_required and not args.coursework_submitted:  # §8.8
        failed.append("coursework_not_submitted")
    keys = ["TWO_RATINGS", "EXAM_ADMISSION_50"]
    if args.total_classes is not None or effective:
        keys += ["ABSENCES_50_PERCENT", "LATENESS_FIVE_IS_ONE"]
    if waived is not None:
        keys.append("VALID_REASON")
    if args.coursework_required:
        keys.append("COURSEWORK_REQUIRED")
    texts = {
        lang: _admission_text(args, average, effective, percent, over_half, waived, failed, lang)
        for lang in LANGS
    }
    return ExamAdmissionResult(
        admitted=not failed,
        rating_average=to_number(average),
        effective_absences=effective,
        failed=failed,
        absence_percent=None if percent is None else to_number(percent),
        absence_rule_waived=waived,
        summer_semester_required=True if "absences_over_50_percent" in failed else None,
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


def _admission_text(
    args: ExamAdmissionArgs,
    average: Decimal,
    effective: int,
    percent: Decimal | None,
    over_half: bool,
    waived: bool | None,
    failed: list[str],
    lang: str,
) -> str:
    r1, r2, avg = fmt(args.r1, lang), fmt(args.r2, lang), fmt(average, lang)
    ok = average >= ADMISSION_RATING
    rule = ref("EXAM_ADMISSION_50", lang)
    parts = [
        {
            "kk": f"Рейтингтің орташа бағасы ({r1} + {r2}) / 2 = {avg} — "
            f"{'50-ден кем емес' if ok else '50-ден төмен'} ({rule}: 50 және одан жоғары).",
            "ru": f"Средний рейтинг ({r1} + {r2}) / 2 = {avg} — "
            f"{'не ниже 50' if ok else 'ниже 50'} ({rule}: 50 и выше).",
            "en": f"Rating average ({r1} + {r2}) / 2 = {avg}, "
            f"{'at least 50' if ok else 'below 50'} ({rule}: 50 and above).",
        }[lang]
    ]
    if not ok and average >= 49:
        rounding = ref("ROUNDING", lang)
        parts.append(
            {
                "kk": f"Орташа рейтинг дөңгелектенбейді: {rounding} дөңгелектеуі тек емтихан мен "
                "қорытынды бағаға қатысты.",
                "ru": f"Средний рейтинг не округляется: округление по {rounding} касается только "
                "экзаменационной и итоговой оценок.",
                "en": f"The rating average is not rounded: the rounding of {rounding} covers only "
                "the exam and final grades.",
            }[lang]
        )
    if args.total_classes is not None or effective:
        late, missed = args.late_over_20, args.missed
        extra = late // LATE_ARRIVALS_PER_ABSENCE
        count = {
            "kk": f"Өткізілген сабақтар: {missed} + {late} кешігу ÷ 5 = {missed} + {extra} = "
            f"{effective} ({ref('LATENESS_FIVE_IS_ONE', 'kk')})",
            "ru": f"Пропуски: {missed} + {late} опозданий ÷ 5 = {missed} + {extra} = "
            f"{effective} ({ref('LATENESS_FIVE_IS_ONE', 'ru')})",
            "en": f"Absences: {missed} + {late} late arrivals ÷ 5 = {missed} + {extra} = "
            f"{effective} ({ref('LATENESS_FIVE_IS_ONE', 'en')})",
        }[lang]
        if percent is not None:
            count += f", {effective} / {args.total_classes} = {fmt(percent, lang)}%"
        parts.append(count + ".")
        parts.append(_absence_verdict(args.level, over_half, waived, lang))
    if args.coursework_required:
        done = args.coursework_submitted
        parts.append(
            {
                "kk": f"Курстық жоба {'тапсырылды' if done else 'тапсырылмады'} "
                f"({ref('COURSEWORK_REQUIRED', 'kk')}).",
                "ru": f"Курсовой проект {'сдан' if done else 'не сдан'} "
                f"({ref('COURSEWORK_REQUIRED', 'ru')}).",
                "en": f"Course project {'submitted' if done else 'not submitted'} "
                f"({ref('COURSEWORK_REQUIRED', 'en')}).",
            }[lang]
        )
    verdict = {
        "kk": ("Емтиханға жіберіледі.", "Емтиханға жіберілмейді: "),
        "ru": ("Допущен к экзамену.", "Не допущен к экзамену: "),
        "en": ("Admitted to the exam.", "Not admitted to the exam: "),
    }[lang]
    labels = "; ".join(FAILURE_LABELS[code][lang] for code in failed)
    parts.append(verdict[0] if not failed else verdict[1] + labels + ".")
    return " ".join(parts)


def _absence_verdict(level: str, over_half: bool, waived: bool | None, lang: str) -> str:
    rule = ref("ABSENCES_50_PERCENT", lang)
    if level != "bachelor":
        return {
            "kk": f"50% ереже ({rule}) тек бакалавриатқа қатысты.",
            "ru": f"Правило 50% ({rule}) касается только бакалавриата.",
            "en": f"The 50% rule ({rule}) applies to bachelor students only.",
        }[lang]
    if not over_half:
        return {
            "kk": f"Бұл 50%-дан аспайды ({rule}: тек 50%-дан асқанда жіберілмейді).",
            "ru": f"Это не больше 50% ({rule}: не допускается лишь при превышении 50%).",
            "en": f"That is not more than 50% ({rule}: only more than 50% bars the exam).",
        }[lang]
    if waived:
        return {
            "kk": f"50%-дан асады, бірақ себебі құжатпен расталған: деканат өкімімен "
            f"жіберіледі ({ref('VALID_REASON', 'kk')}).",
            "ru": f"Больше 50%, но причина подтверждена документами: допуск распоряжением "
            f"деканата ({ref('VALID_REASON', 'ru')}).",
            "en": f"More than 50%, but the reason is documented: admitted by the dean's "
            f"order ({ref('VALID_REASON', 'en')}).",
        }[lang]
    return {
        "kk": f"Бұл 50%-дан асады ({rule}): пәнді жазғы семестрде меңгеру керек.",
        "ru": f"Это больше 50% ({rule}): дисциплину нужно освоить в летнем семестре.",
        "en": f"That is more than 50% ({rule}): the course must be taken in the summer semester.",
    }[lang]


# --- retake_path ------------------------------------------------------------------------------


class RetakePathArgs(ToolArgs):
    grade: Letter = Field(description="The letter grade received (A ... D, FX, F).")
    fx_count: Int(1, 10) = Field(
        default=1, description="How many times FX has now been received in this course."
    )
    context: Choice("course_exam", "kz_history_state_exam", "final_attestation") = Field(
        default="course_exam",
        description="Course exam, History of Kazakhstan state exam or final attestation.",
    )


class RetakePathResult(ToolResult):
    path: str
    restudy_required: bool | None = None
    deadline_working_days_after_session: int | None = None
    apply_months_before_start: int | None = None
    paid: bool | None = Field(default=None, description="The policy says the route is paid.")


def retake_path(grade: str, fx_count: int = 1, context: str = "course_exam") -> RetakePathResult:
    """What a student can do after a grade: FX retake, re-enrolment, summer, or nothing."""
    return compute_retake_path(RetakePathArgs.parse(locals()))


def compute_retake_path(args: RetakePathArgs) -> RetakePathResult:
    positive = band_of_letter(args.grade).positive
    if args.context == "final_attestation":
        if positive:  # §10: no retake to improve a positive grade
            return _route(args, "not_allowed", ["ATTESTATION_NO_IMPROVEMENT"])
        # §10: no retake in this period; apply a month before next year's attestation
        return _route(
            args,
            "reapply_next_academic_year",
            ["ATTESTATION_NO_IMPROVEMENT", "ATTESTATION_REAPPLY"],
            apply_months_before_start=REAPPLY_MONTHS_BEFORE,
        )
    if args.context == "kz_history_state_exam":
        if positive:  # policy silent: read as no improvement retake of a state exam
            return _route(args, "not_allowed", ["KZ_HISTORY_RETAKE"])
        return _route(  # §8.54: re-enrol on a paid basis, next period or summer
            args,
            "reenroll_paid_next_period_or_summer",
            ["KZ_HISTORY_RETAKE"],
            restudy_required=True,
            paid=True,
        )
    if positive:  # §8.34: improving a positive grade happens in the summer semester
        return _route(
            args,
            "summer_semester",
            ["POSITIVE_RETAKE_SUMMER", "SUMMER_FEE"],
            restudy_required=True,
            paid=True,
        )
    if args.grade == "FX" and args.fx_count == 1:  # §8.35, §8.39
        return _route(
            args,
            "fx_retake_additional_period",
            ["FX_RETAKE", "ADDITIONAL_PERIOD"],
            restudy_required=False,
            deadline_working_days_after_session=FX_RETAKE_WORKING_DAYS,
        )
    return _route(args, "reenroll_course", ["F_REENROLL"], restudy_required=True)  # §8.36


def _route(args: RetakePathArgs, path: str, keys: list[str], **fields: object) -> RetakePathResult:
    texts = {lang: _route_text(args, path, lang) for lang in LANGS}
    return RetakePathResult(path=path, clauses=cite(*keys), explanation=explain(**texts), **fields)


def _route_text(args: RetakePathArgs, path: str, lang: str) -> str:
    g = args.grade
    r = {
        key: ref(key, lang)
        for key in (
            "ATTESTATION_NO_IMPROVEMENT",
            "ATTESTATION_REAPPLY",
            "KZ_HISTORY_RETAKE",
            "POSITIVE_RETAKE_SUMMER",
            "FX_RETAKE",
            "ADDITIONAL_PERIOD",
            "F_REENROLL",
            "SUMMER_FEE",
        )
    }
    if path == "not_allowed" and args.context == "final_attestation":
        return {
            "kk": f"Қорытынды аттестаттаудағы оң баға ({g}): оны арттыру үшін қайта тапсыруға "
            f"жол берілмейді ({r['ATTESTATION_NO_IMPROVEMENT']}).",
            "ru": f"Положительная оценка итоговой аттестации ({g}): пересдача для её повышения "
            f"не допускается ({r['ATTESTATION_NO_IMPROVEMENT']}).",
            "en": f"A positive final attestation grade ({g}) cannot be retaken to improve it "
            f"({r['ATTESTATION_NO_IMPROVEMENT']}).",
        }[lang]
    if path == "reapply_next_academic_year":
        return {
            "kk": f"Қорытынды аттестаттаудағы «қанағаттанарлықсыз» ({g}) осы кезеңде қайта "
            f"тапсырылмайды ({r['ATTESTATION_NO_IMPROVEMENT']}); келесі оқу жылында "
            f"аттестаттау басталғанға дейін кемінде 1 ай бұрын ректордың атына өтініш "
            f"беріледі ({r['ATTESTATION_REAPPLY']}).",
            "ru": f"«Неудовлетворительно» ({g}) на итоговой аттестации в этот период не "
            f"пересдаётся ({r['ATTESTATION_NO_IMPROVEMENT']}); в следующем учебном году "
            f"заявление на имя ректора подаётся не позднее чем за 1 месяц до начала "
            f"аттестации ({r['ATTESTATION_REAPPLY']}).",
            "en": f"An unsatisfactory final attestation grade ({g}) cannot be retaken in this "
            f"period ({r['ATTESTATION_NO_IMPROVEMENT']}); apply to the rector in the next "
            f"academic year, at least 1 month before attestation starts "
            f"({r['ATTESTATION_REAPPLY']}).",
        }[lang]
    if path == "not_allowed":
        return {
            "kk": f"«Қазақстан тарихы» мемлекеттік емтиханындағы оң бағаны ({g}) арттыру "
            f"туралы саясатта ереже жоқ; {r['KZ_HISTORY_RETAKE']} тек «қанағаттанарлықсыз» "
            "бағадан кейін қайта тапсыруды көздейді, сондықтан тіркеуші оқуы: рұқсат етілмейді.",
            "ru": f"Повышение положительной оценки ({g}) госэкзамена по истории Казахстана "
            f"политикой не предусмотрено; {r['KZ_HISTORY_RETAKE']} допускает пересдачу только "
            "после «неудовлетворительно», поэтому прочтение регистратора: не допускается.",
            "en": f"The policy provides no retake to improve a positive grade ({g}) in the "
            f"History of Kazakhstan state exam; {r['KZ_HISTORY_RETAKE']} allows a retake only "
            "after an unsatisfactory grade, so the registrar's reading is: not allowed.",
        }[lang]
    if path == "reenroll_paid_next_period_or_summer":
        return {
            "kk": f"«Қазақстан тарихы» мемлекеттік емтиханынан «қанағаттанарлықсыз» ({g}): "
            "пәнге келесі академиялық кезеңде немесе жазғы семестрде ақылы негізде қайта "
            "жазылып, барлық сабаққа қатысып, рұқсат алып, емтиханды қайта тапсырады "
            f"({r['KZ_HISTORY_RETAKE']}).",
            "ru": f"«Неудовлетворительно» ({g}) на госэкзамене по истории Казахстана: повторная "
            "запись на дисциплину на платной основе в следующем академическом периоде или в "
            "летнем семестре, посещение всех занятий, допуск и пересдача экзамена "
            f"({r['KZ_HISTORY_RETAKE']}).",
            "en": f"Unsatisfactory ({g}) in the History of Kazakhstan state exam: re-enrol in "
            "the course on a paid basis in the next academic period or the summer semester, "
            f"attend all classes, gain admission and retake the exam ({r['KZ_HISTORY_RETAKE']}).",
        }[lang]
    if path == "summer_semester":
        return {
            "kk": f"Оң бағаны ({g}) арттыру үшін қайта тапсыру жазғы семестрде өтеді "
            f"({r['POSITIVE_RETAKE_SUMMER']}); жазғы семестр ақылы, кредит бойынша "
            f"({r['SUMMER_FEE']}).",
            "ru": f"Пересдача положительной оценки ({g}) для её повышения проходит в летнем "
            f"семестре ({r['POSITIVE_RETAKE_SUMMER']}); летний семестр платный, по кредитам "
            f"({r['SUMMER_FEE']}).",
            "en": f"A positive grade ({g}) is retaken to improve it in the summer semester "
            f"({r['POSITIVE_RETAKE_SUMMER']}), which is paid per credit ({r['SUMMER_FEE']}).",
        }[lang]
    if path == "fx_retake_additional_period":
        return {
            "kk": "Алғашқы FX: пәнді қайта оқымай, емтихан сессиясы ішінде немесе сессиядан "
            "кейінгі 10 жұмыс күні ішіндегі қосымша кезеңде қорытынды бақылауды қайта тапсыруға "
            f"СҚКО арқылы өтінім беріледі ({r['FX_RETAKE']}, {r['ADDITIONAL_PERIOD']}).",
            "ru": "Первый FX: без повторного изучения дисциплины подаётся заявка через ЦОС на "
            "пересдачу итогового контроля в сессию или в дополнительный период в течение 10 "
            f"рабочих дней после сессии ({r['FX_RETAKE']}, {r['ADDITIONAL_PERIOD']}).",
            "en": "First FX: without re-studying the course, apply through the Student Service "
            "Centre to retake the final control during the session or in the additional period "
            f"within 10 working days after it ({r['FX_RETAKE']}, {r['ADDITIONAL_PERIOD']}).",
        }[lang]
    why = {
        "kk": "F" if g == "F" else f"Екінші рет FX (барлығы {args.fx_count})",
        "ru": "F" if g == "F" else f"Повторный FX (всего {args.fx_count})",
        "en": "F" if g == "F" else f"FX for the second time ({args.fx_count} in all)",
    }[lang]
    return {
        "kk": f"{why}: пәнге қайта жазылып, барлық сабаққа қатысып, барлық жұмысты орындап, "
        f"қорытынды бақылауды қайта тапсырады ({r['F_REENROLL']}).",
        "ru": f"{why}: повторная запись на дисциплину, посещение всех занятий, выполнение "
        f"всех работ и повторная сдача итогового контроля ({r['F_REENROLL']}).",
        "en": f"{why}: re-enrol in the course, attend all classes, do all coursework and take "
        f"the final control again ({r['F_REENROLL']}).",
    }[lang]


SPECS = (
    ToolSpec(
        name="exam_admission",
        args=ExamAdmissionArgs,
        compute=compute_exam_admission,
        function=exam_admission,
        subject="grades",
        sections=(8,),
        title=texts("Емтиханға жіберілу", "Допуск к экзамену", "Exam admission"),
        disclosure=texts(
            "емтиханға жіберілуді тексеру",
            "проверки допуска к экзамену",
            "check admission to the examination",
        ),
        labels={
            "missed": texts("Босатылған сабақтар", "Пропущенные занятия", "Classes missed"),
            "total_classes": texts(
                "Кезеңдегі сабақтар саны", "Всего занятий за период", "Classes in the period"
            ),
            "late_over_20": texts(
                "20 минуттан астам кешігулер",
                "Опоздания более чем на 20 минут",
                "Late arrivals over 20 minutes",
            ),
            "coursework_submitted": texts(
                "Курстық жоба тапсырылды", "Курсовой проект сдан", "Course project submitted"
            ),
            "valid_reason_documented": texts(
                "Босатулар құжатпен расталған",
                "Пропуски подтверждены документами",
                "Absences excused by documents",
            ),
            "admitted": texts("Жіберілді", "Допущен", "Admitted"),
            "effective_absences": texts(
                "Есептелген босатулар", "Учтённые пропуски", "Counted absences"
            ),
            "absence_percent": texts("Босатулар, %", "Пропуски, %", "Absences, %"),
            "absence_rule_waived": texts(
                "Босату ережесі қолданылмады", "Правило о пропусках снято", "Absence rule waived"
            ),
            "summer_semester_required": texts(
                "Жазғы семестр қажет", "Нужен летний семестр", "Summer semester required"
            ),
        },
        reads={
            "r1": reads.number(key=True, group="ratings", order=1),
            "r2": reads.number(key=True, group="ratings", order=2),
            "level": reads.choice(),
            "missed": reads.number(key=True, units=("classes",)),
            "total_classes": reads.number(units=("classes",), total_of="missed"),
            "late_over_20": reads.number(units=("times",)),
            "coursework_required": reads.flag(),
            "coursework_submitted": reads.flag(coursework_required=True),
            "valid_reason_documented": reads.flag(),
        },
        description={
            "kk": "Емтиханға жіберу: рейтингтің орташа бағасы (≥ 50), бакалавриатта сабақ "
            "өткізу (≤ 50%, бес кешігу = бір өткізу) және курстық жоба.",
            "ru": "Допуск к экзамену: средний рейтинг (≥ 50), пропуски в бакалавриате "
            "(≤ 50%, пять опозданий = один пропуск) и курсовой проект.",
            "en": "Exam admission: rating average (≥ 50), bachelor absences (≤ 50%, five late "
            "arrivals = one absence) and the course project.",
        },
    ),
    ToolSpec(
        name="retake_path",
        args=RetakePathArgs,
        compute=compute_retake_path,
        function=retake_path,
        subject="grades",
        sections=(8, 10, 11),
        title=texts("Қайта тапсыру", "Пересдача", "Retake path"),
        disclosure=texts(
            "қайта тапсыру тәртібін анықтау",
            "определения порядка пересдачи",
            "determine the retake procedure",
        ),
        labels={
            "grade": texts("Алынған әріптік баға", "Полученная оценка", "Letter grade received"),
            "fx_count": texts("FX неше рет алынды", "Сколько раз получена FX", "Times FX received"),
            "context": texts("Жағдай", "Контекст", "Context"),
            "path": texts("Жол", "Порядок действий", "Path"),
            "restudy_required": texts(
                "Пәнді қайта оқу керек", "Нужно изучить заново", "Re-study required"
            ),
            "deadline_working_days_after_session": texts(
                "Сессиядан кейінгі мерзім (жұмыс күні)",
                "Срок после сессии (рабочих дней)",
                "Deadline after the session (working days)",
            ),
            "apply_months_before_start": texts(
                "Басталуға дейін өтініш (ай)",
                "Заявление до начала (месяцев)",
                "Apply before the start (months)",
            ),
            "paid": texts("Ақылы", "Платно", "Paid"),
        },
        reads={
            "grade": reads.letter(),
            "fx_count": reads.choice(assumed=True, only_if={"grade": "FX"}),  # §8.35, §8.36
            "context": reads.choice(),
        },
        values={
            "context": {
                "course_exam": texts("пән емтиханы", "экзамен по дисциплине", "course exam"),
                "kz_history_state_exam": texts(
                    "Қазақстан тарихы бойынша мемлекеттік емтихан",
                    "государственный экзамен по истории Казахстана",
                    "state exam in the History of Kazakhstan",
                ),
                "final_attestation": texts(
                    "қорытынды аттестаттау", "итоговая аттестация", "final attestation"
                ),
            },
            "path": {
                "fx_retake_additional_period": texts(
                    "қосымша емтихан кезеңінде FX-ті қайта тапсыру",
                    "пересдача FX в дополнительный период",
                    "retake the FX in the additional exam period",
                ),
                "reenroll_course": texts(
                    "пәнді қайта оқу (қайта тіркелу)",
                    "повторное изучение дисциплины (перезапись)",
                    "re-enrol in the course",
                ),
                "summer_semester": texts(
                    "жазғы семестрде қайта оқу",
                    "повторное изучение в летнем семестре",
                    "re-study in the summer semester",
                ),
                "reenroll_paid_next_period_or_summer": texts(
                    "келесі кезеңде немесе жазда ақылы негізде қайта оқу",
                    "платное повторное изучение в следующем периоде или летом",
                    "paid re-enrolment in the next period or the summer",
                ),
                "not_allowed": texts("рұқсат етілмейді", "не допускается", "not allowed"),
                "reapply_next_academic_year": texts(
                    "келесі оқу жылында қайта өтініш беру",
                    "повторная подача в следующем учебном году",
                    "reapply in the next academic year",
                ),
            },
        },
        description={
            "kk": "Бағадан кейінгі жол: FX қайта тапсыру, пәнге қайта жазылу, жазғы семестр, "
            "«Қазақстан тарихы» мемлекеттік емтиханы немесе қорытынды аттестаттау.",
            "ru": "Что делать после оценки: пересдача FX, повторная запись, летний семестр, "
            "госэкзамен по истории Казахстана или итоговая аттестация.",
            "en": "Route after a grade: FX retake, course re-enrolment, summer semester, the "
            "History of Kazakhstan state exam or the final attestation.",
        },
    ),
)
