"""The matcher reads messages, not only questions: wrappers, chatter, bare words, bounds.

Each rule on a fact base of two or three facts; each test fails with its rule off.
"""

from __future__ import annotations

import tracemalloc

from builders import BARS, FILLER, make_base, make_entity, make_fact

from bot.core.text import MAX_WORD_CHARS, MAX_WORDS, bounded
from bot.engine import Chatter, Kind, Matcher
from bot.engine.conversation import read_message

BCIJ = make_entity(
    "bcij", "institution", "Central Bureau of Judicial Investigation", acronyms=["BCIJ"]
)
CREATED = make_fact(
    "bcij-created",
    "Morocco created the BCIJ in May 2015.",
    ask=["When was the BCIJ created?"],
    when="2015-05",
    entities=["bcij"],
)
TRAINING = make_fact(
    "training-test",
    "The training ended with a test of the trainees' skills.",
    ask=["How did the training end?"],
    topic="trainings",
)
LAB = make_fact(
    "dna-lab",
    "The police lab obtained a certification for DNA testing in 2018.",
    ask=["When was the DNA lab certified?"],
    when="2018",
)


def matcher() -> Matcher:
    return Matcher(make_base(CREATED, TRAINING, LAB, entities=[BCIJ]))


def test_a_question_wrapped_in_conversation_is_answered() -> None:
    """The greeting, purpose and thanks do not count against coverage."""
    message = "morning! for the donor note due at 4 tomorrow: when was the BCIJ created? thx a lot"
    answer = matcher().ask(message)
    assert answer.answered and answer.best is not None
    assert answer.best.fact.id == "bcij-created"
    assert answer.question == message  # the answer keeps the message as written


def test_the_wrapper_would_sink_the_question_otherwise() -> None:
    """Without the reading, the same words are too many for the fact to cover."""
    plain = matcher()
    slots = plain.analyse("morning for the donor note due at 4 tomorrow when was the BCIJ created")
    assert len(slots) > 2 * len(plain.analyse("when was the BCIJ created"))


NOTES = "Notes on the training test and the police lab."


def test_a_question_naming_a_body_of_the_fact_base_needs_no_context_even_written_small() -> None:
    """Context before a question that names a body (in lower case, as in chat) goes: its
    known words would count against the question's coverage."""
    answer = matcher().ask(f"{NOTES} when was the bcij created in morocco?")
    assert answer.answered and [m.fact.id for m in answer.facts] == ["bcij-created"]


def test_a_name_in_most_facts_does_not_make_a_question_stand_alone() -> None:
    """ "... when was it set up in morocco?" names Morocco, which most facts name: the
    question needs its context ("Notes on the BCIJ") to say what was set up."""
    morocco = make_entity("morocco", "country", "Morocco")
    created = make_fact(
        "bcij-created", "Morocco created the BCIJ in May 2015.", entities=["bcij", "morocco"]
    )
    dogs = [
        make_fact(f"dogs-{n}", f"Morocco created a unit of {n} dogs.", entities=["morocco"])
        for n in range(4)
    ]
    base = make_base(created, *dogs, entities=[BCIJ, morocco])
    answer = Matcher(base, BARS).ask("Notes on the BCIJ. when was the unit created in morocco?")
    assert answer.answered and answer.facts[0].fact.id == "bcij-created"


def test_chatter_gets_no_fact_even_when_its_words_are_in_the_fact_base() -> None:
    m = matcher()
    for message, kind in [
        ("test test", Chatter.TEST),
        ("thanks!", Chatter.THANKS),
        ("who made you?", Chatter.ABOUT_BOT),
        (":+1:", Chatter.EMPTY),
    ]:
        answer = m.ask(message)
        assert not answer.answered and answer.facts == () and answer.suggestions == ()
        assert answer.chatter is kind, message


def test_a_sentence_saying_it_tests_the_bot_asks_nothing() -> None:
    """What the test comes before ("the training") is no word asked; a question after the
    test is still asked."""
    m = matcher()
    for message in (
        "are you there? just testing the bot before the training",
        "je teste le bot avant le training. tu es là ?",
    ):
        answer = m.ask(message)
        assert not answer.answered and answer.facts == () and answer.suggestions == (), message
    # (A sentence on tests of something else is no test of the bot.)
    answer = m.ask("The police lab ran a test of this kit. When was it certified?")
    assert answer.answered and answer.best is not None and answer.best.fact.id == "dna-lab"
    answer = m.ask("just testing the bot. how did the training end?")
    assert answer.answered and answer.best is not None and answer.best.fact.id == "training-test"


