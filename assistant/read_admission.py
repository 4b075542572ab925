"""Argument readers for admission, recognition, summer-semester, mobility and credit tools
(§5, §7, §11, §12, §14, §15). Same contract as read_grades: stated values only.
"""

from __future__ import annotations

import re

from assistant import patterns as p
from assistant.courses import credit_counts
from assistant.extract import (
    Message,
    Num,
    Picker,
    cefr,
    list_after,
    negated,
    run_from,
    study_level,
    study_year,
)
from assistant.read_labels import COURSEWORK, REQUIRED
from assistant.reading import Reading, flag, numbers, one, read_ratings, unit_values

TVET = (
    r"(?<![\w])(?:TVET|ТиПО|ТИПО)(?![\w])|college|колледж\w*|техникум\w*|shortened|сокращ\w*|"
    r"қысқартылған\w*"
)


def admission_bachelor(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    picker.after("unt_total", p.UNT, gap=24)
    picker.after("unt_total", p.TOTAL, gap=10, rank=1)
    picker.before("unt_total", p.UNT)
    scores = list_after(msg, p.SUBJECTS)
    picker.forget(scores)
    found = picker.resolve()
    total = found.get("unt_total")
    if not scores and total is not None:
        rest = msg.masked[total.end :]
        head = re.match(r"\s*(?:балл\w*|points?|ұпай\w*)?\s*[(:-]\s*", rest, re.IGNORECASE)
        first = msg.next_num(total.end + head.end()) if head else None
        if first is not None and first.start == total.end + head.end():
            scores = run_from(msg, first)
    if len(scores) < 2 and total is not None:
        scores = _named_scores(msg, total.end)
    reading = Reading(numbers(found))
    if len(scores) >= 2:
        reading.put("subject_scores", [n.value for n in scores])
    if msg.has(TVET):
        reading.put("route", "shortened_tvet")
    reading.key = "unt_total" in reading.args or "subject_scores" in reading.args
    return reading


_NAMED = re.compile(r"\s*[,;:(]?\s*(?:and\s+|и\s+|және\s+)?[^\W\d_][^\d\n.?!]{0,30}")


def _named_scores(msg: Message, start: int) -> list[Num]:
    """Scores each after a subject name: "math 25, reading 15, history 10" (2 to 5 of them)."""
    run: list[Num] = []
    pos = start
    for num in (n for n in msg.nums if n.start >= start):
        if not _NAMED.fullmatch(msg.masked[pos : num.start]):
            break
        run.append(num)
        pos = num.end
    whole = all(isinstance(n.value, int) and n.value <= 50 for n in run)
    return run if 2 <= len(run) <= 5 and whole else []


SCI_PED = (
    r"научно[- ]педагогическ\w*|scientific[- ]pedagogical|sci[-_ ]?ped\w*|ғылыми[- ]педагогика\w*"
)
PROFILE_TRACK = (
    r"профильн\w*\s+магистр\w*|profile\s+master\w*|бейіндік\s+магистр\w*|"
    r"master'?s?\s+\(?profile|profile\s+track|профильное\s+направлени\w*"
)
CREATIVE = r"творческ\w*|creative|шығармашылық"
CERTIFICATE = (
    r"(?<![\w])(?:IELTS|TOEFL)|certificate|сертификат\w*|duolingo|cambridge|goethe|"
    r"(?<![\w])DELF|testdaf"
)
NO_CERTIFICATE = (
    r"(?:no|without|don'?t\s+have\s+(?:a|an|any)?)\s+(?:\w+\s+)?certificate|без\s+сертификат\w*|"
    r"сертификат\w*\s+(?:нет|жоқ)|нет\s+сертификат\w*|сертификатсыз|сертификат\w*\s+\w+\s+жоқ"
)


def admission_master(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    picker.after("foreign_language", p.FOREIGN_LANGUAGE, gap=10)
    picker.after("profile_single", p.PROFILE_SINGLE, gap=10)
    picker.after("profile_multiple", p.PROFILE_MULTIPLE, gap=10)
    picker.after("readiness", p.READINESS, gap=10)
    exams = list_after(msg, p.CREATIVE_EXAMS, gap=16)
    picker.forget(exams)
    reading = Reading(numbers(picker.resolve()))
    if exams:
        reading.put("creative_exams", [n.value for n in exams])
    if msg.has(SCI_PED):
        reading.put("track", "sci_ped")
    elif msg.has(PROFILE_TRACK):
        reading.put("track", "profile")
    elif exams or msg.has(CREATIVE):
        reading.put("track", "creative")
    reading.put("language_certificate", flag(msg, CERTIFICATE, NO_CERTIFICATE))
    reading.key = bool(set(reading.args) - {"track", "language_certificate"})
    return reading


MASTER_DEGREE = r"master'?s?\b(?!\s+student)|магистр(?!ант)\w*|magistr(?!ant)\w*"
WORK = r"work|experience|employ\w*|стаж\w*|опыт\w*|работ\w*|жұмыс\w*|өтіл\w*|[jz]h?umys\w*"
NO_WORK = (
    r"no\s+(?:work\s+)?experience|(?:haven'?t|never)\s+worked|без\s+(?:опыта|стажа)|"
    r"(?:стажа|опыта\s+работы)\s+нет|нет\s+(?:стажа|опыта)|өтіл\w*\s+жоқ|жұмыс\s+істемедім"
)
PROFILE_DOCTORATE = (
    r"profile\s+doctora\w*|профильн\w*\s+докторантур\w*|бейіндік\s+докторантур\w*|"
    r"industrial|индустриальн\w*|өндірістік"
)
PAID = r"\bpaid\b|fee-?paying|платн\w*|за\s+свой\s+сч[её]т|own\s+expense|ақылы\w*|aqyly"
GRANT = (
    r"grant\w*|грант\w*|госзаказ\w*|гос\.?\s*заказ\w*|state[- ]funded|бюджет\w*|"
    r"мемлекеттік\s+тапсырыс\w*"
)
CERT_TYPE = re.compile(
    r"TOEFL\s*ITP|TOEFL\s*iBT|TOEFL|IELTS(?:\s+Academic)?|Duolingo(?:\s+English\s+Test)?|"
    r"Cambridge\s+[A-Z]\w+|Goethe|DELF|TestDaF|TOPIK|HSK",
    re.IGNORECASE,
)


def admission_doctoral(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    work = msg.has(WORK)
    if work:
        for num in unit_values(msg, p.MONTHS_WORD):
            picker.add("work_months", num, 0)
        for num in unit_values(msg, p.YEARS_WORD):
            picker.add("work_years", num, 1)
    picker.after("exam_score", p.EXAM, gap=20)
    picker.before("exam_score", p.EXAM)
    found = picker.resolve()
    reading = Reading()
    degree = msg.search(MASTER_DEGREE)
    if degree is not None:
        reading.put("has_master", not negated(msg, degree.start(), degree.end()))
    if "work_months" in found:
        reading.put("work_months", found["work_months"].value)
    elif "work_years" in found:
        reading.put("work_months", _months(found["work_years"]))
    elif msg.has(NO_WORK):
        reading.put("work_months", 0)
    if "exam_score" in found:
        reading.put("exam_score", found["exam_score"].value)
    if msg.has(PROFILE_DOCTORATE):
        reading.put("program", "profile")
    elif msg.has(r"(?<![\w])PhD"):
        reading.put("program", "phd")
    funding = flag(msg, PAID, GRANT)
    reading.put("funding", {True: "paid", False: "grant", None: None}[funding])
    reading.put("language_certificate", flag(msg, CERTIFICATE, NO_CERTIFICATE))
    named = CERT_TYPE.search(msg.text)
    if named and reading.args.get("language_certificate"):
        reading.put("certificate_type", re.sub(r"\s+", " ", named.group(0)))
    reading.key = "exam_score" in reading.args or (
        "work_months" in reading.args and "has_master" in reading.args
    )
    return reading


def _months(years: Num) -> int | float:
    months = years.value * 12
    return int(months) if float(months).is_integer() else months


PROGRAMME_CREDITS = (
    rf"(?<![\w.,/])(\d+)\s*-?\s*{p.CREDIT_WORD}\s*-?\s*(?:[^\W\d_]+\s+)?{p.PROGRAMME_WORD}"
    rf"|{p.PROGRAMME_WORD}\s*(?:of|на|из|в|с|with|is)?\s*(\d+)\s*-?\s*{p.CREDIT_WORD}"
)
COURSE_CREDITS = (
    rf"(?<![\w.,/])(\d+)\s*-?\s*{p.CREDIT_WORD}\s*-?\s*(?:[^\W\d_]+\s+)?{p.COURSE_WORD}"
    rf"|{p.COURSE_WORD}\s*(?:of|на|из|в|worth|is)?\s*(\d+)\s*-?\s*{p.CREDIT_WORD}"
)
ALREADY = (
    rf"(?<![\w.,/])(\d+)\s*-?\s*{p.CREDIT_WORD}\s*(?:[^\W\d_]+\s+){{0,2}}?"
    r"(?:танылды|танылған|есептелді|есептелген|перезачли|перезачтен\w*|засчитали|засчитан\w*|"
    r"уже|already|(?:were|was|have\s+been|had\s+been|got)\s+recogni[sz]ed)"
    rf"|(?:already|уже|бұрын|previously|ранее)\s+(?:[^\W\d_]+\s+){{0,3}}?(\d+)\s*-?\s*{p.CREDIT_WORD}"
)
NOT_IN_PROGRAMME = (
    r"not\s+(?:in|part\s+of)\s+(?:my|the)\s+(?:programme|program|curriculum)|"
    r"нет\s+в\s+(?:моей\s+)?(?:программ|учебн)\w*|не\s+входит\s+в|"
    r"бағдарлама\w*\s+(?:жоқ|кірмейді)"
)
STANDARD_PROGRAMMES = {120, 180, 240, 300, 360}


def _group_nums(msg: Message, pattern: str) -> list[Num]:
    found = []
    for m in msg.finditer(pattern):
        start = next((m.start(i) for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), None)
        num = None if start is None else msg.next_num(start)
        if num is not None and num.start == start:
            found.append(num)
    return found


def nonformal_recognition(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    for num in _group_nums(msg, PROGRAMME_CREDITS):
        picker.add("program_credits", num, 0)
    for num in _group_nums(msg, ALREADY):
        picker.add("already_recognized_credits", num, 0.5)
    for num in _group_nums(msg, COURSE_CREDITS):
        picker.add("course_credits", num, 1)
    for num in credit_counts(msg):
        if num.value in STANDARD_PROGRAMMES:
            picker.add("program_credits", num, 4)
    for num in unit_values(msg, p.HOURS_WORD):
        picker.add("nonformal_hours", num, 1)
    found = picker.resolve()
    reading = Reading(numbers(found))
    if msg.has(NOT_IN_PROGRAMME):
        reading.put("course_in_program", False)
    before = _group_nums(
        msg, rf"(?<![\w.,/])(\d+)\s*{p.DAYS_WORD}\s*(?:before|prior|до|бұрын|қалғанда)"
    )
    after = _group_nums(msg, rf"(?<![\w.,/])(\d+)\s*{p.DAYS_WORD}\s*(?:after|late|после|кейін)")
    if len(before) + len(after) == 1:
        reading.put("days_before_period", before[0].value if before else -after[0].value)
    reading.key = bool({"program_credits", "course_credits", "nonformal_hours"} & set(reading.args))
    return reading


NOT_SCHEDULED = (
    r"not\s+in\s+(?:the\s+|this\s+|my\s+)?(?:current\s+)?(?:schedule|timetable)|"
    r"(?:нет|отсутству\w*)\s+в\s+(?:текущем\s+)?расписани\w*|не\s+в\s+расписании|"
    r"кесте\w*\s+жоқ|off[- ]schedule"
)


def academic_difference(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    picker.after("difference_credits", p.DIFFERENCE_INTENT.pattern, gap=18)
    for num in credit_counts(msg):
        picker.add("difference_credits", num, 6)
    reading = Reading(numbers(picker.resolve()))
    if msg.has(NOT_SCHEDULED):
        reading.put("in_current_schedule", False)
    reading.key = "difference_credits" in reading.args
    return reading


DEFENDED = r"defended|защитил\w*|қорғадым|qorgadym"
NOT_DEFENDED = (
    r"not\s+defended|didn'?t\s+defend|haven'?t\s+defended|не\s+защитил\w*|не\s+защищ\w*|"
    r"қорғамадым|қорғалмады|qorgamadym"
)


EACH = (
    r"(?<![\w.,/])(?:[2-9]|1\d)\s+(?:courses|subjects|disciplines|modules|дисциплин\w*|предмет\w*|"
    r"пән\w*)\s+(?:of|with|по|на)\s+\d+|credits?\s+each|кредит\w*\s+(?:каждый|каждая|әрқайсы\w*)|"
    r"\bпо\s+\d+\s+кредит|әрқайсысы\s+\d+\s+кредит"
)


def summer_semester(msg: Message, lang: str) -> Reading:
    reading = Reading()
    counts = [
        n
        for n in credit_counts(msg)
        if not (n.value == 1 and any(0 <= m.start - n.end <= 25 for m in msg.money))
    ]
    count = one(counts)
    if count is not None and msg.has(EACH):
        count = None  # "3 courses of 5 credits each": the total is not ours to multiply
        reading.doubtful = True
    if count is not None:
        reading.put("retake_credits", count.value)
    elif counts:
        reading.doubtful = True  # several credit counts: their sum is not ours to guess
    if len(msg.money) == 1 and msg.has(p.PER_CREDIT + r"|\beach\b|каждый|әрқайсы\w*"):
        reading.put("credit_price", msg.money[0].value)
    elif msg.money:
        reading.doubtful = True
    picker = Picker(msg)
    read_ratings(msg, picker, "new_r1", "new_r2")
    reading.args.update(numbers(picker.resolve()))
    if msg.has(COURSEWORK):
        if msg.has(NOT_DEFENDED):
            reading.args.update(coursework_required=True, coursework_defended=False)
        elif msg.has(DEFENDED):
            reading.args.update(coursework_required=True, coursework_defended=True)
        elif msg.has(REQUIRED):
            reading.args["coursework_required"] = True
    reading.key = bool({"retake_credits", "credit_price", "new_r1", "new_r2"} & set(reading.args))
    return reading


FIELD_MISMATCH = (
    r"(?:different|another|other|unrelated)\s+(?:field|speciality|specialty|major|programme)|"
    r"field\s+(?:doesn'?t|does\s+not|won'?t)\s+match|не\s+по\s+(?:моей\s+)?специальност\w*|"
    r"друг\w*\s+специальност\w*|басқа\s+мамандық\w*|мамандығыма\s+сәйкес\s+емес"
)
FIELD_MATCH = (
    r"same\s+(?:field|speciality|specialty|major)|(?:field|major)\s+matches|"
    r"по\s+(?:моей\s+)?специальности|сво\w*\s+специальност\w*|өз\s+мамандығ\w*|"
    r"мамандығыма\s+сәйкес(?!\s+емес)"
)


def mobility_eligibility(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    gpa_label = p.alt(p.GPA, r"средн\w*\s+балл\w*", r"орташа\s+балл\w*")
    picker.after("gpa", gpa_label, gap=12)
    picker.before("gpa", p.GPA, rank=4)
    reading = Reading()
    reading.put("level", study_level(msg))
    reading.put("year", study_year(msg))
    reading.put("english_level", cefr(msg))
    reading.args.update(numbers(picker.resolve()))
    if msg.has(FIELD_MISMATCH):
        reading.put("field_match", False)
    elif msg.has(FIELD_MATCH):
        reading.put("field_match", True)
    stated = {"year", "english_level", "gpa"} & set(reading.args)
    reading.key = len(stated) >= 2 or bool(stated and p.PERSONAL.search(msg.text))
    return reading


def credit_hours(msg: Message, lang: str) -> Reading:
    credits = one(credit_counts(msg))
    hours = one(unit_values(msg, p.HOURS_WORD))
    reading = Reading()
    asks_credits = msg.has(r"how\s+many\s+credits|сколько\s+кредит\w*|неше\s+кредит\w*")
    if credits is not None and (hours is None or not asks_credits):
        reading.put("credits", credits.value)
    elif hours is not None:
        reading.put("academic_hours", hours.value)
    reading.key = bool(reading.args)
    return reading
