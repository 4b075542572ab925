"""Admission thresholds: bachelor (UNT), master's (comprehensive testing), doctoral (§5).

Each tool reports every unmet requirement as a stable code, so an applicant learns in
one answer whether the total, a subject or a document is what keeps them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import Field

from corpus.languages import LANGS
from tools import reads
from tools.citations import cite
from tools.errors import ToolInputError, reject
from tools.fields import Choice, Int, Num, OptNum, ToolArgs
from tools.labels import texts
from tools.models import ToolResult, explain
from tools.rounding import fmt, to_number
from tools.spec import ToolSpec
from tools.text import ref, unmet

Number = int | float | Decimal

# §5: (threshold on the total, minimum per subject) by route
BACHELOR_RULES = {
    "standard": (50, 5, "BACHELOR_UNT_50"),
    "shortened_tvet": (25, 5, "BACHELOR_SHORTENED_25"),
}
UNT_MAX_TOTAL, UNT_MAX_SUBJECT = 140, 50

# §5: master's comprehensive testing by track: scale, total threshold, clause
MASTER_RULES = {
    "sci_ped": (150, 75, "MASTER_SCI_PED_75"),
    "profile": (100, 50, "MASTER_PROFILE_50"),
    "creative": (150, 75, "MASTER_CREATIVE_75"),
}
MASTER_BLOCK_MIN = 7  # §5: profile parts, readiness test, each creative exam
MASTER_LANGUAGE_MIN = 25  # §5: foreign language
CERTIFICATE_POINTS = 50  # §5: a language certificate counts as 50 points

# §5: doctoral entrance exam by programme: threshold, maximum
DOCTORAL_RULES = {"phd": (75, 100), "profile": (50, 80)}
DOCTORAL_WORK_MONTHS = 9  # §5: master's degree and at least 9 months of work


# --- admission_bachelor -----------------------------------------------------------------------


class AdmissionBachelorArgs(ToolArgs):
    unt_total: Int(0, UNT_MAX_TOTAL) = Field(description="UNT total score (0-140).")
    subject_scores: list[Int(0, UNT_MAX_SUBJECT)] = Field(
        min_length=1, max_length=5, description="Score of each UNT subject / creative exam."
    )
    route: Choice("standard", "shortened_tvet") = Field(
        default="standard",
        description="standard (school) or shortened_tvet (college diploma, shortened programme).",
    )


class AdmissionBachelorResult(ToolResult):
    eligible: bool
    threshold: int
    failed: list[str]
    subject_minimum: int


def admission_bachelor(
    unt_total: int, subject_scores: list[int], route: str = "standard"
) -> AdmissionBachelorResult:
    """Whether UNT results admit an applicant to the grant / paid competition (§5)."""
    return compute_admission_bachelor(AdmissionBachelorArgs.parse(locals()))


def compute_admission_bachelor(args: AdmissionBachelorArgs) -> AdmissionBachelorResult:
    threshold, minimum, key = BACHELOR_RULES[args.route]
    parts = sum(args.subject_scores)
    if parts > args.unt_total:  # the subjects make up the total: a total below them is misread
        raise reject(
            "out_of_range",
            None,
            kk=f"Пәндер бойынша балдардың қосындысы ({parts}) ҰБТ жалпы балынан "
            f"({args.unt_total}) көп болмауы керек: жалпы балды тексеріңіз.",
            ru=f"Сумма баллов по предметам ({parts}) не может быть больше общего балла ЕНТ "
            f"({args.unt_total}): проверьте общий балл.",
            en=f"The subject scores add up to {parts}, more than the UNT total of "
            f"{args.unt_total}: please check the total.",
        )
    failed = []
    if args.unt_total < threshold:
        failed.append("total_below_threshold")
    low = [s for s in args.subject_scores if s < minimum]
    if low:
        failed.append("subject_below_5")
    texts = {}
    for lang in LANGS:
        rule = ref(key, lang)
        scores = ", ".join(str(s) for s in args.subject_scores)
        lows = ", ".join(str(s) for s in low)
        route = {
            "standard": {"kk": "жалпы тәртіп", "ru": "общий порядок", "en": "standard route"},
            "shortened_tvet": {
                "kk": "ТжКБ негізінде қысқартылған оқу",
                "ru": "сокращённое обучение на базе ТиПО",
                "en": "shortened programme after TVET",
            },
        }[args.route][lang]
        total_ok = args.unt_total >= threshold
        enough = {
            "kk": "жеткілікті" if total_ok else "жеткіліксіз",
            "ru": "достаточно" if total_ok else "недостаточно",
            "en": "enough" if total_ok else "not enough",
        }
        text = {
            "kk": f"{route} ({rule}): ҰБТ жалпы балы кемінде {threshold}, әр пән бойынша кемінде "
            f"{minimum}. Жалпы балл {args.unt_total} — {enough['kk']}; "
            f"пәндер: {scores}"
            + (f" — {lows} балл {minimum}-тен төмен." if low else " — бәрі жеткілікті."),
            "ru": f"{route} ({rule}): по ЕНТ не менее {threshold} баллов, по каждому предмету не "
            f"менее {minimum}. Сумма {args.unt_total} — {enough['ru']}; "
            f"предметы: {scores}" + (f" — {lows} ниже {minimum}." if low else " — все достаточны."),
            "en": f"{route} ({rule}): UNT total at least {threshold}, at least {minimum} in every "
            f"subject. Total {args.unt_total}: {enough['en']}; subjects "
            f"{scores}" + (f": {lows} below {minimum}." if low else ": all enough."),
        }[lang]
        text += " " + _verdict(not failed, lang)
        texts[lang] = text[0].upper() + text[1:]
    return AdmissionBachelorResult(
        eligible=not failed,
        threshold=threshold,
        failed=failed,
        subject_minimum=minimum,
        clauses=cite(key),
        explanation=explain(**texts),
    )


def _verdict(eligible: bool, lang: str) -> str:
    return {
        "kk": ("Талаптар орындалды.", "Талаптар орындалмады."),
        "ru": ("Требования выполнены.", "Требования не выполнены."),
        "en": ("Eligible.", "Not eligible."),
    }[lang][0 if eligible else 1]


# --- admission_master -------------------------------------------------------------------------


class AdmissionMasterArgs(ToolArgs):
    track: Choice("sci_ped", "profile", "creative") = Field(
        default="sci_ped", description="Scientific-pedagogical, profile or creative master's."
    )
    profile_single: OptNum(0, 70) = Field(
        default=None, description="Profile test, single-answer part (sci_ped, profile)."
    )
    profile_multiple: OptNum(0, 70) = Field(
        default=None, description="Profile test, one-or-more-answers part (sci_ped, profile)."
    )
    readiness: Num(0, 50) = Field(description="Test of readiness for study.")
    foreign_language: OptNum(0, 50) = Field(
        default=None, description="Foreign language test (sci_ped, creative)."
    )
    creative_exams: list[Num(0, 100)] | None = Field(
        default=None, description="Score of each creative exam (creative track)."
    )
    language_certificate: bool = Field(
        default=False, description="Holds a foreign-language certificate (counts as 50 points)."
    )

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        need = super().needs(given)
        track = given.get("track") or "sci_ped"
        certified = given.get("language_certificate") is True
        language = certified or given.get("foreign_language") is not None
        if track in ("sci_ped", "creative") and not language:  # §5: the language test
            need.append("foreign_language")
        if track in ("sci_ped", "profile"):  # §5: the profile test in two parts
            need += [n for n in ("profile_single", "profile_multiple") if given.get(n) is None]
        if track == "creative" and not given.get("creative_exams"):
            need.append("creative_exams")
        return need


class AdmissionMasterResult(ToolResult):
    eligible: bool
    total: float
    threshold: int
    failed: list[str]
    max_total: int
    foreign_language_used: float | None = None


def admission_master(
    track: str = "sci_ped",
    profile_single: Number | None = None,
    profile_multiple: Number | None = None,
    readiness: Number | None = None,
    foreign_language: Number | None = None,
    creative_exams: list[Number] | None = None,
    language_certificate: bool = False,
) -> AdmissionMasterResult:
    """Whether comprehensive-testing results admit an applicant to a master's programme (§5)."""
    raw = {k: v for k, v in locals().items() if v is not None}
    return compute_admission_master(AdmissionMasterArgs.parse(raw))


