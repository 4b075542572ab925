"""Who to ask when the policy does not answer: the offices the policy itself names."""

from __future__ import annotations

OFFICES = {
    "admissions": {
        "kk": "«ШҚТУ» КЕАҚ қабылдау комиссиясы",
        "ru": "приёмная комиссия НАО «ВКТУ»",
        "en": "the EKTU admissions committee",
    },
    "registrar": {
        "kk": "Тіркеуші кеңсесі (Тіркеуші офис)",
        "ru": "Регистр-офис",
        "en": "the Registrar's Office",
    },
    "dean": {
        "kk": "мектеп деканаты немесе Студенттерге қызмет көрсету орталығы (СҚКО)",
        "ru": "деканат школы или Центр обслуживания студентов (ЦОС)",
        "en": "your school's dean's office or the Student Service Centre (SSC)",
    },
}

# §5 admission -> admissions committee; §6 registration, §8 assessment, §11 summer
# semester, §12 transfer -> Registrar's Office; anything else -> the dean's office / SSC.
SECTION_OFFICE = {5: "admissions", 6: "registrar", 8: "registrar", 11: "registrar", 12: "registrar"}


def office_for(sections: list[int], lang: str) -> str:
    key = SECTION_OFFICE.get(sections[0], "dean") if sections else "dean"
    return OFFICES[key][lang]
