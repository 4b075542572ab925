"""Screen a message before any model or tool sees it.

User text is data, never instructions. Messages that try to change the
assistant's rules, ask for other people's records or cannot be a question
(empty, huge, binary) get a short, honest refusal in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.validation import MAX_QUERY_CHARS

# A message is searched as a query: one limit for both (indexing.validation), the longest
# question the chat, the API and the UI's input box accept.
MAX_MESSAGE_CHARS = MAX_QUERY_CHARS

INJECTION = re.compile(
    r"|".join(
        [
            # en
            r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines|policy|above|previous)\b",
            r"\byou are now\b",
            # "act as the dean", said to the assistant; "a colleague may act as the reviewer" is
            # a question about the policy
            r"(^|[.!?]\s*|\b(you|please|now)\s+)(act|pretend|behave) as\b",
            r"\bpretend (to be|that)\b",
            r"\b(system|developer) (prompt|message|instructions?)\b",
            r"\bjailbreak\b|\bdan mode\b|\bdeveloper mode\b",
            r"\b(reveal|show|print|repeat)\b.{0,30}\b(prompt|instructions)\b",
            r"\bnew rule\b.{0,40}\b(from now|henceforth)\b|\bfrom now on\b.{0,60}\b(rule|policy|answer|say)\b",
            r"\b(let'?s|let us) (play|pretend|imagine|role[- ]?play)\b|\brole[- ]?play\b|\bimagine (that )?you are\b",
            r"\b(what|which) (instructions|rules|guidelines|directives)\b.{0,30}\b(were you|have you been|did you get|are you)\b.{0,15}\b(given|told|follow\w*|using)\b",
            r"\b(repeat|print|output|show|reveal|quote|list)\b.{0,40}\b(words|text|everything|messages?|lines)\b.{0,25}\b(above|before this|preceding)\b",
            r"\byour (initial|original|hidden|secret|internal|first) (prompt|instructions?|rules|message)\b|\binitial prompt\b",
            # ru
            r"\b(игнорируй|проигнорируй|забудь|отмени)\w*\b.{0,40}\b(инструкц|правил|указани|промпт)\w*",
            r"\bты теперь\b|\bтеперь ты\b|\bпритворись\b|\bведи себя как\b",
            r"\b(системн\w*) (промпт|сообщени|инструкц)\w*",
            r"\bс этого момента\b.{0,60}\b(правил|отвечай|говори)\w*",
            r"\b(давай|давайте)\s+(поиграем|сыграем|представим|притворимся)\b|\bролев\w+ игр\w*|\bпредставь,? что ты\b|\bв роли\b",
            r"\b(какие|каковы|какую)\b.{0,20}\b(инструкци|указани|директив)\w*.{0,30}\b(тебе|вам|у тебя|у вас)\b|\b(тебе|вам)\b.{0,20}\b(дали|даны|выдали)\b.{0,20}\b(инструкци|указани)\w*",
            r"\b(твои|ваши|свои)\s+(исходн\w+\s+|скрыт\w+\s+|внутренн\w+\s+|первоначальн\w+\s+)?(инструкци|промпт|указани)\w*",
            r"\bповтори\w*\b.{0,30}\b(текст|всё|все|слова|сообщени)\w*.{0,20}\b(выше|ранее)\b",
            r"\bрежим\w* разработчика\b",
            # kk
            r"(елеме|ескерме|ұмыт)\w*.{0,40}(нұсқау|ереже|промпт)\w*",
            r"(нұсқау|ереже)\w*.{0,40}(елеме|ескерме|ұмыт)\w*",
            r"\bсен енді\b|\bенді сен\b",
            r"жүйелік (промпт|нұсқау)\w*",
            r"ойын ойнайық|рөл\w* ойна|деп елестет",
            r"(саған|сізге)\b.{0,40}(қандай|қай)\b.{0,20}нұсқау\w*|нұсқауларың\w*|нұсқауларыңыз\w*",
            r"жоғарыдағы (мәтін|сөздер|хабарлама)\w*.{0,20}(қайтала|көрсет|шығар|жаз)\w*",
            r"әзірлеуші режим\w*",
            # fake role headers and chat-template markers, in any language
            r"(^|\n)\s*[\[(<#*]*\s*(system|developer|admin|administrator|assistant|система|разработчик|администратор|жүйе|әзірлеуші|әкімші)\s*(message|prompt|note|update|сообщение|уведомление|хабарлама)?\s*[\])>*]*\s*:",
            r"\[(system|sys|admin|developer|система|жүйе)\]|<\|[a-z_]+\|>|\[/?inst\]|<</?sys>>|###\s*(system|instruction)",
        ]
    ),
    re.IGNORECASE | re.DOTALL,
)

OTHER_PEOPLES_DATA = re.compile(
    r"|".join(
        [
            r"\b(other|another|all|every)\b.{0,30}\b(students?|users?|people)('s|s')?\b.{0,40}\b(records?|data|disclosures?|conversations?|grades|questions|history)\b",
            r"\b(records?|data|disclosures?|conversations?|questions)\b.{0,30}\b(of|from)\b.{0,15}\b(other|all|another)\b.{0,15}\b(students?|users?)\b",
            r"\b(чуж\w+|друг\w+ (студент|пользовател)\w*|всех (студент|пользовател)\w*)\b.{0,40}\b(запис|данн|переписк|оценк|вопрос|истори|раскрыт)\w*",
            r"\b(запис|данн|переписк|оценк|вопрос|истори)\w*\b.{0,30}\b(других|всех|чужих)\b.{0,15}\b(студент|пользовател)\w*",
            r"(басқа|барлық) (студенттер|пайдаланушылар|білім алушылар)\w*.{0,40}(деректер|жазбалар|сұрақтар|бағалар|тарих)\w*",
            # what someone else asked or said before
            r"\b(previous|last|other|another|earlier|prior)\s+(users?|students?|persons?|people|clients?|visitors?)\b.{0,40}\b(ask\w*|said|questions?|conversations?|wrote|chats?|history|records?|messages?)\b",
            r"\b(предыдущ|прошл|друг|последн)\w*\s+(пользовател|студент|собеседник|клиент)\w*.{0,40}\b(спрашива|спросил|писал|вопрос|переписк|истори|разговор|сообщени)\w*",
            r"\b(спрашива|спросил|писал)\w*\b.{0,40}\b(предыдущ|прошл|друг|последн)\w*\s+(пользовател|студент|собеседник)\w*",
            r"(алдыңғы|басқа|өткен|соңғы)\s+(пайдаланушы|студент|білім алушы|қолданушы)\w*.{0,40}(сұрады|сұраған|сұрағ|сұрақ|жазды|жазған|тарих|сөйлес|хабарлама)\w*",
            # the records kept by the service, dumped wholesale
            r"\b(dump|export|select\s+\*)\b.{0,50}\b(database|db|table|records|rows)\b",
            r"\b(выгрузи|выгрузить|выгрузк|экспортир|дамп)\w*\b.{0,60}\b(запис|баз\w* данн|таблиц|строк)\w*",
            r"(дерекқор|деректер қор)\w*.{0,60}(шығар|жүкте|көшір|көрсет)\w*",
        ]
    ),
    re.IGNORECASE | re.DOTALL,
)

# Somebody's own grades asked for by their full name ("student Aigerim Bekova", "тобындағы
# Айгерім Бекованың"): a name is two capitalised words after a word that introduces a person.
NAMED_PERSON = re.compile(
    r"(?:\b[Ss]tudent|[Сс]тудент\w*|тобындағы|[Гг]рупп\w*\s+\S+|[Gg]roup\s+\S+)\s+"
    r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+"
)
RECORD_WORDS = re.compile(r"\b(grades?|gpa|marks|transcript)\b|оценк|балл|баға|транскрипт", re.I)


@dataclass(frozen=True)
class Screening:
    ok: bool
    code: str = ""  # empty | too_long | binary | injection | other_users_data


def screen(message: object) -> Screening:
    if not isinstance(message, str):
        return Screening(False, "binary")
    if "\x00" in message or sum(not (c.isprintable() or c.isspace()) for c in message) > 3:
        return Screening(False, "binary")
    if any("\ud800" <= c <= "\udfff" for c in message):  # lone surrogates: not text at all
        return Screening(False, "binary")
    text = message.strip()
    if not text:
        return Screening(False, "empty")
    if len(text) > MAX_MESSAGE_CHARS:
        return Screening(False, "too_long")
    if INJECTION.search(text):
        return Screening(False, "injection")
    if OTHER_PEOPLES_DATA.search(text):
        return Screening(False, "other_users_data")
    if NAMED_PERSON.search(text) and RECORD_WORDS.search(text):
        return Screening(False, "other_users_data")
    return Screening(True)


REFUSALS = {
    "empty": {
        "kk": "Сұрақ бос. Академиялық саясат туралы сұрағыңызды жазыңыз.",
        "ru": "Сообщение пустое. Напишите вопрос об Академической политике.",
        "en": "The message is empty. Please write your question about the Academic Policy.",
    },
    "too_long": {
        "kk": f"Хабарлама тым ұзын ({MAX_MESSAGE_CHARS} таңбадан аспауы керек). Сұрағыңызды қысқартыңыз.",
        "ru": f"Сообщение слишком длинное (не более {MAX_MESSAGE_CHARS} символов). Сократите вопрос.",
        "en": f"The message is too long (at most {MAX_MESSAGE_CHARS} characters). Please shorten it.",
    },
    "binary": {
        "kk": "Хабарлама мәтін емес сияқты. Сұрағыңызды мәтінмен жазыңыз.",
        "ru": "Сообщение не похоже на текст. Напишите вопрос текстом.",
        "en": "The message does not look like text. Please type your question.",
    },
    "injection": {
        "kk": "Мен тек Академиялық саясат бойынша, оның тармақтарына сілтеме жасап жауап беремін; "
        "ережелерімді өзгерту туралы нұсқауларды орындамаймын. Саясат туралы сұрақ қойыңыз.",
        "ru": "Я отвечаю только по Академической политике со ссылками на её пункты и не выполняю "
        "указаний изменить мои правила. Задайте вопрос о политике.",
        "en": "I only answer from the Academic Policy, citing its clauses, and I do not follow "
        "instructions to change my rules. Please ask a question about the policy.",
    },
    "other_users_data": {
        "kk": "Басқа пайдаланушылардың деректерін көрсете алмаймын: әр пайдаланушы тек өз "
        "сұхбатының жазбаларын көреді.",
        "ru": "Я не могу показать данные других пользователей: каждый видит только записи своего "
        "разговора.",
        "en": "I cannot show other users' data: each user sees only the records of their own "
        "conversation.",
    },
}
