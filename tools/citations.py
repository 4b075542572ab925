"""Every clause the tools cite, in one place.

Tools cite by semantic key; this table maps each key to the clause id and a short
verbatim Kazakh phrase (anchor) of that clause. Clause boundaries of the corpus are
still being corrected, so ids may shift: tests/tools/test_citations.py checks every
id against the corpus and every anchor against the clause text, and when ids move
only this module changes.
"""

from __future__ import annotations

CITATIONS: dict[str, tuple[str, str]] = {
    # §5 admission: bachelor
    "BACHELOR_UNT_50": ("5.8", "кемінде 50 балл, бұл ретте ҰБТ және (немесе) шығармашылық"),
    "BACHELOR_SHORTENED_25": ("5.9", "кемінде 25 балл жинаған техникалық және кәсіптік"),
    # §5 admission: master's
    "MASTER_CT_SCI_PED": ("5.26", "шет тілі бойынша тестті"),
    "MASTER_CT_PROFILE": ("5.27", "бейіндік магистратураға түсетін тұлғалар"),
    "MASTER_LANGUAGE_CERTIFICATE": ("5.28", "50 балл есептеледі"),
    "MASTER_SCI_PED_75": ("5.33", "кемінде 75 балл, бұл ретте шет тілі бойынша-кемінде 25 балл"),
    "MASTER_PROFILE_50": ("5.34", "100 балдық жүйесінің шкаласына сәйкес"),
    "MASTER_CREATIVE_75": ("5.35", "әрбір шығармашылық емтихан бойынша кемінде 7 балл"),
    # §5 admission: doctoral
    "DOCTORAL_MASTER_9_MONTHS": ("5.36", "кемінде 9 (тоғыз) ай жұмыс өтілі"),
    "DOCTORAL_TOEFL_ITP": ("5.38", "қосымша тестілеуді"),
    "DOCTORAL_PAID_THRESHOLDS": ("5.41", "ықтимал 100 балдан кемінде 75 балл"),
    "DOCTORAL_GRANT_THRESHOLDS": ("5.42", "Мемлекеттік білім беру тапсырысы бойынша"),
    # §5 academic difference
    "DIFFERENCE_MAX_35": ("5.18", "ең көп санына тіркелуге құқылы – 35"),
    # §7 credits and hours
    "CREDIT_30_HOURS": ("7.5", "1 академиялық кредит 30 академиялық сағатқа"),
    "HOUR_50_MINUTES": ("7.5", "1 академиялық сағат 50 минутқа тең"),
    "CLASSROOM_30_PERCENT": ("7.5", "кемінде 30% құрайды"),
    # §8 ratings, exam admission
    "TWO_RATINGS": ("8.6", "(Р1, Р2) екі рейтингтік баға"),
    "EXAM_ADMISSION_50": ("8.8", "рейтингтің орташа бағасы 50 балл және одан жоғары"),
    "COURSEWORK_REQUIRED": (
        "8.8",
        "тапсырмаған білім алушылар тиісті пән бойынша емтиханға жіберілмейді",
    ),
    "ABSENCES_50_PERCENT": (
        "8.9",
        "бакалавриат білім алушысы қорытынды бақылауды тапсыруға жіберілмейді",
    ),
    "LATENESS_FIVE_IS_ONE": ("8.9", "бес кешігу есебінен сабақтың бір өткізілуіне теңестіріледі"),
    "VALID_REASON": ("8.10", "дәлелді себебін растайтын құжаттар"),
    # §8 grades
    "GPA_DIFFERENTIATED": ("8.28", "GPA есептеу кезінде ескеріледі"),
    "GRADE_FORMULA": ("8.29", "0,6 және 0,4"),
    "ROUNDING": ("8.29", "0,1-0,4-тен дөңгелектеу кіші бағытта"),
    "LETTER_SYSTEM": ("8.30", "цифрлық баламасы бар әріптік жүйеге"),
    "LETTER_TABLE": ("8.T1", "Төрт балдық жүйе бойынша цифрлық баламаға сәйкес"),
    # §8 retakes
    "POSITIVE_RETAKE_SUMMER": ("8.34", "оң бағаны қайта тапсыру жазғы семестрде жүзеге асырылады"),
    "FX_RETAKE": ("8.35", "10 жұмыс күні ішінде қосымша кезең ішінде"),
    "F_REENROLL": ("8.36", "екінші рет алған кезде білім алушы осы оқу пәніне қайта жазылады"),
    "ADDITIONAL_PERIOD": ("8.39", "10 жұмыс күнінен аспайтын қосымша кезең"),
    "KZ_HISTORY_ADMISSION": ("8.53", "мемлекеттік емтиханға рейтингтің орташа бағасы 50 балл"),
    "KZ_HISTORY_RETAKE": (
        "8.54",
        "келесі академиялық кезеңде немесе жазғы семестрде ақылы негізде",
    ),
    # §9 iGPA
    "IGPA_SCOPE": ("9.1", "1-4 курста оқитын бакалавриат студенттері үшін міндетті"),
    "IGPA_YEARS_1_2": ("9.3", "iGPA=GPA*0,85+SSCI*0,15"),
    "IGPA_YEARS_3_4": ("9.4", "iGPA=GPA*0,5+iROS*0,35+SSCI*0,15"),
    # §10 final attestation
    "ATTESTATION_NO_IMPROVEMENT": ("10.18", "Оң бағаны арттыру мақсатында қорытынды аттестаттауды"),
    "ATTESTATION_REAPPLY": (
        "10.41",
        "келесі оқу жылында қорытынды аттестаттау басталғанға дейін бір айдан",
    ),
    # §11 summer semester
    "SUMMER_FEE": ("11.2", "бір несиенің құнын әр пән бойынша несиелер санына көбейту"),
    "SUMMER_EXAM_ADMISSION": ("11.4", "Р1 және Р2 жаңа мәндерін алғаннан кейін"),
    "SUMMER_LIMIT_30": ("11.7", "30 кредиттен артық емес қайта игеруге"),
    # §12 transfer, academic difference, progression
    "DIFFERENCE_IN_SUMMER": ("12.9", "білім алушы оларға жазғы семестрде жазылады"),
    "RECOUNT_UP_TO_100": (
        "12.13",
        "пәндер атауының айырмашылығына қарамастан игерілген кредиттердің",
    ),
    "RECOUNT_A_TO_D": ("12.14", "А-дан D-ге дейінгі қорытынды баға қойылған пәндер ғана"),
    "PASS_EQUATED": (
        "12.15",
        "аралығында төрт балдық жүйе бойынша цифрлық баламаға сәйкес келетін",
    ),
    "PROGRESSION_50_PERCENT": ("12.53", "барлық бағалау блоктары бойынша кемінде 50% балл"),
    # §14 mobility
    "MOBILITY_YEARS": ("14.27", "2-4 курс бакалавриатының, магистратураның және докторантураның"),
    "MOBILITY_REQUIREMENTS": ("14.28", "B2-ден кем емес деңгей), GPA 2.5-тен кем емес"),
    # §15 non-formal learning
    "NONFORMAL_IN_PROGRAM": ("15.9", "білім беру бағдарламасына кіретін оқу пәні"),
    "NONFORMAL_FULL_COURSE": ("15.11", "тек толық көлемде қайта есептелуі мүмкін"),
    "NONFORMAL_30_HOURS": (
        "15.11",
        "бір академиялық кредитінің бастапқы еңбек сыйымдылығы үшін 30",
    ),
    "NONFORMAL_CAP_15": ("15.12", "240 кредиттен 36 кредитті"),
    "NONFORMAL_10_DAYS": ("15.13", "академиялық кезең басталғанға дейін 10 күн бұрын"),
}


def clause_id(key: str) -> str:
    return CITATIONS[key][0]


def cite(*keys: str) -> list[str]:
    """Clause ids of `keys`, in the order given, each once."""
    ids: list[str] = []
    for key in keys:
        cid = clause_id(key)
        if cid not in ids:
            ids.append(cid)
    return ids