def compute_admission_master(args: AdmissionMasterArgs) -> AdmissionMasterResult:
    scale, threshold, key = MASTER_RULES[args.track]
    blocks: dict[str, Decimal] = {}
    failed: list[str] = []
    keys = [key]
    language = None
    if args.track in ("sci_ped", "creative"):  # §5: these tracks include the language test
        if args.language_certificate:  # §5: a certificate counts as 50 points
            language = Decimal(CERTIFICATE_POINTS)
            keys.append("MASTER_LANGUAGE_CERTIFICATE")
        else:
            language = args.foreign_language
        blocks["foreign_language"] = language
        if language < MASTER_LANGUAGE_MIN:
            failed.append("foreign_language_below_25")
    if args.track in ("sci_ped", "profile"):  # §5: profile test in two parts
        for name in ("profile_single", "profile_multiple"):
            value = getattr(args, name)
            blocks[name] = value
            if value < MASTER_BLOCK_MIN:
                failed.append(f"{name}_below_7")
    blocks["readiness"] = args.readiness
    if args.readiness < MASTER_BLOCK_MIN:
        failed.append("readiness_below_7")
    if args.track == "creative":  # §5: creative exams instead of the profile test
        for i, score in enumerate(args.creative_exams, 1):
            blocks[f"creative_exam_{i}"] = score
        if any(score < MASTER_BLOCK_MIN for score in args.creative_exams):
            failed.append("creative_exam_below_7")
    total = sum(blocks.values(), Decimal(0))
    if total > scale:
        raise reject(
            "out_of_range",
            None,
            kk=f"Блоктардың қосындысы {fmt(total, 'kk')} КТ шкаласынан ({scale}) асып кетті.",
            ru=f"Сумма блоков {fmt(total, 'ru')} превышает шкалу КТ ({scale}).",
            en=f"The blocks add up to {fmt(total, 'en')}, above the CT scale of {scale}.",
        )
    if total < threshold:
        failed.insert(0, "total_below_threshold")
    ignored = _ignored_master_args(args)
    texts = {
        lang: _master_text(args, blocks, total, scale, threshold, key, ignored, failed, lang)
        for lang in LANGS
    }
    return AdmissionMasterResult(
        eligible=not failed,
        total=to_number(total),
        threshold=threshold,
        failed=failed,
        max_total=scale,
        foreign_language_used=None if language is None else to_number(language),
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


def _ignored_master_args(args: AdmissionMasterArgs) -> list[str]:
    ignored = []
    if args.track == "profile" and (args.foreign_language is not None or args.language_certificate):
        ignored.append("foreign_language")
    if args.track == "creative":
        ignored += [
            n for n in ("profile_single", "profile_multiple") if getattr(args, n) is not None
        ]
    if args.track != "creative" and args.creative_exams:
        ignored.append("creative_exams")
    return ignored


BLOCK_LABELS = {
    "foreign_language": {"kk": "шет тілі", "ru": "иностранный язык", "en": "foreign language"},
    "profile_single": {
        "kk": "бейін (бір жауап)",
        "ru": "профиль (один ответ)",
        "en": "profile (single answer)",
    },
    "profile_multiple": {
        "kk": "бейін (бірнеше жауап)",
        "ru": "профиль (несколько ответов)",
        "en": "profile (multiple answers)",
    },
    "readiness": {"kk": "оқуға дайындық", "ru": "готовность к обучению", "en": "readiness test"},
    "creative_exam": {
        "kk": "шығармашылық емтихан",
        "ru": "творческий экзамен",
        "en": "creative exam",
    },
}


def _master_text(
    args: AdmissionMasterArgs,
    blocks: dict[str, Decimal],
    total: Decimal,
    scale: int,
    threshold: int,
    key: str,
    ignored: list[str],
    failed: list[str],
    lang: str,
) -> str:
    def label(name: str) -> str:
        if name.startswith("creative_exam_"):
            return f"{BLOCK_LABELS['creative_exam'][lang]} {name.rsplit('_', 1)[1]}"
        return BLOCK_LABELS[name][lang]

    terms = " + ".join(f"{fmt(v, lang)} ({label(n)})" for n, v in blocks.items())
    rule = ref(key, lang)
    text = {
        "kk": f"{rule}: {scale} балдық шкала, қосынды кемінде {threshold}, шет тілі кемінде "
        f"{MASTER_LANGUAGE_MIN}, қалған блоктар кемінде {MASTER_BLOCK_MIN}. "
        f"Қосынды: {terms} = {fmt(total, lang)}.",
        "ru": f"{rule}: шкала {scale} баллов, сумма не менее {threshold}, иностранный язык не "
        f"менее {MASTER_LANGUAGE_MIN}, остальные блоки не менее {MASTER_BLOCK_MIN}. "
        f"Сумма: {terms} = {fmt(total, lang)}.",
        "en": f"{rule}: {scale}-point scale, total at least {threshold}, foreign language at "
        f"least {MASTER_LANGUAGE_MIN}, other blocks at least {MASTER_BLOCK_MIN}. "
        f"Total: {terms} = {fmt(total, lang)}.",
    }[lang]
    if args.language_certificate and "foreign_language" in blocks:
        text += (
            " "
            + {
                "kk": f"Шет тілі сертификаты {CERTIFICATE_POINTS} балл ретінде есептелді "
                f"({ref('MASTER_LANGUAGE_CERTIFICATE', 'kk')}).",
                "ru": f"Сертификат по иностранному языку засчитан как {CERTIFICATE_POINTS} баллов "
                f"({ref('MASTER_LANGUAGE_CERTIFICATE', 'ru')}).",
                "en": f"The language certificate counts as {CERTIFICATE_POINTS} points "
                f"({ref('MASTER_LANGUAGE_CERTIFICATE', 'en')}).",
            }[lang]
        )
    if ignored:
        names = ", ".join(ignored)
        text += (
            " "
            + {
                "kk": f"Бұл бағытқа кірмейтін аргументтер ескерілмеді: {names}.",
                "ru": f"Аргументы, не относящиеся к этому треку, не учтены: {names}.",
                "en": f"Arguments that do not belong to this track were ignored: {names}.",
            }[lang]
        )
    if failed:
        text += " " + unmet(failed, lang)
    return text + " " + _verdict(not failed, lang)


# --- admission_doctoral -----------------------------------------------------------------------


class AdmissionDoctoralArgs(ToolArgs):
    has_master: bool = Field(description="Holds a master's degree.")
    work_months: Num(0, 720) = Field(description="Months of work experience.")
    exam_score: Num(0, 100) = Field(description="Entrance exam score (PhD of 100, profile of 80).")
    program: Choice("phd", "profile") = Field(
        default="phd", description="PhD or profile (incl. industrial) doctorate."
    )
    funding: Choice("paid", "grant") = Field(
        default="paid", description="Paid place or state grant."
    )
    language_certificate: bool = Field(
        default=True, description="Holds an international foreign-language certificate (CEFR)."
    )
    certificate_type: str | None = Field(
        default=None, max_length=60, description='Certificate name, e.g. "IELTS", "TOEFL ITP".'
    )


class AdmissionDoctoralResult(ToolResult):
    eligible: bool
    threshold: int
    max_score: int
    additional_english_test: bool
    failed: list[str]


def admission_doctoral(
    has_master: bool,
    work_months: Number,
    exam_score: Number,
    program: str = "phd",
    funding: str = "paid",
    language_certificate: bool = True,
    certificate_type: str | None = None,
) -> AdmissionDoctoralResult:
    """Whether an applicant meets the doctoral admission requirements (§5)."""
    return compute_admission_doctoral(AdmissionDoctoralArgs.parse(locals()))


def _is_toefl_itp(certificate: str | None) -> bool:
    return (
        certificate is not None
        and "".join(ch for ch in certificate.upper() if ch.isalnum()) == "TOEFLITP"
    )


def compute_admission_doctoral(args: AdmissionDoctoralArgs) -> AdmissionDoctoralResult:
    threshold, max_score = DOCTORAL_RULES[args.program]
    if args.exam_score > max_score:
        raise ToolInputError.of(
            "out_of_range", "exam_score", lo=0, hi=max_score, value=fmt(args.exam_score, "en")
        )
    failed = []
    if not args.has_master:  # §5
        failed.append("no_master_degree")
    if args.work_months < DOCTORAL_WORK_MONTHS:  # §5
        failed.append("work_experience_below_9_months")
    if args.exam_score < threshold:  # §5: paid and grant thresholds are the same
        failed.append("exam_below_threshold")
    if not args.language_certificate:  # §5: international certificate (read as for all places)
        failed.append("no_language_certificate")
    extra_test = args.language_certificate and _is_toefl_itp(args.certificate_type)  # §5
    threshold_key = (
        "DOCTORAL_PAID_THRESHOLDS" if args.funding == "paid" else "DOCTORAL_GRANT_THRESHOLDS"
    )
    keys = ["DOCTORAL_MASTER_9_MONTHS", threshold_key, "DOCTORAL_PAID_THRESHOLDS"]
    if extra_test:
        keys.append("DOCTORAL_TOEFL_ITP")
    texts = {}
    for lang in LANGS:
        program = {
            "phd": {"kk": "PhD", "ru": "PhD", "en": "PhD"},
            "profile": {
                "kk": "бейіндік докторантура",
                "ru": "профильная докторантура",
                "en": "profile doctorate",
            },
        }[args.program][lang]
        funding = {
            "paid": {"kk": "ақылы", "ru": "платно", "en": "paid place"},
            "grant": {"kk": "грант", "ru": "грант", "en": "state grant"},
        }[args.funding][lang]
        months, score = fmt(args.work_months, lang), fmt(args.exam_score, lang)
        has = {"kk": ("бар", "жоқ"), "ru": ("есть", "нет"), "en": ("yes", "no")}[lang]
        degree = has[0 if args.has_master else 1]
        certificate = has[0 if args.language_certificate else 1]
        base = ref("DOCTORAL_MASTER_9_MONTHS", lang)
        thr = ref(threshold_key, lang)
        text = {
            "kk": f"{program}, {funding}. Магистр дәрежесі және кемінде {DOCTORAL_WORK_MONTHS} ай "
            f"жұмыс өтілі ({base}): дәреже — {degree}, өтіл — {months} ай. "
            f"Түсу емтиханы ({thr}): {max_score} балдан кемінде {threshold}, жиналғаны {score}. "
            f"Халықаралық тіл сертификаты: {certificate}.",
            "ru": f"{program}, {funding}. Степень магистра и стаж не менее {DOCTORAL_WORK_MONTHS} "
            f"месяцев ({base}): степень — {degree}, стаж — {months} мес. "
            f"Вступительный экзамен ({thr}): не менее {threshold} из {max_score}, набрано {score}. "
            f"Международный языковой сертификат: {certificate}.",
            "en": f"{program}, {funding}. A master's degree and at least {DOCTORAL_WORK_MONTHS} "
            f"months of work ({base}): degree {degree}, experience "
            f"{months} months. Entrance exam ({thr}): at least {threshold} of {max_score}, scored "
            f"{score}. International language certificate: {certificate}.",
        }[lang]
        if extra_test:
            toefl = ref("DOCTORAL_TOEFL_ITP", lang)
            text += {
                "kk": " TOEFL ITP иелері емтиханға дейін ағылшын тілінен қосымша тестілеу "
                f"тапсырады ({toefl}).",
                "ru": " Обладатели TOEFL ITP до экзамена сдают дополнительное тестирование по "
                f"английскому ({toefl}).",
                "en": " TOEFL ITP holders take an additional English test before the exam "
                f"({toefl}).",
            }[lang]
        if failed:
            text += " " + unmet(failed, lang)
        text += " " + _verdict(not failed, lang)
        texts[lang] = text[0].upper() + text[1:]
    return AdmissionDoctoralResult(
        eligible=not failed,
        threshold=threshold,
        max_score=max_score,
        additional_english_test=extra_test,
        failed=failed,
        clauses=cite(*keys),
        explanation=explain(**texts),
    )


SPECS = (
    ToolSpec(
        name="admission_bachelor",
        args=AdmissionBachelorArgs,
        compute=compute_admission_bachelor,
        function=admission_bachelor,
        subject="admission",
        sections=(5,),
        title=texts("Бакалавриатқа қабылдау", "Приём в бакалавриат", "Bachelor admission"),
        disclosure=texts(
            "бакалавриатқа қабылдау шарттарын тексеру",
            "проверки условий поступления в бакалавриат",
            "check the bachelor's admission requirements",
        ),
        labels={
            "unt_total": texts("ҰБТ жалпы балы", "Общий балл ЕНТ", "UNT total score"),
            "subject_scores": texts(
                "Пәндер бойынша балдар", "Баллы по предметам", "Subject scores"
            ),
            "route": texts("Түсу жолы", "Путь поступления", "Route"),
            "subject_minimum": texts(
                "Пән бойынша ең аз балл", "Минимум по предмету", "Subject minimum"
            ),
        },
        reads={
            "unt_total": reads.number(key=True),
            "subject_scores": reads.numbers(follows="unt_total"),
            "route": reads.choice(),
        },
        values={
            "route": {
                "standard": texts("жалпы тәртіп", "общий порядок", "standard"),
                "shortened_tvet": texts(
                    "ТжКБ негізінде қысқартылған оқу",
                    "сокращённое обучение на базе ТиПО",
                    "shortened programme after TVET",
                ),
            }
        },
        description={
            "kk": "Бакалавриатқа түсу: ҰБТ шекті балы (жалпы тәртіпте 50, ТжКБ негізінде "
            "қысқартылған оқуға 25) және әр пән бойынша кемінде 5 балл.",
            "ru": "Поступление в бакалавриат: пороговый балл ЕНТ (50, для сокращённого обучения "
            "на базе ТиПО — 25) и не менее 5 баллов по каждому предмету.",
            "en": "Bachelor admission: UNT threshold (50; 25 for a shortened programme after "
            "TVET) and at least 5 points in every subject.",
        },
    ),
    ToolSpec(
        name="admission_master",
        args=AdmissionMasterArgs,
        compute=compute_admission_master,
        function=admission_master,
        subject="admission",
        sections=(5,),
        title=texts("Магистратураға қабылдау", "Приём в магистратуру", "Master's admission"),
        disclosure=texts(
            "магистратураға қабылдау шарттарын тексеру",
            "проверки условий поступления в магистратуру",
            "check the master's admission requirements",
        ),
        labels={
            "track": texts("Магистратура бағыты", "Направление магистратуры", "Track"),
            "profile_single": texts(
                "Бейіндік тест: бір жауапты бөлім",
                "Профильный тест: часть с одним ответом",
                "Profile test: single-answer part",
            ),
            "profile_multiple": texts(
                "Бейіндік тест: бірнеше жауапты бөлім",
                "Профильный тест: часть с несколькими ответами",
                "Profile test: multiple-answer part",
            ),
            "readiness": texts(
                "Оқуға дайындық тесті",
                "Тест на готовность к обучению",
                "Test of readiness for study",
            ),
            "foreign_language": texts(
                "Шет тілі тесті", "Тест по иностранному языку", "Foreign language test"
            ),
            "creative_exams": texts(
                "Шығармашылық емтихандар балдары",
                "Баллы творческих экзаменов",
                "Creative exam scores",
            ),
            "total": texts("Жалпы балл", "Общий балл", "Total"),
            "max_total": texts("Ең жоғары жалпы балл", "Максимальный общий балл", "Maximum total"),
            "foreign_language_used": texts(
                "Есепке алынған шет тілі балы",
                "Учтённый балл по языку",
                "Foreign language score used",
            ),
        },
        reads={
            "track": reads.choice(),
            "profile_single": reads.number(key=True, group="profile_test", order=1),
            "profile_multiple": reads.number(key=True, group="profile_test", order=2),
            "readiness": reads.number(key=True),
            "foreign_language": reads.number(key=True),
            "creative_exams": reads.numbers(),
            "language_certificate": reads.flag(),
        },
        values={
            "track": {
                "sci_ped": texts(
                    "ғылыми-педагогикалық", "научно-педагогическая", "scientific-pedagogical"
                ),
                "profile": texts("бейіндік", "профильная", "profile"),
                "creative": texts("шығармашылық", "творческая", "creative"),
            }
        },
        description={
            "kk": "Магистратураға түсу: КТ шекті балдары (ғылыми-педагогикалық, бейіндік, "
            "шығармашылық) және әр блоктың ең төменгі балы.",
            "ru": "Поступление в магистратуру: пороговые баллы КТ (научно-педагогическая, "
            "профильная, творческая) и минимумы по блокам.",
            "en": "Master's admission: comprehensive-testing thresholds (scientific-pedagogical, "
            "profile, creative) and block minimums.",
        },
    ),
    ToolSpec(
        name="admission_doctoral",
        args=AdmissionDoctoralArgs,
        compute=compute_admission_doctoral,
        function=admission_doctoral,
        subject="admission",
        sections=(5,),
        title=texts("Докторантураға қабылдау", "Приём в докторантуру", "Doctoral admission"),
        disclosure=texts(
            "докторантураға қабылдау шарттарын тексеру",
            "проверки условий поступления в докторантуру",
            "check the doctoral admission requirements",
        ),
        labels={
            "has_master": texts(
                "Магистр дәрежесі бар", "Есть степень магистра", "Holds a master's degree"
            ),
            "work_months": texts(
                "Еңбек өтілі (ай)", "Стаж работы (месяцев)", "Work experience (months)"
            ),
            "exam_score": texts(
                "Түсу емтиханының балы", "Балл вступительного экзамена", "Entrance exam score"
            ),
            "program": texts("Бағдарлама", "Программа", "Programme"),
            "funding": texts("Қаржыландыру", "Финансирование", "Funding"),
            "certificate_type": texts(
                "Сертификат атауы (IELTS, TOEFL…)",
                "Название сертификата (IELTS, TOEFL…)",
                "Certificate name (IELTS, TOEFL…)",
            ),
            "max_score": texts("Ең жоғары балл", "Максимальный балл", "Maximum score"),
            "additional_english_test": texts(
                "Қосымша ағылшын тілі тесті",
                "Дополнительный тест по английскому",
                "Additional English test",
            ),
        },
        reads={
            "has_master": reads.flag(),
            "work_months": reads.number(units=("months", "years"), alone=True, scale={"years": 12}),
            "exam_score": reads.number(key=True),
            "program": reads.choice(),
            "funding": reads.choice(),
            "language_certificate": reads.flag(),
            "certificate_type": reads.text(),
        },
        values={
            "program": {
                "phd": texts("PhD", "PhD", "PhD"),
                "profile": texts("бейіндік докторантура", "профильная докторантура", "profile"),
            },
            "funding": {
                "paid": texts("ақылы", "платное", "paid"),
                "grant": texts("грант", "грант", "grant"),
            },
        },
        description={
            "kk": "Докторантураға түсу: магистр дәрежесі, 9 ай өтіл, түсу емтиханының шекті "
            "балы және тіл сертификаты.",
            "ru": "Поступление в докторантуру: степень магистра, стаж 9 месяцев, пороговый балл "
            "вступительного экзамена и языковой сертификат.",
            "en": "Doctoral admission: master's degree, 9 months of work, entrance exam "
            "threshold and language certificate.",
        },
    ),
)