def test_a_claim_of_the_draft_checked_is_what_the_question_is_about() -> None:
    """ "The draft says Morocco created the BCIJ in 2014. Which month does the BCIJ give?":
    the question names enough to stand alone, but what it asks of is the claim's."""
    created = make_fact(
        "bcij-created", "Morocco created the BCIJ in May 2015.", when="2015-05", entities=["bcij"]
    )
    branch = make_fact(
        "bcij-branch",
        "The BCIJ opened a branch in Fes in July 2016.",
        when="2016-07",
        entities=["bcij"],
    )
    grant = make_fact("grant", "Each month the ministry will give a grant to a court.")
    m = Matcher(make_base(created, branch, grant, *FILLER, entities=[BCIJ]), thresholds=BARS)
    answer = m.ask(
        "The draft says Morocco created the BCIJ in 2014. Which month does the BCIJ give?"
    )
    assert answer.answered and answer.best is not None and answer.best.fact.id == "bcij-created"
    # (The claim is read without the words saying whose it is, in French as in English.)
    reading = read_message(
        "Notre brouillon affirme que le Maroc a créé le BCIJ en 2014. Quel mois le BCIJ donne ?"
    )
    assert reading.question.startswith("le Maroc a créé le BCIJ en 2014.")
    # The claim ends where the question opens after a comma, or where its quote closes.
    reading = read_message("draft says the BCIJ has 5 units, how many does the source give")
    assert (reading.claim, reading.asking) == (
        "the BCIJ has 5 units",
        "how many does the source give",
    )
    reading = read_message("A draft line reads: 'The BCIJ has 5 units.' What figure is right?")
    assert (reading.claim, reading.asking) == ("The BCIJ has 5 units.'", "What figure is right?")
    # (Not a sentence of another kind in a message naming a draft.)
    reading = read_message(
        "forwarded from the newsletter draft: the para says the BCIJ helps a group of "
        "detainees, which group?"
    )
    assert reading.question == "the para says the BCIJ helps a group of detainees, which group?"
    # (A relative clause of the claim is no question; a report that "has to go out" no claim.)
    reading = read_message(
        "The draft says the BCIJ, which reports to the DGST, was created in 2014. "
        "What year does the source give?"
    )
    assert reading.claim == "the BCIJ, which reports to the DGST, was created in 2014."
    assert read_message("My report has to go out at noon. When was the BCIJ created?").claim == ""
    reading = read_message("Notre brouillon affirme : le BCIJ a 5 unités. Combien en a-t-il ?")
    assert reading.claim == "le BCIJ a 5 unités."
    # The asker's own text is a draft too: "I wrote that ...", "j'ai écrit que ...".
    reading = read_message("Quick check. I wrote that the BCIJ has 5 units. What figure is right?")
    assert reading.claim == "the BCIJ has 5 units."
    reading = read_message("I noted that the BCIJ has 5 units. What figure is right?")
    assert reading.claim == "the BCIJ has 5 units."
    # (A text someone sent: "The email I received says: '...'".)
    reading = read_message("The email I received says the BCIJ has 5 units. What figure is right?")
    assert reading.claim == "the BCIJ has 5 units."
    # (Where it was written, before: "For the GCTF paragraph I wrote that ...".)
    reading = read_message(
        "For the new BCIJ paragraph I wrote that the BCIJ has 5 units. What figure is right?"
    )
    assert reading.claim == "the BCIJ has 5 units."
    reading = read_message("J'ai écrit que le BCIJ a 5 unités. Combien en a-t-il ?")
    assert reading.claim == "le BCIJ a 5 unités."


def test_one_everyday_word_alone_is_not_a_question() -> None:
    m = matcher()
    for word in ("training", "police", "hlep"):
        answer = m.ask(word)
        assert not answer.answered and answer.chatter is Chatter.BARE_WORD, word


def test_the_kind_of_answer_alone_is_not_a_question() -> None:
    """ "what year?", "quelle date ?", "can you confirm the days and month?": the kind of
    answer, of nothing the message names; a fact that merely holds a year is no answer."""
    m = matcher()
    for message in ("what year?", "quelle date ?", "can you confirm the days and month?"):
        answer = m.ask(message)
        assert not answer.answered and answer.chatter is not None, message
    assert m.ask("when was the BCIJ created?").answered


def test_one_name_alone_is_a_question() -> None:
    answer = matcher().ask("BCIJ")
    assert answer.chatter is None
    assert answer.answered and answer.best is not None and answer.best.fact.id == "bcij-created"


