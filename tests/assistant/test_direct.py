"""The direct answer's choice: card, gloss, "closest rules follow", or not covered."""

from assistant.direct import CARD_LEADS, OPEN_CARD, OPEN_MARGIN, lead_for, offers
from assistant.grounding import Coverage
from indexing.search import CardHit, Hit

COVERED = Coverage(True, 0.9, 0.7)
NOT_COVERED = Coverage(False, 0.8, 0.1)


def hits(*ids: str) -> list[Hit]:
    return [Hit(cid, 1.0 - n / 10, int(cid.split(".")[0]), 0.85, 0.9) for n, cid in enumerate(ids)]


def card(card_id: str, similarity: float, *clauses: str) -> CardHit:
    return CardHit(card_id, 0.5, similarity, clauses)


def test_a_close_card_whose_clauses_were_found_leads_with_its_answer():
    lead = lead_for("en", hits("11.7", "11.3"), [card("summer-max-credits", 0.95, "11.7")],
                    COVERED, ["11.7", "11.3"])  # fmt: skip
    assert lead.kind == "card" and lead.card == "summer-max-credits" and lead.covered
    assert lead.text.endswith("(§11.7)") and lead.clauses[0] == "11.7"


def test_a_card_the_clause_search_does_not_confirm_does_not_lead():
    lead = lead_for("en", hits("8.35", "8.36"), [card("summer-max-credits", 0.95, "11.7")],
                    COVERED, ["8.35", "8.36"])  # fmt: skip
    assert lead.kind != "card"


def test_an_open_topic_card_says_the_policy_does_not_settle_it():
    cards = [card("unsettled-dormitory", OPEN_CARD + 0.01), card("summer-paid", 0.85, "11.2")]
    lead = lead_for("ru", hits("11.3", "11.2"), cards, COVERED, ["11.3", "11.2"])
    assert lead.kind == "card" and not lead.covered and "общежити" in lead.text.lower()


def test_an_open_topic_card_does_not_lead_when_an_answering_card_is_nearly_as_close():
    # the question may be the answering card's: the clauses decide (here, a confident match)
    open_card = card("unsettled-dormitory", OPEN_CARD + 0.01)
    answering = card("summer-paid", OPEN_CARD + 0.01 - OPEN_MARGIN / 2, "11.2")
    lead = lead_for("en", hits("8.35"), [open_card, answering], COVERED, ["8.35"])
    assert lead.covered and lead.kind == "gloss" and "(§8.35)" in lead.text


def test_an_open_topic_card_gives_way_to_a_closer_card_that_answers():
    open_card = card("unsettled-credit-load", CARD_LEADS + 0.04)
    answering = card("summer-max-credits", CARD_LEADS + 0.05, "11.7")
    lead = lead_for("kk", hits("11.7", "11.3"), [open_card, answering], COVERED, ["11.7"])
    assert lead.kind == "card" and lead.card == "summer-max-credits" and lead.covered
    assert "30" in lead.text


def test_not_covered_without_a_card_and_closest_rules_without_a_confident_match():
    assert not lead_for("en", hits("1.1"), [], NOT_COVERED, ["1.1"]).covered
    weak = Coverage(True, 0.8, 0.3)
    assert lead_for("en", hits("1.1"), [], weak, ["1.1"]).kind == "closest"


def test_a_confident_clause_match_leads_with_its_gloss():
    lead = lead_for("en", hits("8.35"), [], Coverage(True, 0.9, 0.7), ["8.35"])
    assert lead.kind == "gloss" and lead.text.endswith("(§8.35)")


def test_kazakh_typed_in_latin_letters_leads_with_a_gloss_a_little_sooner():
    """Its transliteration's cosines run lower at the same top-hit precision."""
    near = Coverage(True, 0.81, 0.3)
    assert lead_for("kk", hits("8.35"), [], near, ["8.35"]).kind == "closest"
    lead = lead_for("kk", hits("8.35"), [], near, ["8.35"], latin_typed=True)
    assert lead.kind == "gloss" and "(§8.35)" in lead.text
    far = Coverage(True, 0.79, 0.3)
    assert lead_for("kk", hits("8.35"), [], far, ["8.35"], latin_typed=True).kind == "closest"


def test_a_card_offers_only_its_own_tool():
    assert offers("exam-cheating-retake", "retake_path")
    assert not offers("exam-cheating-retake", "gpa")
    assert not offers("unsettled-dormitory", "retake_path") and not offers(None, "gpa")


def test_of_the_cards_that_could_lead_the_closest_leads():
    # the fused order put a neighbouring card first; the closer one answers
    first = card("exam-appeal-outcome", CARD_LEADS + 0.02, "8.24")
    closer = card("exam-appeal-deadline", CARD_LEADS + 0.03, "8.23")
    lead = lead_for("kk", hits("8.23", "8.24"), [first, closer], COVERED, ["8.23", "8.24"])
    assert lead.kind == "card" and lead.card == "exam-appeal-deadline"


def test_a_figure_the_clauses_do_not_state_is_said_first_and_the_topic_still_answered():
    # "can I be readmitted, and what will it cost?": the card answers, the price is missing
    figure = Coverage(True, 0.9, 0.7, "price")
    lead = lead_for("en", hits("11.7", "11.3"), [card("summer-max-credits", 0.95, "11.7")],
                    figure, ["11.7", "11.3"])  # fmt: skip
    assert lead.kind == "card" and not lead.covered and lead.missing_figure == "price"


def test_a_missing_figure_with_no_sure_answer_to_the_rest_is_not_covered():
    figure = Coverage(False, 0.8, 0.1, "price")
    lead = lead_for("en", hits("8.35", "8.36"), [], figure, ["8.35", "8.36"])
    assert lead.kind == "not_covered" and lead.missing_figure is None
