"""Phrases the argument readers look for beyond plain labels: receipts of a grade, counts
of attempts, absences, coursework, certificates, funding. Kept here, beside patterns.py,
so that the readers stay short.
"""

from __future__ import annotations

import re

from assistant.extract import Message, letters
from assistant.patterns import alt

# ---- exams and retakes ---------------------------------------------------------------------

RECEIVED_BEFORE = alt(
    r"got",
    r"get",
    r"received",
    r"have",
    r"scored",
    r"earned",
    r"my\s+grade\s+(?:is|was)",
    r"получил\w*",
    r"поставили",
    r"вышл\w*",
    r"вышло",
    r"имею",
    r"у\s+меня",
    r"схлопотал\w*",
    r"менде",
    r"маған",
    r"бағам",
    r"оценка",
    r"result\w*",
    r"результат\w*",
    r"нәтиже\w*",
    r"failed\s+with",
    r"with\s+an?",
    r"with",
    r"(?:grade|оценк\w*|баға\w*|result|результат\w*|аттестаци\w*|аттестатта\w*)\s*[-:=]",
)
RECEIVED_AFTER = alt(
    r"алдым",
    r"алып",
    r"алған",
    r"шықты",
    r"қойды",
    r"қойылды",
    r"бердi",
    r"aldym",
    r"aldim",
    r"alyp",
    r"shyqty",
    r"boldy",
    r"болды",
    r"получил\w*",
    r"поставили",
)
_AGAIN = alt(
    r"again", r"снова", r"опять", r"повторно", r"ещ[её]\s+раз", r"тағы", r"қайтадан", r"tagy"
)
_COUNTS = (
    (
        1,
        alt(
            r"first\s+time",
            r"first\s+attempt",
            r"for\s+the\s+first",
            r"впервые",
            r"(?:в\s+)?перв\w*\s+раз",
            r"бірінші\s+рет",
            r"алғаш\w*",
            r"birinshi\s+ret",
            r"al[gǵ]ash\w*",
        ),
    ),
    (
        2,
        alt(
            r"second\s+time",
            r"2nd\s+time",
            r"twice",
            r"(?:во\s+)?втор\w*\s+раз",
            r"дважды",
            r"екінші\s+рет",
            r"ekinshi\s+ret",
            r"екі\s+рет",
        ),
    ),
    (3, alt(r"third\s+time", r"3rd\s+time", r"трет\w*\s+раз", r"үшінші\s+рет")),
)
_RECEIPT_VERB = alt(RECEIVED_BEFORE, RECEIVED_AFTER)


def fx_count(msg: Message) -> int | None:
    """How many times FX has been received, when the message says: "first time", "again"."""
    said = {count for count, pattern in _COUNTS if msg.has(pattern)}
    for letter in letters(msg):
        if letter.value != "FX":
            continue
        left = msg.text[max(0, letter.start - 30) : letter.start]
        right = msg.text[letter.end : letter.end + 30]
        verb = rf"(?:\s*{_RECEIPT_VERB})?"
        if re.search(rf"{_AGAIN}{verb}\s*$", left, re.I) or re.match(
            rf"{verb}\s*{_AGAIN}", right, re.I
        ):
            said.add(2)
    return said.pop() if len(said) == 1 else None


KZ_HISTORY = alt(
    r"history\s+of\s+kazakhstan",
    r"kazakh(?:stan)?\s+history",
    r"истори\w*\s+казахстан\w*",
    r"қазақстан\s+тарих\w*",
    r"[qk]azaqstan\s+tarih\w*",
    r"kazakhstan\s+tarih\w*",
)
FINAL_ATTESTATION = alt(
    r"final\s+attestation",
    r"final\s+state\s+(?:exam|attestation)",
    r"state\s+exam",
    r"итогов\w*\s+аттестаци\w*",
    r"государственн\w*\s+(?:экзамен|аттестаци)\w*",
    r"госэкзамен\w*",
    r"қорытынды\s+аттестатта\w*",
    r"мемлекеттік\s+(?:емтихан|аттестатта)\w*",
    r"[qk]orytyndy\s+attestat\w*",
    r"diploma\s+defen\w*",
    r"thesis\s+defen\w*",
    r"защит\w*\s+диплом\w*",
    r"дипломд\w*\s+қорға\w*",
)

# ---- exam admission ------------------------------------------------------------------------

MISSED_AFTER = alt(
    r"missed",
    r"skipped",
    r"absent\s+(?:from|for|on)?",
    r"пропустил\w*",
    r"пропусти\w*",
    r"прогулял\w*",
    r"не\s+(?:был|была|ходил\w*)\s+на",
    r"пропусков\s*[:=-]?",
    r"absences?\s*[:=-]?",
)
MISSED_BEFORE = alt(
    r"(?:classes\s+|lessons\s+)?(?:missed|absences?)",
    r"пропуск\w*",
    r"(?:занятий|пар)\s+пропущено",
    r"(?:-?(?:ін|ын|н|і|ы))?\s*(?:сабақ\w*\s+)?(?:қалдыр|босат|келмед|жібердім)\w*",
)
LATE = alt(r"late", r"опозда\w*", r"опоздан\w*", r"кешік\w*", r"keshik\w*")
TWENTY_MINUTES = alt(r"20\s*(?:min|мин|минут)\w*", r"twenty\s+min", r"двадцат\w*\s+мин\w*")
COURSEWORK = alt(
    r"course\s*(?:project|work|paper)",
    r"курсов\w*\s*(?:проект|работ)\w*",
    r"курсовик\w*",
    r"курсову\w*",
    r"курсовой",
    r"курстық\s*(?:жоба|жұмыс)\w*",
    r"kurstyq\s*(?:zhoba|joba|jumys|zhumys)\w*",
)
NOT_SUBMITTED = alt(
    r"not\s+(?:submitted|handed|turned)",
    r"didn'?t\s+(?:submit|hand|turn)",
    r"haven'?t\s+(?:submitted|handed|turned)",
    r"never\s+(?:submitted|handed|turned)",
    r"не\s+сда\w*",
    r"не\s+сдан\w*",
    r"не\s+сдала?",
    r"тапсырмадым",
    r"тапсырмаған\w*",
    r"тапсырған\s+жоқ\w*",
    r"тапсырылмаған\w*",
    r"өткізбе\w*",
    r"tapsyrmad\w*",
)
SUBMITTED = alt(
    r"submitted",
    r"handed\s+in",
    r"turned\s+in",
    r"сдал\w*",
    r"сдан\w*",
    r"тапсырдым",
    r"өткіздім",
    r"tapsyrdym",
)
REQUIRED = alt(r"required", r"mandatory", r"обязательн\w*", r"міндетті\w*", r"mindetti")
DOCUMENTED = alt(
    r"medical\s+certificate",
    r"doctor'?s\s+note",
    r"sick\s+note",
    r"справк\w*",
    r"больничн\w*",
    r"анықтама\w*",
    r"dean'?s\s+order",
    r"приказ\w*\s+декан\w*",
    r"бұйрық\w*",
    r"documented",
    r"подтвержд\w*\s+документ\w*",
    r"құжат\w*",
)
VALID_REASON = alt(r"valid\s+reason", r"уважительн\w*", r"дәлелді\s+себеп\w*", r"excused")