def test_an_everyday_word_that_names_an_institution_is_a_question() -> None:
    parliament = make_entity("parliament", "institution", "Parliament")
    adopted = make_fact(
        "law-adopted", "Parliament adopted the law in 2015.", entities=["parliament"], when="2015"
    )
    answer = Matcher(make_base(adopted, TRAINING, entities=[parliament])).ask("parliament")
    assert answer.chatter is None and answer.answered


def test_a_name_in_most_facts_alone_gets_help_not_one_of_them() -> None:
    """ "Morocco" alone: it is in nearly every fact, so none of them is its card."""
    morocco = make_entity("morocco", "country", "Morocco")
    facts = [
        make_fact(
            f"dogs-{n}", f"Morocco gave {n} sniffer dogs to the police.", entities=["morocco"]
        )
        for n in range(6)
    ]
    few = Matcher(make_base(*facts[:2], TRAINING, entities=[morocco])).ask("Morocco")
    assert few.chatter is None and few.answered  # in two facts: they are about it
    many = Matcher(make_base(*facts, TRAINING, entities=[morocco])).ask("Morocco")
    assert not many.answered and many.chatter is Chatter.BARE_WORD


def test_of_two_questions_in_a_message_the_one_the_base_answers_is_answered() -> None:
    """ "When was the BCIJ created? and did the King comment?": the bot answers what it
    can; both questions matched as one would cover too little of either."""
    answer = matcher().ask("When was the BCIJ created? and did the King comment on it publicly?")
    assert answer.answered and [m.fact.id for m in answer.facts] == ["bcij-created"]


NETWORK = make_entity("network", "group", "prosecutors network")
SERIOUS = make_fact(
    "serious-crime", "A 2016 law made trafficking a serious crime heard by appeal courts."
)
NETWORK_SET_UP = make_fact(
    "network-set-up", "The prosecutors network was set up in 2019.", entities=["network"]
)


def test_a_question_that_does_not_point_back_is_also_read_without_its_context() -> None:
    """The context's name ("the prosecutors network") is not in the fact that answers the
    question, which names nothing itself: read alone, the question is answered."""
    base = make_base(SERIOUS, NETWORK_SET_UP, TRAINING, LAB, entities=[NETWORK])
    message = (
        "prepping slides for the prosecutors network meeting next week. "
        "which law made trafficking a serious crime?"
    )
    answer = Matcher(base, thresholds=BARS).ask(message)
    assert answer.answered and [m.fact.id for m in answer.facts] == ["serious-crime"]


def test_a_question_that_points_back_is_not_read_without_its_context() -> None:
    """ "where was it held first?" needs what "it" is: alone it would find another event."""
    first_held = make_fact("first-held", "The first session was held in Rabat.", where="Rabat")
    base = make_base(first_held, NETWORK_SET_UP, TRAINING, entities=[NETWORK])
    alone = "where was it held first?"
    assert Matcher(base, thresholds=BARS).ask(alone).answered
    message = "I have the prosecutors network for the second training. " + alone
    assert not Matcher(base, thresholds=BARS).ask(message).answered


def test_the_kind_asked_names_nothing_a_pointer_needs() -> None:
    """ "what year was it opened?" points back as "when was it opened?" does: "year" is
    the kind asked, not what "it" is; alone it would find another opening."""
    opened = make_fact("opened", "The first session was opened in the year 2016.")
    base = make_base(opened, NETWORK_SET_UP, TRAINING, entities=[NETWORK])
    alone = "what year was it opened?"
    assert Matcher(base, thresholds=BARS).ask(alone).answered
    message = "I have the prosecutors network for the second training -- " + alone
    assert not Matcher(base, thresholds=BARS).ask(message).answered


def test_the_kind_asked_is_read_from_the_question_not_from_the_context_before_it() -> None:
    """Context kept before "Who created it on the Moroccan side?" is no lead phrase of the
    question: it still asks for a person, whom no fact names."""
    message = (
        "I am writing about the BCIJ, the police lab and its DNA testing certification and "
        "the training test. Who created it on the Moroccan side?"
    )
    answer = matcher().ask(message)
    assert answer.asks_for is Kind.PERSON and not answer.answered


