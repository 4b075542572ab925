"""The router's vocabulary: the words that signal a tool, label a value or ask about a rule.

Kept apart from the matching code so that a new synonym is a one-line change here. Each
entry is a regular-expression fragment covering Kazakh (Cyrillic and the ad-hoc Latin
spelling students type: "emtihan", "qorytyndy", "kurs"), Russian and English; all are
matched case-insensitively against the normalised message.
"""

from __future__ import annotations

import re


def alt(*parts: str) -> str:
    """One non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(parts) + ")"


def rx(*parts: str) -> re.Pattern[str]:
    """A case-insensitive pattern of the alternation of `parts`."""
    return re.compile(alt(*parts), re.IGNORECASE)


# ---- labels of values -------------------------------------------------------------------

R1 = alt(
    r"(?<![\w])[RР]\s?-?\s?1(?![\d\w])",
    r"(?<![\w])(?:RK|РК)\s?-?\s?1(?![\d\w])",
    r"(?:rating|рейтинг|reiting|reyting)\w*\s?(?:#|№|no\.?)?\s?1(?![\d,.])",
    r"(?<![\w.,])1\s?-?\s?(?:st|й|ый|ші|ое)?\s?-?\s?(?:rating|рейтинг|reiting)\w*",
    r"(?:first|перв\w*|бірінші|birinshi)\s+(?:rating|рейтинг|reiting)\w*",
    r"(?<![\w-])(?:first|перв(?:ый|ая|ое)|бірінші|birinshi)(?=\s*[:=-]?\s*\d)",
    r"(?<![\w.,])1st(?=\s*[:=-]?\s*\d)",
    r"(?:rating|рейтинг)\w*\s+(?:one|один|бір)\b",
    r"(?:midterm|рубежн\w*\s+контрол\w*|аралық\s+бақылау\w*)\s*(?:#|№)?\s*-?\s*1(?![\d,.])",
    r"(?:first|перв\w*|бірінші)\s+(?:midterm|рубежн\w*(?:\s+контрол\w*)?|аралық\s+бақылау\w*)",
)
R2 = alt(
    r"(?<![\w])[RР]\s?-?\s?2(?![\d\w])",
    r"(?<![\w])(?:RK|РК)\s?-?\s?2(?![\d\w])",
    r"(?:rating|рейтинг|reiting|reyting)\w*\s?(?:#|№|no\.?)?\s?2(?![\d,.])",
    r"(?<![\w.,])2\s?-?\s?(?:nd|й|ой|ші|ое)?\s?-?\s?(?:rating|рейтинг|reiting)\w*",
    r"(?:second|втор\w*|екінші|ekinshi)\s+(?:rating|рейтинг|reiting)\w*",
    r"(?<![\w-])(?:second|втор(?:ой|ая|ое)|екінші|ekinshi)(?=\s*[:=-]?\s*\d)",
    r"(?<![\w.,])2nd(?=\s*[:=-]?\s*\d)",
    r"(?:rating|рейтинг)\w*\s+(?:two|два|екі)\b",
    r"(?:midterm|рубежн\w*\s+контрол\w*|аралық\s+бақылау\w*)\s*(?:#|№)?\s*-?\s*2(?![\d,.])",
    r"(?:second|втор\w*|екінші)\s+(?:midterm|рубежн\w*(?:\s+контрол\w*)?|аралық\s+бақылау\w*)",
)
RATINGS = alt(
    r"ratings?",
    r"рейтинг(?!\w)",
    r"рейтинги",
    r"рейтингов",
    r"рейтингам",
    r"рейтингтер\w*",
    r"reitingter\w*",
    r"(?<![\w])[RР]\s?1\s*(?:and|и|және|,|/|&)\s*[RР]\s?2(?![\d\w])",
    r"(?:РК|RK)\s?1\s*(?:and|и|және|,|/|&)\s*(?:РК|RK)\s?2",
)
EXAM = alt(
    r"(?<![\w])(?:exam(?!pl)\w*|exm\w*|exma\w*)",
    r"(?<![\w])экз\b\.?",
    r"экзамен\w*",
    r"емтихан\w*",
    r"emti[kq]?han\w*",
    r"(?:final|итогов\w*|қорытынды)\s+(?:control|контрол\w*|бақылау\w*)",
)
GPA = alt(r"(?<![\w-])GPA(?!\w)", r"(?<![\w])ГПА(?!\w)", r"grade point average")
SSCI = alt(r"(?<![\w])SSCI(?!\w)", r"(?<![\w])ССКИ(?!\w)", r"(?<![\w])ССЦИ(?!\w)")
IROS = alt(r"(?<![\w])i-?ROS(?!\w)", r"(?<![\w])и-?РОС(?!\w)")
ACADEMIC = alt(
    r"academic\s+(?:achievements?|performance|level)",
    r"академическ\w*\s+(?:успеваемост|достижени|уровен)\w*",
    r"успеваемост\w*",
    r"академиялық\s+(?:жетістік|үлгерім)\w*",
    r"оқу\s+үлгерім\w*",
    r"(?<![\w])academic(?=\s*[:=(]|\s+\d)",
)
RESEARCH = alt(
    r"research(?:\s+(?:activity|activities|work))?",
    r"научн\w*(?:-исследовательск\w*)?\s+(?:деятельност|работ|активност)\w*",
    r"научно-исследовательск\w*",
    r"ғылыми(?:-зерттеу)?\s*(?:жұмыс|қызмет|белсенділі)\w*",
    r"зерттеу\w*",
)
UNT = alt(
    r"(?<![\w])(?:UNT|ENT|UBT|ЕНТ|ҰБТ|УБТ)(?![a-zа-яәғқңөұүһі])",
    r"unified national test\w*",
    r"единое национальное тестирование",
    r"ұлттық бірыңғай тест\w*",
)
TOTAL = alt(
    r"(?<![\w])total",
    r"overall",
    r"жалпы",
    r"zhalpy",
    r"jalpy",
    r"всего",
    r"общ\w*\s+балл\w*",
    r"в\s+сумме",
    r"сумм\w*",
    r"барлығы",
    r"қосынды\w*",
)
SUBJECTS = alt(
    r"subjects?(?:\s+scores?)?",
    r"per\s+subject",
    r"each\s+subject",
    r"предмет\w*",
    r"пән\w*",
    r"pan(?:der|der boiynsha)\b",
)
FOREIGN_LANGUAGE = alt(
    r"foreign\s+language",
    r"иностранн\w*\s+язык\w*",
    r"ин\.?\s?яз\w*",
    r"шет\s+тіл\w*",
    r"shet\s+til\w*",
    r"english(?:\s+(?:test|part|block))?(?=\s*[:=(-]?\s*\d)",
    r"английск\w*(?:\s+язык\w*)?(?=\s*[:=(-]?\s*\d)",
    r"ағылшын\w*(?:\s+тіл\w*)?(?=\s*[:=(-]?\s*\d)",
)
PROFILE_SINGLE = alt(
    r"(?:one|single|один\w*|одн\w*|бір)\s+(?:correct\s+|правильн\w*\s+|дұрыс\s+)?"
    r"(?:answer|ответ|жауап)\w*\)?",
    r"single[- ]answer\w*\)?",
    r"(?<![\w-])single(?=\s*[:=-]?\s*\d)",
    r"(?:profile|профил\w*|бейін\w*)\s*[(-]?\s*(?:single|one)(?:[- ](?:answer|choice))?\)?",
)
PROFILE_MULTIPLE = alt(
    r"(?:multiple|several|one\s+or\s+more|нескольк\w*|один\s+или\s+нескольк\w*|"
    r"бірнеше|бір\s+немесе\s+бірнеше)\s+(?:correct\s+|правильн\w*\s+|дұрыс\s+)?"
    r"(?:answers?|ответ\w*|жауап\w*)\)?",
    r"multiple[- ]answers?\)?",
    r"multiple[- ]choice\)?",
    r"(?<![\w-])(?:multiple|several)(?=\s*[:=-]?\s*\d)",
    r"(?:profile|профил\w*|бейін\w*)\s*[(-]?\s*(?:multiple|several)(?:[- ](?:answers?|choice))?\)?",
)
READINESS = alt(
    r"readiness(?:\s+(?:test|for\s+study))?",
    r"(?:тест\w*\s+)?(?:на\s+)?готовност\w*(?:\s+к\s+обучению)?",
    r"(?:оқуға\s+)?дайындық\w*(?:\s+тест\w*)?",
)
CREATIVE_EXAMS = alt(
    r"creative\s+(?:exams?|tests?)",
    r"творческ\w*\s+(?:экзамен|испытани)\w*",
    r"шығармашылық\s+(?:емтихан|сынақ)\w*",
)
CREDIT_WORD = alt(
    r"credits?",
    r"cr\b\.?",
    r"(?<![\w])ects",
    r"кредит\w*",
    r"кр\b\.?",
    r"kredit\w*",
    r"несие\w*",
)
HOURS_WORD = alt(
    r"(?:academic\s+|ac\.?\s+)?(?:hours?|hrs?\b|h\b)",
    r"(?:академ\w*\s+)?час\w*",
    r"(?:академиялық\s+)?сағат\w*",
    r"(?:akademiyalyq\s+)?sa[gǵ]at\w*",
)
MONTHS_WORD = alt(r"months?", r"мес\w*", r"ай(?:лық|ы|ға|дан)?\b", r"ai\b", r"ay\b")
YEARS_WORD = alt(r"years?", r"год\w*", r"лет\b", r"жыл\w*", r"zhyl\w*", r"jyl\w*")
DAYS_WORD = alt(r"days?", r"дн\w*", r"день", r"күн\w*", r"kun\w*")
CLASSES_WORD = alt(
    r"classes", r"lessons", r"sessions", r"занятий", r"занятия", r"пар\b", r"уроков", r"сабақ\w*"
)
PROGRAMME_WORD = alt(
    r"program\w*",
    r"программ\w*",
    r"бағдарлама\w*",
    r"bagdarlama\w*",
    r"(?<![\w])ОП(?![\w])",
    r"curriculum",
    r"degree",
)
COURSE_WORD = alt(
    r"course\w*",
    r"subject\w*",
    r"module\w*",
    r"discipline\w*",
    r"дисциплин\w*",
    r"предмет\w*",
    r"курс\w*",
    r"модул\w*",
    r"пән\w*",
    r"pan\w*",
)
CURRENCY = alt(r"тенге", r"теңге", r"tenge", r"тг\b\.?", r"kzt", r"₸", r"tg\b")
PRICE_WORD = alt(
    r"costs?", r"price", r"стоит", r"стоимость\w*", r"цена", r"құны", r"тұрады", r"бағасы"
)
PER_CREDIT = alt(
    r"per\s+credit",
    r"(?:one|a|each|1)\s+credit",
    r"за\s+(?:один\s+|1\s+)?кредит",
    r"(?:один|1|каждый)\s+кредит",
    r"кредит\s+стоит",
    r"(?:бір|1|әр)\s+кредит",
    r"(?:bir|1|ar)\s+kredit",
    r"кредит(?:тің|ің)?\s+(?:құны|бағасы)",
    r"credit\s+(?:costs?|price)",
)

# ---- tool intents ------------------------------------------------------------------------

FINAL_INTENT = rx(
    r"final\s+(?:grade|score|mark|result)",
    r"overall\s+grade",
    r"course\s+grade",
    r"total\s+grade",
    r"what\s+(?:grade|letter|mark)\s+(?:will|do|did|would|should)\s+i",
    r"итогов\w*\s+(?:оценк|балл)\w*",
    r"финальн\w*\s+(?:оценк|балл)\w*",
    r"какую\s+оценку",
    r"какая\s+(?:у\s+меня\s+)?(?:будет\s+)?оценка",
    r"қорытынды\s+(?:баға|балл)\w*",
    r"[qk]orytyndy\s+ba[gǵ]a\w*",
    r"қандай\s+баға",
)
ADMIT_INTENT = rx(
    r"admitted",
    r"admission\s+to\s+the\s+exam",
    r"exam\s+admission",
    r"allowed\s+(?:to|into)",
    r"let\s+(?:me\s+)?(?:in|into|sit|take)",
    r"can\s+i\s+(?:sit|take|write)\s+(?:the|my)\s+(?:exam|final)",
    r"eligible\s+(?:for|to\s+sit|to\s+take)\s+the\s+exam",
    r"допуск\w*",
    r"допуст\w*",
    r"допущ\w*",
    r"жібер\w*",
    r"рұқсат\w*",
    r"[jz]h?iber\w*",
)
RETAKE_INTENT = rx(
    r"re-?take\w*",
    r"re-?sit\w*",
    r"пересда\w*",
    r"пересдач\w*",
    r"қайта\s+тапсыр\w*",
    r"[qk]a[iy]ta\s+tapsyr\w*",
    r"improve",
    r"повысить",
    r"улучшить",
    r"исправить",
    r"көтер\w*",
    r"what\s+(?:now|next|should\s+i\s+do|do\s+i\s+do|are\s+my\s+options)",
    r"что\s+(?:мне\s+)?(?:теперь\s+)?делать",
    r"не\s+істе\w*",
    r"ne\s+istei\w*",
    r"route",
    r"(?<![\w])path",
    r"маршрут\w*",
    r"траектори\w*",
)
GPA_INTENT = rx(
    GPA,
    r"средн\w*\s+балл\w*",
    r"орташа\s+балл\w*",
    r"ortasha\s+ball\w*",
    r"weighted\s+average",
)
IGPA_INTENT = rx(
    r"(?<![\w])i-?GPA",
    r"(?<![\w])и-?GPA",
    r"интегральн\w*",
    r"интегралды\w*",
    r"integral\w*",
)
BACHELOR_INTENT = rx(UNT)
MASTER_INTENT = rx(
    r"магистратур\w*",
    r"магистрант\w*",
    r"master'?s?\b",
    r"magistratur\w*",
    r"(?<![\w])(?:КТ|CT)(?![\w])",
    r"comprehensive\s+test\w*",
    r"комплексн\w*\s+тест\w*",
    r"кешенді\s+тест\w*",
)
DOCTORAL_INTENT = rx(
    r"(?<![\w])PhD",
    r"doctoral",
    r"doctorate",
    r"докторант\w*",
    r"doktorant\w*",
)
NONFORMAL_INTENT = rx(
    r"non-?formal",
    r"неформальн\w*",
    r"бейресми\w*",
    r"be[iy]resmi\w*",
    r"informal\s+(?:learning|education)",
    r"online[- ]course\w*",
    r"онлайн[- ]курс\w*",
    r"coursera",
    r"stepik",
    r"(?<![\w])edx",
    r"udemy",
    r"(?<![\w])mooc",
)
TRANSFER_INTENT = rx(
    r"transfer\w*",
    r"перевод\w*",
    r"перевож\w*",
    r"переведу\w*",
    r"перевест\w*",
    r"ауыс\w*",
    r"auys\w*",
    r"транскрипт\w*",
    r"transcript\w*",
    r"перезач\w*",
    r"recount\w*",
    r"қайта\s+есепте\w*",
)
DIFFERENCE_INTENT = rx(
    r"academic\s+difference",
    r"difference\s+between\s+(?:the\s+)?(?:curricula|programmes|programs|study\s+plans)",
    r"curricul\w*\s+difference",
    r"difference\s+(?:courses?|credits?)",
    r"академическ\w*\s+разниц\w*",
    r"разниц\w*",
    r"академиялық\s+айырма\w*",
    r"айырма\w*",
    r"a[iy]yrma\w*",
)
SUMMER_INTENT = rx(
    r"summer",
    r"летн\w*",
    r"летом",
    r"жазғы",
    r"жазда\b",
    r"[jz]h?azg[yı]",
    r"[jz]h?azda\b",
)
MOBILITY_INTENT = rx(
    r"mobility",
    r"exchange",
    r"erasmus",
    r"study\s+abroad",
    r"abroad",
    r"обмен\w*",
    r"мобильност\w*",
    r"за\s+рубеж\w*",
    r"за\s+границ\w*",
    r"зарубежн\w*",
    r"ұтқырлық\w*",
    r"utqyrlyq\w*",
    r"шетел\w*",
    r"partner\s+universit\w*",
    r"вуз\w*-партн[её]р\w*",
)
HOURS_INTENT = rx(
    r"how\s+many\s+(?:academic\s+|contact\s+|classroom\s+)?(?:hours|minutes|credits)",
    r"сколько\s+(?:это\s+)?(?:академическ\w*\s+|аудиторн\w*\s+)?(?:час|минут|кредит)\w*",
    r"неше\s+(?:академиялық\s+|аудиториялық\s+)?(?:сағат|минут|кредит)\w*",
    r"qansha\s+sa[gǵ]at",
    r"convert\w*",
    r"in\s+hours",
    r"в\s+час(?:ах|ы)",
    r"сағатқа",
    r"это\s+сколько",
    r"(?:is|are|equals?)\s+how\s+many",
    r"(?:credits?|кредит\w*)\s*(?:=|is|are|equals?|это|бұл)\s*\?+",
    r"in(?:to)?\s+(?:academic\s+)?hours",
)
LETTER_INTENT = rx(
    r"(?:which|what)\s+letter",
    r"\bletter\b",
    r"қандай\s+баға",
    r"қай\s+баға",
    r"what\s+grade\s+(?:does|would|will)",
    r"какой\s+букв\w*",
    r"\bin\s+letters?\b",
    r"\bletter\s+(?:is|would|will)\b",
    r"letter\s+grade",
    r"(?:what|which)\s+grade\s+is",
    r"grade\s+points?",
    r"traditional",
    r"букв\w*",
    r"какая\s+(?:это\s+)?оценка",
    r"как(?:ая|ой)\s+(?:это\s+)?(?:оценк|балл)\w*\s+(?:по\s+)?(?:gpa|традиционн)",
    r"баллов\s+gpa",
    r"традиционн\w*",
    r"әріп\w*",
    r"дәстүрлі\w*",
    r"qai\s+arip",
)

# ---- what kind of message it is ------------------------------------------------------------

# A request to compute something for the writer ("calculate my GPA", "посчитай").
CALC_REQUEST = rx(
    r"\bcalculate\b",
    r"\bcompute\b",
    r"\bwork\s+out\b",
    r"what(?:'s|\s+is|\s+will\s+be)\s+my\b",
    r"what\s+(?:will|would)\s+my\b",
    r"посчитай\w*",
    r"рассчитай\w*",
    r"вычисли\w*",
    r"подсчитай\w*",
    r"какой\s+у\s+меня",
    r"какая\s+у\s+меня",
    r"есепте(?:п|ңіз|ші|\b)",
    r"eseptep",
)

# A question about the rule behind a number: it needs the policy text too ("both").
RULE_QUESTION = rx(
    r"\bhow\s+(?:is|are|was|do\s+you|does\s+(?:one|it|the\s+\w+))\s+(?:\w+\s+){0,4}?"
    r"(?:calculat|comput|determin|round|count|work)\w*",
    r"\bwhy\b",
    r"\bexplain\w*",
    r"\bformula\w*",
    r"\baccording\s+to\s+(?:which|what)",
    r"\bwhich\s+(?:clause|rule|section|article)",
    r"\bwhat\s+(?:does|do)\s+the\s+(?:policy|rules?)\s+say",
    r"как\s+(?:это\s+)?(?:считается|рассчитывается|вычисляется|определяется|округляется|"
    r"начисляется|посчитали|считали)",
    r"почему",
    r"по\s+какой\s+формуле",
    r"формул\w*",
    r"объясни\w*",
    r"по\s+какому\s+(?:правилу|пункту)",
    r"какой\s+пункт",
    r"қалай\s+(?:есептеледі|анықталады|дөңгелектенеді|шығарылады)",
    r"неге\b",
    r"неліктен",
    r"түсіндір\w*",
    r"қай\s+(?:тармақ|ереже)\w*",
    r"[qk]alai\s+esepteled\w*",
    # limits and thresholds are rules, whatever number the message adds
    r"\blimit\w*",
    r"\bmax(?:imum)?\b",
    r"\bthreshold\b",
    r"лимит\w*",
    r"максимум\w*",
    r"порог\w*",
    r"ең\s+(?:көп|аз)",
    r"шекті\s+балл\w*",
    # a target ("what do I need for an A?") is not a tool input
    r"(?:what|which|how\s+much)\s+(?:score|grade|mark|points?)\s+(?:do|would|will)\s+i\s+need",
    r"\bneed\s+to\s+(?:get|score)\b",
    r"сколько\s+(?:баллов\s+)?(?:нужно|надо)\s+(?:набрать|получить|на\s+экзамен)",
    r"какой\s+балл\s+нуж\w*",
    r"(?:емтихан\w*\s+)?қанша\s+(?:балл\s+)?(?:жинау|алу)\s+(?:керек|қажет)",
)

# The writer speaks about themselves: "I", "my", "я", "у меня", "мен", "-мын".
PERSONAL = rx(
    r"\b(?:i|i'm|im|i've|i'd|my|me|mine)\b",
    r"\b(?:я|мне|меня|мой|моя|мое|моё|мои|моих|моей|моем|моём|мною)\b",
    r"\b(?:получил|пропустил|сдал|набрал|опоздал|поступил|учился|перевелся|заработал)а?\b",
    r"\b(?:учусь|поступаю|перевожусь|хочу|могу|планирую|набираю|сдаю|пересдаю|получу)\b",
    r"\b(?:мен|менің|маған|менде|менен|өзім)\b",
    r"\b(?:бағам|балым|баллым|ұпайым|курсым|пәнім)\w*",
    r"(?<!\w)\w+-(?:ым|ім|м)\w*",
    r"(?<!\w)\w+(?:мын|мін|пын|пін|бын|бін|дым|дім|тым|тім|мыз|міз|ғым|гім|қым|кім)\b",
    r"\b(?:men|menin|ma[gǵ]an|mende)\b",
    r"(?<!\w)\w+(?:myn|min|pyn|pin|dym|dim|tym|tim)\b",
)

# "What if ...": a change to the previous calculation.
WHAT_IF = rx(
    r"what\s+(?:if|about)",
    r"and\s+if",
    r"suppose",
    r"а\s+если",
    r"если\s+бы",
    r"а\s+при",
    r"ал\s+егер",
    r"егер\s+\w+\s+болса",
    r"al\s+eger",
)

YES = rx(r"^\s*(?:yes|yeah|yep|sure|да|ага|иә|ия|иа|ie|iya|ya)\b")
NO = rx(r"^\s*(?:no|nope|нет|неа|жоқ|жок|joq|zhoq|jok)\b")