def test_a_question_on_one_meaning_many_facts_hold_names_nothing() -> None:
    """ "what's new?": "new" is in many facts; none of them is what is asked."""
    facts = [make_fact(f"n-{n}", f"A new unit of {n} dogs was created.") for n in range(6)]
    base = make_base(
        *facts, make_fact("rare", "A recent law was passed."), synonyms=[("new", "recent")]
    )
    assert not Matcher(base).ask("what's new?").answered
    few = make_base(
        facts[0], make_fact("rare", "A recent law was passed."), synonyms=[("new", "recent")]
    )
    assert Matcher(few).ask("what's new?").answered


def test_one_everyday_word_beside_a_name_in_most_facts_names_nothing() -> None:
    """ "What is the population of Morocco?": Morocco is in nearly every fact, so the
    question is one everyday word, and the fact on "vulnerable populations" is not it."""
    morocco = make_entity("morocco", "country", "Morocco")
    facts = [
        make_fact(
            f"dogs-{n}", f"Morocco gave {n} sniffer dogs to the police.", entities=["morocco"]
        )
        for n in range(5)
    ]
    facts.append(
        make_fact(
            "pop", "Morocco trained officers for vulnerable populations.", entities=["morocco"]
        )
    )
    base = make_base(*facts, TRAINING, LAB, entities=[morocco])
    assert not Matcher(base).ask("What is the population of Morocco?").answered


def test_a_meaning_in_many_facts_alone_gets_help() -> None:
    """ "procureur" alone: prosecutors are in many facts, so none of them is the answer;
    a meaning in two facts ("torture") still finds them."""
    facts = [make_fact(f"p-{n}", f"{n} prosecutors met in Rabat.") for n in range(6)]
    facts.append(make_fact("torture", "A course on torture prevention was held."))
    base = make_base(*facts, synonyms=[("prosecutors", "procureur"), ("torture", "tortures")])
    many = Matcher(base).ask("procureur")
    assert not many.answered and many.chatter is Chatter.BARE_WORD
    assert Matcher(base).ask("tortures").answered


def test_one_everyday_word_in_a_question_with_no_kind_names_nothing() -> None:
    """ "What time is it?" is not answered by a fact that happens to hold "time"."""
    ended = make_fact("ended", "The training ended in time for the test.", topic="trainings")
    m = Matcher(make_base(ended, CREATED, entities=[BCIJ]))
    assert m.ask("did the training end in time?").answered
    assert not m.ask("what time is it?").answered
    # (Nor "what time did the training end?": a time of day, which the fact does not give.)
    assert not m.ask("what time did the training end?").answered


def test_one_rare_fact_word_alone_is_a_question() -> None:
    answer = matcher().ask("DNA")
    assert answer.chatter is None and answer.answered


def test_bounded_caps_words_and_their_length() -> None:
    assert bounded("When was the BCIJ created?") == "When was the BCIJ created?"
    long = bounded("x" * 5000)
    assert long == "x" * MAX_WORD_CHARS
    many = bounded(" ".join(["word"] * 500))
    assert len(many.split()) == MAX_WORDS


def test_a_5000_letter_word_and_fifty_of_them_cost_little_memory() -> None:
    """Without the bound, typo correction of one 5,000-letter word needs gigabytes."""
    m = matcher()
    tracemalloc.start()
    try:
        assert not m.ask("q" * 5000).answered
        assert not m.ask(" ".join(["zx" * 2500] * 50)).answered
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_a_name_with_dots_is_known_as_the_word_it_reads_as() -> None:
    """ "How long does DOG.ACT run and what is its budget?": the second question points
    back at DOG.ACT, which the fact base knows as "dogact"; each half is answered."""
    dogact = make_entity("dog-act", "programme", "DOG.ACT")
    runs = make_fact(
        "runs",
        "DOG.ACT runs for four years, 2015-2019.",
        ask=["How long does DOG.ACT run?"],
        entities=["dog-act"],
    )
    budget = make_fact(
        "budget",
        "DOG.ACT has a budget of 11 million euros.",
        ask=["What is the budget of DOG.ACT?"],
        entities=["dog-act"],
    )
    matcher = Matcher(make_base(runs, budget, CREATED, entities=[dogact, BCIJ]), thresholds=BARS)
    answer = matcher.ask("How long does DOG.ACT run and what is its budget?")
    assert answer.answered


DOG_NETWORK = make_entity("dog-network", "group", "dog network")
CAT_NETWORK = make_entity("cat-network", "group", "cat network")
DOG_FIRST = make_fact(
    "dog-first",
    "The first session of the dog network was held in Rabat.",
    where="Rabat",
    entities=["dog-network"],
)
CAT_FIRST = make_fact(
    "cat-first",
    "The first session of the cat network was held in Fes.",
    where="Fes",
    entities=["cat-network"],
)


def test_the_question_alone_is_about_what_its_context_names() -> None:
    """ "I'm writing the cat network narrative ... Where was the first session held?": the
    question read alone (the narrative sinks it with its context) finds both first
    sessions; the one of the network the context names comes first."""
    report = make_fact("report", "The annual narrative report of the donors is due in May.")
    base = make_base(DOG_FIRST, CAT_FIRST, report, entities=[DOG_NETWORK, CAT_NETWORK])
    for network, first in (("cat", "cat-first"), ("dog", "dog-first")):
        message = (
            f"I'm writing the annual narrative on the {network} network for the donors. "
            "Where was the first session held? They want it by Wednesday."
        )
        answer = Matcher(base, thresholds=BARS).ask(message)
        assert answer.answered and answer.facts[0].fact.id == first


def test_a_question_asked_comes_before_what_someone_wants_to_say() -> None:
    """ "The desk officer wants to say how long Morocco has been a member. In what year did
    Morocco join the TSCTP?": the question with its mark is what is asked."""
    joined = make_fact(
        "joined",
        "Morocco joined the dog partnership in 2005.",
        when="2005",
        ask=["When did Morocco join the dog partnership?"],
    )
    jailed = make_fact(
        "jailed",
        "Members of a dog gang can be jailed for five to ten years.",
        ask=["How long can members of a dog gang be jailed?"],
    )
    base = make_base(joined, jailed, TRAINING)
    message = (
        "We host a workshop next month on the dog partnership. The desk officer wants to "
        "say how long the gang members have been members. In what year did Morocco join "
        "the dog partnership?"
    )
    answer = Matcher(base, thresholds=BARS).ask(message)
    assert answer.answered and answer.facts[0].fact.id == "joined"


def test_that_before_a_thing_points_back() -> None:
    """ "When was that agreement signed?" asks of the agreement the context names, not of
    whichever agreement a fact dates."""
    dog_pact = make_fact(
        "dog-pact", "The dog unit and the port signed a cooperation agreement in 2016.", when="2016"
    )
    trade = make_fact("trade", "Morocco signed a trade agreement in 2004.", when="2004")
    base = make_base(dog_pact, trade, TRAINING)
    message = (
        "Re the thread: the training is part of a cooperation agreement between the dog unit "
        "and the port. The adviser wants the signing date for our database. When was that "
        "agreement signed?"
    )
    answer = Matcher(base, thresholds=BARS).ask(message)
    assert not answer.answered or answer.facts[0].fact.id == "dog-pact"


def test_two_questions_of_one_sentence_share_its_question_mark() -> None:
    """ "what year was the dog unit set up, and who gave the opening talk?": the mark ends
    both questions, so it does not put the second first; the first, as well covered, is
    answered (as before the mark counted)."""
    setup = make_fact("setup", "The dog unit was set up in the year 2015.", when="2015")
    talk = make_fact(
        "talk", "Ms. Smith gave the opening talk at the dog unit's launch, with a speech on ports."
    )
    base = make_base(setup, talk, TRAINING)
    message = (
        "for the newsletter: what year was the dog unit set up, and who gave the opening talk?"
    )
    answer = Matcher(base, thresholds=BARS).ask(message)
    assert answer.answered and answer.facts[0].fact.id == "setup"


def test_a_question_pointing_back_is_about_what_its_context_names() -> None:
    """ "Re: the DU thread. The Dog Unit came up again in today's meeting with the
    gendarmerie liaison ... When was it actually set up?": the meeting's words sink the
    question with all its context; with the context's names alone it is answered."""
    unit = make_entity("dog-unit", "institution", "Dog Unit", acronyms=["DU"])
    setup = make_fact(
        "du-setup",
        "Morocco set up the Dog Unit in May 2015.",
        when="2015-05",
        entities=["dog-unit"],
        ask=["When was the Dog Unit set up?"],
    )
    meeting = make_fact(
        "meeting",
        "The port liaison came to a meeting and said the gendarmerie asked about the port.",
    )
    base = make_base(setup, meeting, TRAINING, entities=[unit])
    message = (
        "Re: the DU thread. The Dog Unit came up again in today's meeting with the gendarmerie "
        "liaison, and they asked about it. I said 2016, which I now doubt. When was it "
        "actually set up?"
    )
    answer = Matcher(base, thresholds=BARS).ask(message)
    assert answer.answered and answer.facts[0].fact.id == "du-setup"
