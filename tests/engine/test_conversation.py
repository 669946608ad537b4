"""Reading a chat message: the question inside its wrapper, or chatter. One rule a test."""

from __future__ import annotations

import pytest

from bot.engine.conversation import Chatter, dictated_punctuation, names_only_the_kind, read_message

#: A fact base that knows only these words (folded).
KNOWN = frozenset(
    [
        "ilea",
        "stand",
        "bcij",
        "morocco",
        "set",
        "created",
        "glo.act",
        "glo",
        "act",
        "pays",
        "countries",
        "law",
        "trafficking",
        "prosecutors",
        "trained",
        "casablanca",
        "year",
        "charter",
        "judicial",
        "reform",
        "tiflet",
        "inl",
    ]
)


def knows(word: str) -> bool:
    return word in KNOWN


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # greeting + purpose before a colon, thanks after the question mark
        (
            "morning! for the donor note due at 4: what does ILEA stand for again? thx",
            "what does ILEA stand for?",
        ),
        # an apology as a comma part, a purpose sentence after the question
        (
            "sorry to bug you again, when was the BCIJ created?? it's for the annex",
            "when was the BCIJ created??",
        ),
        # a French wrapper before a colon
        (
            "@factbot rappel rapide : GLO.ACT couvre combien de pays en tout ?",
            "GLO.ACT couvre combien de pays en tout ?",
        ),
        # a dash between the filler and the question; purpose afterwards
        (
            "hey quick one — when was the BCIJ created? need it for a slide",
            "when was the BCIJ created?",
        ),
        # no punctuation at all: leading filler words go
        (
            "quick q, which year did Morocco approve the judicial reform charter",
            "which year did Morocco approve the judicial reform charter",
        ),
        # French thanks with an elision
        (
            "salut, petite question : quand le BCIJ a-t-il été créé ? merci d'avance",
            "quand le BCIJ a-t-il été créé ?",
        ),
        # the bot addressed by its name, not mentioned
        ("hey factbot, when was the BCIJ created?", "when was the BCIJ created?"),
        # a mention in wire form and an emoji code
        ("<@U0FACTBOT> when was the BCIJ created? :pray:", "when was the BCIJ created?"),
        # a channel link and a broadcast in wire form, in a code span or not
        (
            "<!here> when was the BCIJ created? `<#C024BE7LR|general>`",
            "when was the BCIJ created?",
        ),
        ("<!here|@here> when was the BCIJ created?", "when was the BCIJ created?"),
    ],
)
def test_the_wrapper_is_taken_off(message: str, question: str) -> None:
    reading = read_message(message, knows)
    assert reading.chatter is None
    assert reading.question == question
    assert reading.wrapped


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("for our annual report, when was the BCIJ created?", "when was the BCIJ created?"),
        ("journalist here, when was the BCIJ created?", "when was the BCIJ created?"),
        # what the asker is doing with the answer
        ("filling in a grant table, when was the BCIJ created?", "when was the BCIJ created?"),
        # (logistics: what the answer is booked or planned for)
        (
            "blocking hotel nights for the wkshop, when was the BCIJ created?",
            "when was the BCIJ created?",
        ),
        ("adding to the events cal, when was the BCIJ created?", "when was the BCIJ created?"),
        (
            "organising the Rabat visit logistics, when was the BCIJ created?",
            "when was the BCIJ created?",
        ),
        (
            "updating the timeline for the Tiflet center, when was the BCIJ created?",
            "Tiflet, when was the BCIJ created?",
        ),
        (
            "pour la cartographie des pays, combien de pays couvre GLO.ACT ?",
            "combien de pays couvre GLO.ACT ?",
        ),
        # ... but the names it holds stay: they may be what is asked about.
        ("pour la note sur le BCIJ, quand a-t-il été créé ?", "BCIJ, quand a-t-il été créé ?"),
        # ... those the fact base knows: "CVE" here names the asker's section, nothing asked.
        (
            "for the CVE section of the report, when was the BCIJ created?",
            "when was the BCIJ created?",
        ),
        # a leading phrase with no purpose in it is part of the question
        (
            "for the trafficking law, which year did Morocco approve the reform?",
            "for the trafficking law, which year did Morocco approve the reform?",
        ),
    ],
)
def test_a_leading_clause_on_purpose_or_asker_keeps_only_its_names(
    message: str, question: str
) -> None:
    assert read_message(message, knows).question == question


def test_a_hyphenated_wrapper_is_conversation_even_in_words_the_base_knows() -> None:
    """ "double-checking" is "double checking"; what the answer is for may be to "send" it."""
    reading = read_message("Double-checking before I send: when was the BCIJ created?")
    assert reading.question == "when was the BCIJ created?"


def test_a_clean_question_is_left_as_it_is() -> None:
    reading = read_message("When was the BCIJ created?", knows)
    assert reading.question == "When was the BCIJ created?" and not reading.wrapped


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    assert read_message("who is Ms. Oufroukhi exactly?", knows).question == (
        "who is Ms. Oufroukhi exactly?"
    )
    # "i.e." and "e.g." go on with the sentence: one question, not two
    reading = read_message("when was the BCIJ set up, i.e. which year?", knows)
    assert reading.question == "when was the BCIJ set up, i.e. which year?"
    assert reading.parts == ()


def test_a_segment_of_words_the_fact_base_never_heard_of_is_conversation() -> None:
    """Context with no fact-base word ("trying to size the room") does not count."""
    with_context = read_message("how many prosecutors were trained? trying to size the room", knows)
    assert with_context.question == "how many prosecutors were trained?"
    # ... but a segment the fact base knows words of is kept: it narrows the question.
    kept = read_message("about the casablanca training: how many prosecutors?", knows)
    assert "casablanca" in kept.question


def test_context_that_names_only_what_the_question_names_goes() -> None:
    """ "Prepping a briefing on Morocco." repeats the question's one name: it goes."""
    reading = read_message(
        "Working on a deck on Morocco. When was the BCIJ created in Morocco?", knows
    )
    assert reading.question == "When was the BCIJ created in Morocco?"
    # ... context naming what the question does not ("it") stays: it says what is asked.
    kept = read_message("Working on a deck on the BCIJ. When was it created in Morocco?", knows)
    assert "BCIJ" in kept.question


def test_a_question_that_names_enough_needs_no_context() -> None:
    """Context before a question that names what it asks goes, known words or not."""
    reading = read_message(
        "Prepping slides for the trafficking law meeting. "
        "How many prosecutors were trained in Casablanca?",
        knows,
    )
    assert reading.question == "How many prosecutors were trained in Casablanca?"
    # A question that points back ("it", "they") keeps the context that says what.
    pointing = read_message(
        "Notes on the BCIJ. When was it created in Morocco for trafficking prosecutors?", knows
    )
    assert "BCIJ" in pointing.question
    # ... and so does one that names nothing (no capital, acronym or figure).
    unnamed = read_message(
        "Notes on the BCIJ. when was the trafficking law for prosecutors created?", knows
    )
    assert "BCIJ" in unnamed.question


def test_context_about_the_asker_keeps_only_what_it_names() -> None:
    """ "I'm writing a piece on the BCIJ. when was it set up?": the question points back,
    so the context stays, but only its names: the asker's writing is not asked about."""
    reading = read_message("I'm writing a piece on the BCIJ. when was it set up?", knows)
    assert reading.question == "BCIJ when was it set up?"
    french = read_message("je prépare une note sur le BCIJ. il a été créé quand ?", knows)
    assert french.question == "BCIJ il a été créé quand ?"


def test_the_length_of_the_askers_text_and_a_call_for_pointers_are_not_asked() -> None:
    """ "Writing a short piece on the BCIJ. When was it set up? Any pointers welcome": the
    piece being short is about the asker, and the sign-off asks for nothing, even where
    the fact base knows "short" ("short-term") and "pointers"."""
    also = lambda word: knows(word) or word in ("short", "pointer", "pointers")  # noqa: E731
    reading = read_message(
        "Writing a short piece on the BCIJ. When was it set up? Any pointers welcome, thx",
        also,
    )
    assert reading.question == "BCIJ When was it set up?"


def test_a_conversational_aside_between_the_wrapper_and_the_question_parts_them() -> None:
    """ "sorry for the rush (call in 10 min) when was ...?": the aside goes, and the
    apology before it stays apart from the question after it, as after a comma."""
    reading = read_message(
        "morning, sorry for the rush (call in 10 min) when was the BCIJ created?", knows
    )
    assert reading.question == "when was the BCIJ created?"


def test_a_quote_whose_line_break_was_lost_is_read_as_on_its_own_line() -> None:
    """ "> Since 2010, the BCIJ has trained ... law what was it created for?": a Slack quote
    on one line (its line break lost) is read as it would be with it: a part of its own,
    the question after it another."""
    quote = "> Since 2010, the BCIJ has trained prosecutors on the trafficking law"
    one_line = read_message(f"{quote} what was it created for? thx", knows)
    assert one_line == read_message(f"{quote}\nwhat was it created for? thx", knows)
    assert one_line.parts == (quote,)
    # A quoted question alone has no quote before it.
    alone = read_message("&gt; what was the BCIJ created for?", knows)
    assert alone.question == "what was the BCIJ created for?" and alone.parts == ()


def test_who_asks_and_what_for_frame_the_question() -> None:
    """ "my boss ask me for the donor report since when ...": who asks and what the answer is
    for, before the question, frame it (a verb not put in the past all the same)."""
    reading = read_message(
        "my boss ask me for the donor report since when INL works with the DGAPR?", knows
    )
    assert reading.question == "since when INL works with the DGAPR?"


def test_not_sure_what_frames_the_question() -> None:
    """ "'BCIJ' is in the notes and I'm not sure what it stands for": the question is what
    comes after "not sure", pointing back to the notes' words."""
    reading = read_message("the BCIJ is in the notes and I'm not sure what it stands for", knows)
    assert reading.question.endswith("what it stands for") and "sure" not in reading.question
    assert read_message("not sure when the BCIJ was created", knows).question == (
        "when the BCIJ was created"
    )


def test_the_bot_named_after_words_ends_what_comes_before() -> None:
    """ "fwd from Karim: > pls check the notes before we print @factbot when was the BCIJ
    created?": what follows the bot's name is asked of it."""
    reading = read_message(
        "fwd from Karim: > pls check the trafficking notes before we print @factbot when was "
        "the BCIJ created? thx",
        knows,
    )
    assert reading.question.endswith("when was the BCIJ created?")
    assert "print" not in reading.question and "notes" not in reading.question
    assert read_message("@factbot when was the BCIJ created?", knows).question == (
        "when was the BCIJ created?"
    )


def test_a_quoted_question_ends_at_its_mark_inside_the_quotes() -> None:
    """'Forwarding from Amina: "when was the BCIJ created?" can the bot answer this one?':
    the quoted question is a part of its own."""
    reading = read_message(
        'Forwarding from Amina: "when was the BCIJ created?" can the bot answer this one?', knows
    )
    assert '"when was the BCIJ created?"' in reading.parts


def test_whom_the_askers_call_is_with_is_the_askers_company() -> None:
    """ "call in 10 min with the trafficking team, when was the BCIJ created?": the call and
    whom it is with say who asks, whatever words of the fact base they hold."""
    for message in (
        "call in 10 min with the trafficking team, when was the BCIJ created?",
        "call in 10 w/ the trafficking folks, when was the BCIJ created?",
    ):
        assert read_message(message, knows).question == "when was the BCIJ created?"


def test_what_someone_mentioned_is_the_subject_not_the_askers_doing() -> None:
    """ "drafting the agenda and someone mentioned the BCIJ trained prosecutors, when was
    it created?": what was heard is what the question points back to, whole; the
    telling ("someone mentioned") asks nothing."""
    told = "hi, drafting the agenda and someone mentioned the BCIJ trained prosecutors, when was it created?"
    assert (
        read_message(told, knows).question == "the BCIJ trained prosecutors, when was it created?"
    )
    said = read_message("someone said the BCIJ trained prosecutors. when was it created?", knows)
    assert said.question == "the BCIJ trained prosecutors. when was it created?"
    # "un rapport mentionne X, il a été créé quand ?": what the report names is asked about.
    cited = read_message("cc, un rapport mentionne le BCIJ, il a été créé quand ?", knows)
    assert cited.question == "le BCIJ, il a été créé quand ?"


def test_context_about_the_asker_after_a_greeting_or_a_purpose_word_is_about_the_asker() -> None:
    greeted = read_message("hey, I'm writing a note on the BCIJ. when was it created?", knows)
    assert greeted.question == "BCIJ when was it created?"
    purpose = read_message("Notes for the trafficking report. when was it created?", knows)
    assert purpose.question == "trafficking when was it created?"
    here = read_message(
        "Casablanca trafficking journalist here, thanks. when was it created?", knows
    )
    assert here.question == "Casablanca trafficking when was it created?"


def test_since_when_asks() -> None:
    reading = read_message("writing up trafficking notes. since when has the BCIJ existed", knows)
    assert reading.question == "trafficking since when has the BCIJ existed"


@pytest.mark.parametrize(
    "message",
    [
        "un collègue du parquet me demande combien de prosecutors ont été trained",
        "slt, un collègue du parquet me demande combien de prosecutors ont été trained",
        "je voudrais savoir combien de prosecutors ont été trained",
        # (a relayed question: the one who asks, in six words; "demande" without "me")
        "une ONG avec qui on travaille voudrait savoir combien de prosecutors ont été trained",
        "un collègue du ministère demande combien de prosecutors ont été trained",
        "tu sais combien de prosecutors ont été trained",
        "quelqu'un sait combien de prosecutors ont été trained",
        "qqn sait combien de prosecutors ont été trained",
    ],
)
def test_a_french_question_asked_about_asking_is_the_question(message: str) -> None:
    reading = read_message(f"Notes sur le rapport. {message} ?", knows)
    assert reading.question == "combien de prosecutors ont été trained ?"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("need the date of the BCIJ for the report, anyone have it? thx", "the date of the BCIJ?"),
        ("il me faut la date du BCIJ, quelqu'un l'a ? merci", "il me faut la date du BCIJ?"),
        ("anyone have the date of the BCIJ?", "the date of the BCIJ?"),
        ("slt, quelqu'un a la date du BCIJ ?", "la date du BCIJ ?"),
    ],
)
def test_who_has_it_is_how_a_request_is_asked(message: str, question: str) -> None:
    """ "..., anyone have it?", "quelqu'un l'a ?": what was asked for is the question."""
    assert read_message(message, knows).question == question


def test_what_a_meeting_talks_about_is_what_is_asked_about() -> None:
    """ "en réunion on parle de X, il a été créé quand ?": the talking asks nothing."""
    reading = read_message("en réunion on parle du BCIJ, il a été créé quand ?", knows)
    assert reading.question == "du BCIJ, il a été créé quand ?"
    reading = read_message("in the meeting we're discussing the BCIJ, when was it created?", knows)
    assert reading.question == "the BCIJ, when was it created?"
    # "on parle de quoi ?": what is talked about is asked.
    assert read_message("on parle de quoi dans le BCIJ ?", knows).question.startswith("on parle")


def test_two_questions_in_one_message_are_also_read_apart() -> None:
    reading = read_message(
        "when was the BCIJ created in Morocco? also did the prosecutors get trained?", knows
    )
    assert reading.parts == (
        "when was the BCIJ created in Morocco?",
        "did the prosecutors get trained?",
    )
    # One that points back needs the other to say what: it is not asked apart ...
    pointing = read_message(
        "where is the BCIJ in Morocco? was it created in Morocco for trafficking?", knows
    )
    assert pointing.parts == ("where is the BCIJ in Morocco?",)
    # ... nor is one that asks nothing of the fact base, nor one question alone.
    chatty = read_message("when was the BCIJ created? are you a bot?", knows)
    assert chatty.parts == ("when was the BCIJ created?",)
    assert read_message("Who is Ms. Alami of the BCIJ in Morocco?", knows).parts == ()


def test_two_questions_joined_by_and_after_a_preamble_are_read_apart() -> None:
    """ "For the BCIJ as a whole, how long has it run and how many prosecutors ...?": the
    first question follows a phrase saying what it is about."""
    reading = read_message(
        "For the BCIJ as a whole, how long has it run and how many prosecutors work there?", knows
    )
    # (the second points back, "there": it keeps the names of the first)
    assert reading.parts == (
        "For the BCIJ as a whole, how long has it run",
        "BCIJ how many prosecutors work there?",
    )


def test_a_second_question_pointing_back_keeps_only_the_names_of_the_first() -> None:
    """ "when was the BCIJ created and what is its mandate?": "its" is the BCIJ; the
    first question's own words ("created") are no part of the second."""
    reading = read_message("when was the BCIJ created and what is its mandate?", knows)
    assert reading.parts == ("when was the BCIJ created", "BCIJ what is its mandate?")


def test_a_second_question_may_open_on_a_preposition() -> None:
    """ "how many prosecutors did the BCIJ train, and over which years does it run?": two
    questions, the second opening on "over"."""
    reading = read_message(
        "how many prosecutors did the BCIJ train, and over which years does it run?", knows
    )
    assert reading.parts == (
        "how many prosecutors did the BCIJ train",
        "BCIJ over which years does it run?",
    )
    # ... and one that names nothing is about what the first one names.
    naming_nothing = read_message(
        "how many prosecutors did the BCIJ train, and in what year?", knows
    )
    assert naming_nothing.parts == ("how many prosecutors did the BCIJ train", "BCIJ in what year?")


@pytest.mark.parametrize("joined", ["and", "n", "&"])
def test_two_questions_joined_in_chat_are_read_apart(joined: str) -> None:
    """ "who created the bcij n how many prosecutors work there": chat writes "and" as
    "n" or "&"."""
    reading = read_message(f"who created the BCIJ {joined} how many prosecutors work there", knows)
    assert reading.parts == ("who created the BCIJ", "BCIJ how many prosecutors work there")


def test_a_pointer_after_a_name_points_to_it() -> None:
    """ "la loi de 2015, elle a été adoptée quand ?": "elle" is the law just named."""
    reading = read_message(
        "Notes pour le rapport. la loi trafficking de 2015 pour les prosecutors, elle a été "
        "créée quand ?",
        knows,
    )
    assert not reading.question.startswith("Notes")


def test_a_pointer_ending_a_question_points_back_whatever_it_names() -> None:
    """ "a colleague said INL helped the police with crime scenes. What did Morocco develop
    with INL support there?": "there" is the crime scenes; "are there" points nowhere."""
    heard = "prosecutors were trained on the trafficking law."
    context = f"a colleague said {heard}"  # (the telling asks nothing: what was heard stays)
    names = lambda text: "INL" in text or "Morocco" in text  # noqa: E731
    there = read_message(f"{context} What did Morocco set up with INL support there?", knows, names)
    assert there.question.startswith(heard)
    many = read_message(f"{context} How many INL academies are there?", knows, names)
    assert many.parts == ("How many INL academies are there?",)  # read alone too


def test_it_after_a_preposition_ending_a_question_points_back() -> None:
    """ "I'm checking a claim about the ATA program. Which forces got training through it?":
    "it" is the programme named before, even after words the question names itself."""
    known = {"antiterrorism", "assistance", "program", "moroccan", "forces", "training"}
    reading = read_message(
        "I'm checking a claim about the Antiterrorism Assistance program. Which Moroccan "
        "forces got training through it, per the text?",
        known.__contains__,
    )
    assert "Antiterrorism" in reading.question
    named = read_message(
        "I'm checking a claim about the Antiterrorism Assistance program. The Moroccan forces, "
        "which training did they get through it?",
        known.__contains__,
    )
    assert named.question.startswith("The Moroccan forces")
    alone = read_message(
        "I'm checking a claim. Which Moroccan forces got training in 2015?", known.__contains__
    )
    assert alone.question == "Which Moroccan forces got training in 2015?"


def test_a_colleague_the_answer_is_for_is_no_part_of_the_question() -> None:
    """ "Leila is drafting a paragraph on the charter. When was it approved? She needs one
    sentence she can cite.": whose work it is for, and the form wanted, ask nothing; what
    the work is about stays."""
    known = {"charter", "judicial", "approved", "bcij", "set", "sentence", "cite", "line"}
    reading = read_message(
        "Leila is drafting a paragraph on the judicial charter. When was it approved? She "
        "needs one sentence she can cite.",
        known.__contains__,
    )
    assert reading.question == "judicial charter When was it approved?"
    reading = read_message(
        "Omar asked me to double check a line in the note. When was the BCIJ set up?",
        known.__contains__,
    )
    assert reading.question.endswith("When was the BCIJ set up?")
    assert "Omar" not in reading.question


def test_is_that_right_checks_the_claim_before_it() -> None:
    """ "My draft says X in 2017. Is that the right year?": "is that ...?" points back to
    the claim; it is not a question about a year by itself."""
    reading = read_message(
        "My draft says the prosecutors' network was set up in 2017. Is that the right year?"
    )
    assert "network" in reading.question
    assert reading.parts == ()


def test_what_follows_the_question_is_what_it_is_for() -> None:
    """After the question, a sentence says what the answer is for, even in words the
    fact base knows ("the figure for the trafficking report")."""
    reading = read_message(
        "how many prosecutors were trained? need the figure for the trafficking report", knows
    )
    assert reading.question == "how many prosecutors were trained?"


def test_a_phrasal_verb_keeps_its_particle() -> None:
    assert read_message("when was the BCIJ set up", knows).question == "when was the BCIJ set up"


def test_a_seasonal_wish_before_a_question_is_a_greeting() -> None:
    reading = read_message("Happy new year! when was the BCIJ created?", knows)
    assert reading.question == "when was the BCIJ created?"


@pytest.mark.parametrize("message", ["Bon week-end !", "Ça va tout le monde ? Bon week-end !"])
def test_a_french_wish_is_a_greeting(message: str) -> None:
    """ "Bon week-end !", "bonne soirée": wishes, which name nothing asked (the week-end's
    "end" is no question of when something ends)."""
    assert read_message(message, knows).chatter is not None
    reading = read_message("quand a été créé le BCIJ ? Bon week-end !", knows)
    assert reading.question == "quand a été créé le BCIJ ?"
    # ("la bonne semaine": the right week, no wish)
    reading = read_message("le BCIJ a-t-il été créé la bonne semaine ?", knows)
    assert "semaine" in reading.question


@pytest.mark.parametrize(
    "message",
    [
        "Morning! Sorry if this is a silly question but when was the BCIJ created?",
        "dumb q: when was the BCIJ created?",
        "this may be a very basic question, but when was the BCIJ created?",
        "Désolé, c'est peut-être une question bête, mais when was the BCIJ created?",
        "sorry if this is obvious, when was the BCIJ created?",
        "@factbot sorry if this is basic, but when was the BCIJ created?",
    ],
)
def test_an_apology_for_the_question_is_no_part_of_it(message: str) -> None:
    assert read_message(message, knows).question == "when was the BCIJ created?"
    # (The fact base may know the word "question": the apology is read all the same.)
    knows_question = lambda word: knows(word) or word == "question"  # noqa: E731
    assert read_message(message, knows_question).question == "when was the BCIJ created?"


def test_the_weather_asked_is_off_topic() -> None:
    """ "Does anyone know if it's going to rain in Rabat tomorrow? ...": the weather, which
    no fact tells, whatever place it names; a question beside a word on the rain is asked."""
    known = {"rabat", "office", "bcij", "set"}.__contains__
    for message in (
        "Does anyone know if it's going to rain in Rabat tomorrow? I was planning to walk.",
        "What's the weather in Rabat tomorrow?",
        "quel temps fait-il à Rabat ?",
    ):
        assert read_message(message, known).chatter is Chatter.OFF_TOPIC, message
    asked = read_message("It's raining here, but when was the BCIJ set up?", known)
    assert asked.chatter is None
    assert read_message("Va-t-il pleuvoir à Rabat demain ?", known).chatter is Chatter.OFF_TOPIC
    # (A question on the weather's terms is asked: "weather permitting, when ...?")
    for message in (
        "Weather permitting, when was the BCIJ set up?",
        "If the weather holds, when was the BCIJ set up?",
    ):
        assert read_message(message, known).chatter is None, message


def test_french_chat_shorthand_around_a_question_asks_nothing() -> None:
    """ "dsl encore moi", "petite vérif", "c pour un tableau chrono": the asker's apology,
    check and purpose, in chat French; the question stays."""
    # (The fact base may know "retenir" or "ugh" as words of its own.)
    known = {"bcij", "cree", "annee", "tableau", "retenir", "ugh"}.__contains__
    reading = read_message("dsl encore moi, le BCIJ a été créé en quelle année ?", known)
    assert reading.question == "le BCIJ a été créé en quelle année ?"
    reading = read_message("ugh, le BCIJ a été créé en quelle année ? sry", known)
    assert reading.question == "le BCIJ a été créé en quelle année ?"
    reading = read_message("quelle année retenir : le BCIJ a été créé en quelle année ?", known)
    assert "retenir" not in reading.question
    reading = read_message(
        "le BCIJ a été créé en quelle année stp, c pour un tableau chrono", known
    )
    assert "chrono" not in reading.question and "tableau" not in reading.question


def test_a_french_apology_for_a_basic_question_is_no_part_of_it() -> None:
    """ "slt tt le monde, dsl pr la question basique mais le BCIJ ...": greeting, apology,
    then the question, with no question word to open it (the base may know "question")."""
    knows_question = lambda word: knows(word) or word == "question"  # noqa: E731
    reading = read_message(
        "slt tt le monde, dsl pr la question basique mais le BCIJ a été créé en quelle année ?",
        knows_question,
    )
    assert reading.question == "le BCIJ a été créé en quelle année ?"


@pytest.mark.parametrize(
    "message",
    [
        "Hi all, sorry if this was asked already. when was the BCIJ created?",
        "apologies if it has been answered before: when was the BCIJ created?",
        "désolé si ça a déjà été demandé : when was the BCIJ created?",
        "sorry to bug u again, when was the BCIJ created?",  # ("u": you, in chat)
    ],
)
def test_an_apology_for_asking_again_is_no_part_of_it(message: str) -> None:
    """ "sorry if this was asked already": words a fact base may know ("asked",
    "answered", "demandé"), which ask nothing."""
    asked = KNOWN | {"asked", "already", "answered", "before", "demande", "deja"}
    reading = read_message(message, lambda word: word in asked)
    assert reading.question == "when was the BCIJ created?"


def test_a_question_word_before_a_comma_is_no_greeting() -> None:
    """ "How much, in euros, did the BCIJ cost?": "how much" holds only stop words, but it
    opens the question; a greeting before a comma still goes."""
    reading = read_message("How much, in euros, did the BCIJ cost?", knows)
    assert reading.question == "How much, in euros, did the BCIJ cost?"
    hello = read_message("Hi there, when was the BCIJ created?", knows)
    assert hello.question == "when was the BCIJ created?"


def test_an_en_dash_between_two_names_joins_them() -> None:
    """ "the BCIJ–Morocco agreement" is one name joined by an en dash, not two sentences;
    a dash between spaces, or an em dash, still ends one."""
    reading = read_message("who signed the BCIJ–Morocco agreement in 2015?", knows)
    assert reading.question == "who signed the BCIJ-Morocco agreement in 2015?"
    apart = read_message("sorry to bug you—which law covers trafficking?", knows)
    assert apart.question == "which law covers trafficking?"


def test_a_question_opening_a_topic_is_not_what_is_asked() -> None:
    """ "what's the deal with the BCIJ? what's it supposed to achieve?": the second asks."""
    reading = read_message("what's the deal with the BCIJ? when was it set up?", knows)
    assert reading.asking == "when was it set up?"
    assert read_message("what's the deal with the BCIJ?", knows).asking == ""


@pytest.mark.parametrize("emoji", [":pray:", "🙏", "⏰", "⭐"])
def test_an_emoji_between_two_clauses_ends_a_sentence(emoji: str) -> None:
    """A shortcode or a pictograph, a symbol ("⏰") or a star ("⭐") as Slack sends them."""
    reading = read_message(f"sorry to bug you again {emoji} which law covers trafficking?", knows)
    assert reading.question == "which law covers trafficking?"


@pytest.mark.parametrize(
    "message",
    [
        "She wants to know how many prosecutors were trained in Casablanca?",
        "I was wondering how many prosecutors were trained in Casablanca",
        "do you know how many prosecutors were trained in Casablanca?",
        "can you tell me how many prosecutors were trained in Casablanca?",
        "my director just asked me how many prosecutors were trained in Casablanca",
        "our counterpart at the ministry asked me how many prosecutors were trained in Casablanca",
        "In the annex of our report I want to say how many prosecutors were trained in Casablanca",
        # A relayed question: whoever asks, with or without "the" / "my".
        "an ngo partner asks how many prosecutors were trained in Casablanca",
        "ngo contact asking how many prosecutors were trained in Casablanca",
    ],
)
def test_a_question_asked_about_asking_is_the_question(message: str) -> None:
    reading = read_message(f"Notes on the trafficking law. {message}", knows)
    assert reading.question.lower().startswith("how many prosecutors were trained in casablanca")


@pytest.mark.parametrize(
    "message",
    [
        "my director asked me in which year the BCIJ was created",
        "on m'a demandé en quelle année le BCIJ a été créé",
    ],
)
def test_a_question_asked_about_asking_may_open_on_a_preposition(message: str) -> None:
    reading = read_message(message, knows)
    assert reading.question.lower().startswith(("in which year", "en quelle année"))


def test_the_askers_own_guess_is_not_part_of_the_question() -> None:
    reading = read_message("when was the BCIJ created? i thought 2014 but not sure", knows)
    assert reading.question == "when was the BCIJ created?"
    french = read_message("quand le BCIJ a-t-il été créé ? je crois que c'était en 2014", knows)
    assert french.question == "quand le BCIJ a-t-il été créé ?"


def test_a_segment_that_asks_is_kept_even_without_known_words() -> None:
    reading = read_message("anyone know if the wifi is down?", knows)
    assert reading.chatter is None and reading.question == "anyone know if the wifi is down?"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("thanks!", Chatter.THANKS),
        ("merci beaucoup", Chatter.THANKS),
        ("slt", Chatter.GREETING),
        ("thanks @factbot, super helpful :pray:", Chatter.THANKS),
        ("tu es qui toi ? tu fonctionnes comment ?", Chatter.ABOUT_BOT),
        ("what topics do you cover?", Chatter.ABOUT_BOT),
        ("happy new year!", Chatter.GREETING),
        ("bonne année à tous", Chatter.GREETING),
        ("eid mubarak", Chatter.GREETING),
        # ... and the feast, and to whom: "l'Aïd" is no aid asked for.
        ("Bonne fête de l'Aïd à toute l'équipe !", Chatter.GREETING),
        ("Happy Eid to the whole team!", Chatter.GREETING),
        ("lol ok", Chatter.GREETING),
        ("hello", Chatter.GREETING),
        ("Bonjour tout le monde !", Chatter.GREETING),
        ("ping", Chatter.TEST),
        ("test test", Chatter.TEST),
        ("who made you?", Chatter.ABOUT_BOT),
        ("what can you do?", Chatter.ABOUT_BOT),
        ("who maintains this bot?", Chatter.ABOUT_BOT),
        # pointing at nothing named: the bot itself
        ("who built this?", Chatter.ABOUT_BOT),
        ("who runs this thing?", Chatter.ABOUT_BOT),
        ("who is behind this tool?", Chatter.ABOUT_BOT),
        ("qui a développé cet outil ?", Chatter.ABOUT_BOT),
        ("tu es là ?", Chatter.ABOUT_BOT),
        ("tu sers à quoi ?", Chatter.ABOUT_BOT),
        ("qui t'a créé ?", Chatter.ABOUT_BOT),
        ("c'est qui qui t'a codé ?", Chatter.ABOUT_BOT),
        ("how's your day going?", Chatter.ABOUT_BOT),
        ("did you get my last message?", Chatter.ABOUT_BOT),
        ("tu as reçu mon dernier message ?", Chatter.ABOUT_BOT),
        (":+1:", Chatter.EMPTY),
        ("🙏", Chatter.EMPTY),
        ("<@U0FACTBOT>", Chatter.EMPTY),
        ("https://example.org/report.pdf", Chatter.LINK),
        ("/facts topcis", Chatter.COMMAND),
    ],
)
def test_chatter_is_recognised(message: str, kind: Chatter) -> None:
    reading = read_message(message, knows)
    assert reading.chatter is kind and reading.question == ""


def test_words_the_base_never_heard_of_do_not_hide_a_message_about_the_bot() -> None:
    """ "who maintains this for procurement?": about the bot, though "procurement" is no
    chatter word; a name makes it a question ("... in Ouarzazate?")."""
    reading = read_message("who maintains this for procurement?", knows)
    assert reading.chatter is Chatter.ABOUT_BOT
    assert read_message("who runs this office in Ouarzazate?", knows).chatter is None
    # (a word the base knows, and what the asker heard of the bot after it)
    heard = read_message("who created you btw? Karim says it's the comms team", knows)
    assert heard.chatter is Chatter.ABOUT_BOT


def test_what_kinds_of_questions_the_bot_takes_is_about_the_bot() -> None:
    """ "What kinds of things can you help me with?": "kinds" is a word of the fact base
    ("a kind of training"), but asked of the bot it asks what the bot does."""
    for message in (
        "What kinds of things can you help me with?",
        "what sort of questions can you answer?",
    ):
        reading = read_message(message, lambda word: True)
        assert reading.chatter is Chatter.ABOUT_BOT, message


def test_a_pointer_in_a_real_question_is_not_about_the_bot() -> None:
    """ "who built this?" is about the bot; "who built this centre in Tiflet?" names what."""
    reading = read_message("who built this centre in Tiflet?", knows)
    assert reading.chatter is None and "Tiflet" in reading.question


def test_you_in_a_real_question_is_not_about_the_bot() -> None:
    reading = read_message("can you list the GLO.ACT countries?", knows)
    assert reading.chatter is None and "GLO.ACT countries" in reading.question


def test_an_elided_t_in_a_real_question_is_not_about_the_bot() -> None:
    reading = read_message("qui t'a parlé du BCIJ ?", knows)
    assert reading.chatter is None and "BCIJ" in reading.question


def test_a_parenthesis_that_is_only_conversation_goes() -> None:
    reading = read_message("judicial reform charter year (need it for a slide) thx", knows)
    assert reading.question == "judicial reform charter year"
    # One that says something stays, without its brackets.
    kept = read_message("when was the bureau (the BCIJ) created?", knows)
    assert kept.question == "when was the bureau the BCIJ created?"


def test_a_trailing_aside_that_is_only_conversation_goes() -> None:
    reading = read_message("sorry to bug you, glo.act countries it's for the annex", knows)
    assert reading.question == "glo.act countries"
    asked = read_message("which law covers trafficking? need it for the deck", knows)
    assert asked.question == "which law covers trafficking?"
    # ... and the asker's own situation, with the time it is due.
    due = read_message("when was the BCIJ created and I have a briefing in 10 min", knows)
    assert due.question == "when was the BCIJ created"
    blank = read_message("how is the prosecutor network organised, and I blanked", knows)
    assert blank.question == "how is the prosecutor network organised"
    # ("les remerciements": the thank-you page of a report the answer is for)
    thanks = read_message("elle a quel poste à l'ONUDC c'est pour les remerciements", knows)
    assert thanks.question == "elle a quel poste à l'ONUDC"
    # An aside that names something the fact base knows is part of the question.
    kept = read_message("prosecutors trained for the casablanca charter", knows)
    assert kept.question == "prosecutors trained for the casablanca charter"


def test_a_last_comma_part_naming_bodies_in_capitals_is_no_aside() -> None:
    """ "... under the UN, EU and AU?": "eu" (had) and "au" (to the) are French stop words,
    but written in capitals they name bodies; the part is kept."""
    reading = read_message("how many prosecutors trained under the UN, EU and AU?", knows)
    assert reading.question == "how many prosecutors trained under the UN, EU and AU?"
    # A last part of conversation still goes (its question mark stays with the question).
    thanks = read_message("how many prosecutors trained in casablanca, thanks?", knows)
    assert thanks.question == "how many prosecutors trained in casablanca?"


def test_a_french_statement_after_the_question_is_not_a_question() -> None:
    """'c'est pour l'annexe' holds 'est', a French question cue, yet states a purpose."""
    reading = read_message("combien de pays GLO.ACT couvre ? c'est pour l'annexe", knows)
    assert reading.question == "combien de pays GLO.ACT couvre ?"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # "can you remind me ..." is asking, as "can you tell me ..." is
        (
            "can you remind me where the BCIJ trained prosecutors?",
            "where the BCIJ trained prosecutors?",
        ),
        # a request for what a question asks, in a message that asks nothing else
        (
            "morning, need the date the BCIJ was created, for a footnote. ty",
            "the date the BCIJ was created",
        ),
        (
            "updating the Casablanca slide and need the number of prosecutors trained on the BCIJ"
            " trafficking law.",
            "the number of prosecutors trained on the BCIJ trafficking law.",
        ),
        # talking points are what the answer is for
        ("prepping talking points on INL, how many prosecutors?", "INL, how many prosecutors?"),
    ],
)
def test_a_reminder_or_a_request_is_the_question(message: str, question: str) -> None:
    assert read_message(message, knows).question == question


def test_what_the_answer_is_for_goes_even_after_a_question_that_points_back() -> None:
    """ "when was the BCIJ created? and what did it do? asking for the Casablanca brief":
    "it" points back to the BCIJ, not to the brief after it, which says what the answer is
    for (a clarification after it stays: "... when was it created? the BCIJ I mean")."""
    reading = read_message(
        "when was the BCIJ created? and what did it do? asking for the Casablanca brief", knows
    )
    assert "Casablanca" not in reading.question
    clarified = read_message("when was it created? the BCIJ I mean", knows)
    assert "BCIJ" in clarified.question


def test_a_short_question_naming_a_body_is_read_alone_too() -> None:
    """ "I'm new on the Casablanca trafficking desk. who is behind the BCIJ?" holds one word
    the base knows, but it names a body: the question alone is read too (when the whole
    message, context and all, finds nothing)."""
    message = "I'm new on the Casablanca trafficking desk. who is behind the BCIJ?"
    assert read_message(message, knows).parts == ()
    reading = read_message(message, knows, names=lambda text: "BCIJ" in text)
    assert reading.parts == ("who is behind the BCIJ?",)


def test_a_question_whose_pointer_follows_its_own_names_is_read_alone_too() -> None:
    """ "I'm on the Casablanca desk this week. Which law covers trafficking and when was it
    set up?": "it" is the law just asked about, so the question alone is read too (when the
    whole message finds nothing); "where was the first one held?" needs its context."""
    reading = read_message(
        "I'm on the Casablanca desk this week. Which law covers trafficking and when was it"
        " created?",
        knows,
    )
    assert reading.parts == ("Which law covers trafficking and when was it created?",)
    one = read_message(
        "I'm on the Casablanca desk this week, I have the 2015 reform. when was the"
        " trafficking one created?",
        knows,
    )
    assert one.parts == ()


def test_a_pointer_to_a_person_is_the_person_the_context_names() -> None:
    """ "Ms. Alami spoke at the BCIJ workshop. What's her job?": "her" is Ms. Alami; the
    question is also read with her name alone, without the rest of the context."""
    reading = read_message("Ms. Alami spoke at the BCIJ workshop. What's her job?", knows)
    assert reading.parts == ("Ms. Alami What's her job?",)
    # "Mme Alami intervient jeudi et je dois la présenter : quelle est sa fonction ?"
    french = read_message("Mme Alami intervient jeudi au BCIJ : quelle est sa fonction ?", knows)
    assert french.parts == ("Mme Alami quelle est sa fonction ?",)
    assert read_message("The BCIJ opened a workshop. What is its job?", knows).parts == ()


def test_a_logframe_is_what_the_answer_is_for() -> None:
    """ "what is the aim of the network, for the logframe": a document the answer goes in."""
    reading = read_message("what is the aim of the prosecutors network, one line for the logframe")
    assert "logframe" not in reading.question


def test_words_about_a_pasted_link_ask_nothing_of_the_fact_base() -> None:
    """ "https://... <- can someone open this for me": a request about the link (whose words,
    "open", may be the fact base's), not a question; a question beside a link stays one."""
    link = "https://www.example.org/team/notes-2025-03"
    assert read_message(f"{link} <- can someone open this for me").chatter is Chatter.LINK
    assert read_message(f"is this link broken? {link}").chatter is Chatter.LINK
    looked = read_message(f"@factbot can you take a look at this? {link} thoughts?")
    assert looked.chatter is Chatter.LINK
    assert read_message(
        f"tu peux jeter un coup d'oeil à ça ? {link} t'en penses quoi ?"
    ).chatter is (Chatter.LINK)
    asked = read_message(f"{link} who opened the Casablanca workshop?")
    assert asked.chatter is None


def test_who_said_it_in_the_thread_is_no_word_asked() -> None:
    """ "like youssef said the ToT starts soon, wat date ...", "Comme le soulignait Hicham
    dans son message, ...": a colleague's name, not asked; a name the base knows stays."""
    known = {"tot", "session", "first", "date", "inl", "mission", "formation"}.__contains__
    reading = read_message(
        "like youssef said the ToT starts soon, what date is the first session?", known
    )
    assert "youssef" not in reading.question.lower() and "said" not in reading.question
    reading = read_message(
        "Comme le soulignait Hicham dans son message, quelle est la date de la formation ?", known
    )
    assert "Hicham" not in reading.question and "soulignait" not in reading.question
    assert "INL" in read_message("as INL says, what is its mission?", known).question


def test_a_second_question_joined_by_and_is_no_trailing_chatter() -> None:
    """ "... was it in Tangier or Casa, and when?": "and when?" asks, it is not trimmed."""
    reading = read_message("the first dog training, was it in Tangier or Casa, and when?")
    assert reading.question.endswith("and when?")


def test_the_paper_the_asker_writes_is_no_word_asked() -> None:
    """ "Je prépare un papier sur la coopération : en quelle année ...?": the asker's paper."""
    reading = read_message("Je prépare un papier sur le BCIJ : en quelle année a-t-il été créé ?")
    assert "papier" not in reading.question


def test_can_you_confirm_frames_the_question() -> None:
    """ "Can you confirm when the council signed the agreement?": the question is the "when"
    after the frame; "confirm" is no word a fact must hold."""
    reading = read_message("Can you confirm when the council signed the agreement? Draft says 2023")
    assert reading.question == "when the council signed the agreement?"
    assert read_message("pls double-check the year the council signed").question == (
        "the year the council signed"
    )


def test_a_piece_being_fact_checked_is_what_the_answer_is_for() -> None:
    """ "fact-checking a piece on prison reform. My draft says ... - is that right?": the
    asker's piece, of which only what it is about is kept."""
    reading = read_message(
        "fact-checking a piece on prison reform for tomorrow. My draft says the bureau "
        "started in 2014 - is that right?"
    )
    assert "prison reform" in reading.question
    assert "piece" not in reading.question and "fact" not in reading.question


def test_a_clause_on_what_the_answer_is_for_before_the_question_goes() -> None:
    """ "writing a speech for tmrw when did ...?", "need it by noon what's ...?": unpunctuated,
    what the answer is for comes before the question word; a name before it stays."""
    speech = read_message(
        "hey writing a speech for tmrw when did the forum start? thx", lambda w: w != "tmrw"
    )
    assert speech.question == "when did the forum start?"
    noon = read_message("quick q for the comms team, need it by noon what's the course about?")
    assert noon.question == "what's the course about?"
    named = read_message("the 2015 law when was it adopted?")
    assert named.question == "the 2015 law when was it adopted?"


def test_a_random_one_for_a_comparison_is_about_the_asker() -> None:
    """ "Random one for the Haiti comparison: which two police departments ... there?": what the
    answer is for; only the name it holds stays."""
    reading = read_message(
        "Random one for the Haiti comparison: which two police departments is INL teaming up "
        "with there?"
    )
    assert "random" not in reading.question.lower() and "comparison" not in reading.question
    assert "Haiti" in reading.question


@pytest.mark.parametrize("hedge", ["roughly", "please", "more or less", "environ"])
def test_a_hedge_before_the_question_mark_leaves_the_mark(hedge: str) -> None:
    """ "The kennel doubled its budget. by how many dollars, roughly? boss wants the
    figure": the hedge goes, and the question keeps its mark (so it is the one asked)."""
    reading = read_message(
        f"The kennel doubled its budget. by how many dollars, {hedge}? boss wants the figure"
    )
    assert reading.question.endswith("by how many dollars?"), reading.question


def test_moroccan_greetings_and_thanks_are_conversation() -> None:
    """ "salam 3afak, ... ? choukran": greetings and thanks as Moroccans write them."""
    reading = read_message("salam 3afak, le Maroc coopere sur quel sujet ? choukran")
    assert reading.question == "le Maroc coopere sur quel sujet ?"
    assert read_message("salam !").chatter is Chatter.GREETING
    # Darija's "wach ... ?" (is it ...?), "s7i7 ?" (right?), "3ndek" (have you got): they
    # frame the question, and are no mistyped "watch".
    reading = read_message("wach the kennel opened in Rabat? wach s7i7? where was it actually?")
    assert "wach" not in reading.question and "s7i7" not in reading.question
    assert "kennel" in reading.question


def test_a_french_question_word_in_place_asks() -> None:
    """ "pour le module : la constitution date de quelle annee svp": unpunctuated, the question
    word in place makes it the question, and what it is for goes."""
    reading = read_message(
        "pour le module sur la reforme : la constitution date de quelle annee svp"
    )
    assert "module" not in reading.question and "quelle annee" in reading.question


def test_before_an_event_tomorrow_says_when_the_answer_is_needed() -> None:
    """ "before the workshop tomorrow, can someone remind me what ...?": when it is needed, and
    a frame; "before the 2015 law, what ...?" is part of the question."""
    reading = read_message(
        "hey, before the workshop tomorrow, can someone remind me what Ms. Alami's job is?"
    )
    assert reading.question == "what Ms. Alami's job is?"
    kept = read_message("before the 2015 law, what did parliament adopt?")
    assert kept.question.startswith("before the 2015 law")


@pytest.mark.parametrize(
    "message",
    [
        "Tu connais un bon resto pour déjeuner près du tribunal de première instance ?",
        "anyone know a good cafe near the ministry of justice?",
        "where can we grab lunch near the court of appeal?",
        "on mange où après la réunion au tribunal ?",
    ],
)
def test_a_place_to_eat_is_asked_of_the_room(message: str) -> None:
    """ "Tu connais un bon resto près du tribunal ?": a place to eat, near whatever it
    names, is asked of colleagues, not of the fact base."""
    assert read_message(message).chatter is Chatter.ELSEWHERE


@pytest.mark.parametrize(
    "message", ["Qui t'a programmé ?", "qui t'a codé ?", "who programmed you?"]
)
def test_who_programmed_the_bot_is_about_it(message: str) -> None:
    assert read_message(message).chatter is Chatter.ABOUT_BOT


def test_which_programme_is_still_asked() -> None:
    assert read_message("quel programme forme les procureurs ?").chatter is None


def test_a_court_is_still_asked_about() -> None:
    assert read_message("which court hears trafficking cases near Rabat?").chatter is None


@pytest.mark.parametrize(
    "message",
    [
        "thanks, that's exactly what I needed for the migrants' rights brief 🙏",
        "perfect, that's what I needed",
        "merci, c'est exactement ce qu'il me fallait pour la note",
        "thanks @factbot, that's all I needed for the dog course outline 🙏",
        "shukran, that's it for the kennel report",
        "merci, c'est tout pour la note sur le chenil",
    ],
)
def test_what_i_needed_is_thanks(message: str) -> None:
    """ "thanks, that's exactly what I needed for the brief": thanks, whatever it names."""
    assert read_message(message).chatter is Chatter.THANKS


def test_what_i_needed_then_a_question_asks_it() -> None:
    reading = read_message("thanks, that's what I needed - but when was the port opened?")
    assert reading.chatter is None and reading.question.endswith("when was the port opened?")
    # (a request after "that's it", "that's all I need:", with no question mark)
    for message in (
        "thanks, that's it - last one: when was the port opened",
        "ok, that's all I need: the number of dogs trained in Tangier pls",
        "great, that's it for the kennel. next: when was the port opened",
        "top, c'est tout, dernière chose : la date d'ouverture du port",
        "thanks, that's it for the kennel, but when was the port opened",
    ):
        assert read_message(message).chatter is None, message


@pytest.mark.parametrize(
    "message",
    [
        "running late to my next mtg, where is the dog training happening",
        "in a meeting, where is the dog training held?",
        "entre deux réunions, où a lieu la formation canine ?",
    ],
)
def test_where_the_asker_is_in_a_hurry_is_no_part_of_the_question(message: str) -> None:
    reading = read_message(message)
    assert reading.question.lower().startswith(("where", "où")), reading.question


def test_a_debrief_is_what_the_answer_is_for() -> None:
    reading = read_message("need the names of the dog trainers at the workshop for my debrief, thx")
    assert "debrief" not in reading.question


def test_a_meeting_tomorrow_says_where_the_answer_is_needed() -> None:
    """ "réunion demain sur la coopération régionale, tu sais en quelle année ...?": the
    meeting the answer is for; "the meeting of 2018, what did it adopt?" is asked."""
    reading = read_message(
        "slt ! réunion demain sur la coopération régionale, tu sais en quelle année le port a ouvert ?"
    )
    assert reading.question.startswith("en quelle année")
    reading = read_message("meeting tomorrow on regional work, do you know when the port opened?")
    assert reading.question.startswith("when the port opened")
    kept = read_message("the meeting of the regional forum, what did it adopt?")
    assert "forum" in kept.question


def test_who_the_answer_is_for_asking_is_context() -> None:
    """ "the journalist is asking about the 2003 attacks. what was the exact date?": who the
    answer is for; only what the sentence names stays."""
    reading = read_message(
        "ok so the journalist is asking about the 2003 Casablanca attacks. what was the exact date?"
    )
    assert "journalist" not in reading.question and "Casablanca" in reading.question


def test_a_question_after_a_comma_is_never_a_trailing_aside() -> None:
    """ "when partner governments come to INL for help, what do they ask for most?": every
    word of the last comma part is conversation ("ask", "most"), but it is the question."""
    message = "when partner governments come to INL for help, what do they ask for most?"
    assert read_message(message).question == message
    # A last part of conversation alone still goes.
    assert "thanks" not in read_message("when was the BCIJ created, thanks so much?").question


@pytest.mark.parametrize(
    "message",
    [
        "@Samira are you joining the human rights training debrief this afternoon, or should "
        "I take notes for you?",
        "@karim.b tu viens au debrief sur la formation ?",
        # a favour asked of the channel
        "can anyone recommend a good place near the Rabat office for the team lunch?",
        "hi all, is anyone joining the training debrief at 3?",
        "quelqu'un peut me remplacer à la réunion de jeudi ?",
    ],
)
def test_a_message_to_a_colleague_is_meant_for_someone_else(message: str) -> None:
    """ "@Samira are you joining the debrief?": typed to someone else, whatever it names."""
    assert read_message(message).chatter is Chatter.ELSEWHERE


@pytest.mark.parametrize(
    "message",
    [
        "@Samira can you tell me when the BCIJ was created?",  # a question for anyone
        "@factbot are you able to list the trainings?",  # to the bot
        "are you joining the training debrief?",  # to no one named
        "does anyone know when the BCIJ was created?",  # a fact asked of anyone
        "can anyone tell me when the BCIJ was created?",
    ],
)
def test_a_message_to_the_bot_or_asking_a_fact_is_not_for_someone_else(message: str) -> None:
    assert read_message(message).chatter is not Chatter.ELSEWHERE


def test_its_before_the_last_word_owns_it() -> None:
    """ "who is its director?": whose director is asked ("its" is no "it's" opening an aside
    on who asks, as in "when was it created? its for the annex")."""
    assert read_message("the BCIJ - who is its director?").question.endswith("its director?")
    assert read_message("when was the BCIJ created? its for the annex").question == (
        "when was the BCIJ created?"
    )


@pytest.mark.parametrize(
    "message",
    [
        "how many prosecutors were trained in casablanca, doing slides for tmrw",
        "how many prosecutors were trained in casablanca, adding it to the calendar",
        "how many prosecutors were trained in casablanca for my recap",
    ],
)
def test_what_the_answer_goes_in_goes(message: str) -> None:
    """ "doing slides for tmrw", "adding it to the calendar", "for my recap": what the answer
    is for, not what is asked."""
    assert read_message(message).question == "how many prosecutors were trained in casablanca"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "pls send me the full name behind the acronym BCIJ, my editor wants it spelled out",
            "the full name behind the acronym BCIJ",
        ),
        (
            "can you give me the date the BCIJ was created, our boss asked",
            "the date the BCIJ was created",
        ),
    ],
)
def test_a_request_to_send_what_is_asked_and_who_wants_it_go(message: str, question: str) -> None:
    """ "pls send me the full name ..., my editor wants it spelled out": the request and who
    wants the answer frame what is asked."""
    assert read_message(message).question == question


def test_a_law_number_before_the_question_is_no_time_of_day() -> None:
    """ "Law 27-14 - what year was that law adopted?": the law's number is what "that law"
    is, not a time the context gives; it stays."""
    known = lambda word: word in KNOWN or word.isdigit() or word in ("adopted",)  # noqa: E731
    reading = read_message(
        "Law 27-14 - what year was that law adopted? Need it for the timeline", known
    )
    assert "27-14" in reading.question


def test_a_french_rank_last_points_back() -> None:
    """ "Le CNDH a annoncé une première session. Quand aura lieu la deuxième ?": the second
    session said before, so the question is not read alone."""
    known = lambda word: word in KNOWN or word in ("session", "cndh", "lieu", "deuxieme")  # noqa: E731
    message = "Le CNDH a annoncé une première session le 24 février. Quand aura lieu la deuxième ?"
    assert read_message(message, known).parts == ()
    alone = "Le CNDH a annoncé une première session. Quand aura lieu la session de Rabat ?"
    assert read_message(alone, known).parts != ()


def test_what_the_answer_is_needed_for_goes_after_a_question_pointing_back() -> None:
    """ "the judicial charter, when was that again? I need it for a note on trafficking
    law": the note's subject is not asked about, though the question points back."""
    for message in (
        "the judicial charter, when was that again? I need it for a note on trafficking law",
        "the judicial charter, when was that again? it's for a note on trafficking law",
        "la charte judiciaire, c'était quand ? j'en ai besoin pour une note sur la loi trafficking",
    ):
        assert "trafficking" not in read_message(message, knows).question, message


def test_a_french_question_after_c_est_is_never_a_trailing_aside() -> None:
    """ "la charte judiciaire, c'était quand déjà ?": every word of the last comma part is
    conversation, but "c'était quand" is the question (as "when was that?" is)."""
    message = "la charte judiciaire, c'était quand déjà ?"
    assert read_message(message, knows).question == message


def test_a_request_is_the_question_when_the_question_asks_only_for_it() -> None:
    """ "Annex needs the full name of the judicial charter. Anyone have it handy?": the
    question asks nothing but the answer to the request, which says what is asked."""
    for message, question in (
        (
            "Annex needs the full name of the judicial charter. Anyone have it handy?",
            "the full name of the judicial charter.",
        ),
        (
            "I need the year the BCIJ was created. Does anyone know?",
            "the year the BCIJ was created.",
        ),
    ):
        assert read_message(message, knows).question == question, message
    # A question of its own is no such question: "who is its director?" asks (though
    # "director" may say who an answer is for).
    asked = read_message("The BCIJ: who is its director? Need the name for a briefing.", knows)
    assert "who is its director?" in asked.question


def test_a_request_after_what_it_is_for_is_the_question() -> None:
    """ "for the CT deck I need the year the BCIJ was created": what the deck is on is not
    asked; a request pointing back ("... the year it was created") keeps it."""
    reading = read_message("for the trafficking deck I need the year the BCIJ was created", knows)
    assert reading.question == "the year the BCIJ was created"
    pointing = read_message("for the BCIJ deck I need the year it was created", knows)
    assert "BCIJ" in pointing.question
    # "I need one line on the ...": what the line is on is what is asked about.
    lines = read_message(
        "for our trafficking training agenda I need one line on the judicial charter. "
        "What was it meant to do?",
        knows,
    )
    assert lines.question == "the judicial charter. What was it meant to do?"


def test_a_sentence_to_a_colleague_is_not_asked() -> None:
    """ "... which year was the charter adopted? @Mounir can you print 5 copies?": the
    sentence to a colleague asks nothing of the bot; one asking what the fact base answers
    ("@Ali when was the BCIJ created?") stays."""
    reading = read_message(
        "Briefing tomorrow. Which year was the judicial charter adopted? @Mounir can you print 5 copies?",
        knows,
    )
    assert "print" not in reading.question and "charter" in reading.question
    kept = read_message("Thanks all. @Ali when was the BCIJ created?", knows)
    assert "BCIJ" in kept.question


def test_what_the_asker_read_is_about_the_asker() -> None:
    """ "just saw an article on the BCIJ. when was it created?": the article is the asker's
    reading; only what it names is kept."""
    reading = read_message("just saw an article on the BCIJ. when was it created?", knows)
    assert reading.question == "BCIJ when was it created?"


def test_it_is_no_word_of_conversation() -> None:
    """ "which accreditation body was it?": the "it" is what is asked about (the question
    points back), not an acknowledgement's "got it", which stays one."""
    assert (
        read_message("which judicial body was it?", knows).question == "which judicial body was it?"
    )
    assert read_message("got it, thanks!", knows).chatter is Chatter.THANKS
    assert read_message("got it", knows).chatter is Chatter.GREETING


def test_thanks_for_something_asks_nothing() -> None:
    """ "hey, thanks for the help with the BCIJ earlier!": thanks, whatever the words of
    what it thanks for; a question after it is still asked."""
    assert read_message("hey, thanks for the BCIJ trafficking notes!", knows).chatter is (
        Chatter.THANKS
    )
    assert read_message("merci pour les notes sur le BCIJ", knows).chatter is Chatter.THANKS
    asked = read_message("thanks for the notes. when was the BCIJ created?", knows)
    assert asked.chatter is None and asked.question == "when was the BCIJ created?"


def test_which_thing_was_it_points_back() -> None:
    """ "Who created the BCIJ in 2015? which body was it?": the second question points back
    to the first; it is no question of its own."""
    reading = read_message("Who created the BCIJ in 2015? which judicial charter was it?", knows)
    assert "which judicial charter was it?" not in reading.parts


def test_a_request_for_a_joke_is_about_the_bot() -> None:
    """ "Tell me a joke about lawyers 😄": no fact is asked for, whatever the joke is on."""
    for message in ("Tell me a joke about prosecutors", "raconte-moi une blague"):
        assert read_message(message, lambda word: True).chatter is Chatter.ABOUT_BOT, message


@pytest.mark.parametrize(
    "message",
    [
        "A partner wants the names of the experts who ran the debates.",
        "a partner is looking for the names of the experts who ran the debates.",
        "the embassy requests the names of the experts who ran the debates.",
    ],
)
def test_what_someone_else_asks_for_is_the_request(message: str) -> None:
    """ "A partner wants the names of ...": what is relayed is asked; who wants it is not."""
    reading = read_message(message, knows)
    assert reading.question == "the names of the experts who ran the debates."


@pytest.mark.parametrize(
    "message",
    [
        "how many states asked when the law was adopted?",
        # (a body named bare is no one relaying; nor a modal's subject; nor "la demande")
        "INL wants what for the prison system?",
        "prosecutors asked how to apply the law?",
        "Should the ministry ask whether the law applies?",
        "Qui traite la demande quand le dossier est incomplet ?",
    ],
)
def test_a_question_word_is_no_one_relaying(message: str) -> None:
    """ "how many states asked ...": the question's own words are no subject of a relay."""
    assert read_message(message, knows).question == message


def test_the_idea_behind_something_is_asked() -> None:
    """ "any idea?" asks whether the bot knows; "the idea behind the network" is asked."""
    assert read_message("Idea behind the BCIJ?", knows).question == "Idea behind the BCIJ?"


@pytest.mark.parametrize("tail", ["any idea?", "any ideas?", "no clue, any idea"])
def test_asking_whether_the_bot_knows_asks_nothing_more(tail: str) -> None:
    reading = read_message(f"when was the BCIJ created? {tail}", lambda word: True)
    assert reading.question.startswith("when was the BCIJ created?")
    assert "idea" not in reading.question


def test_who_it_is_for_at_school_is_purpose() -> None:
    """ "my supervisor wants me to pin down ...: which ...?" keeps what is pinned down."""
    reading = read_message(
        "my supervisor wants me to pin down the BCIJ's mandate: when was it created?",
        lambda word: True,
    )
    assert reading.question == "BCIJ's mandate when was it created?"


def test_a_relay_after_a_clause_on_who_asks_is_the_question() -> None:
    """ "a contact at the embassy is prepping a brief and wants to know who ...": whoever
    asks, in as many words as it takes, asks no word of the question."""
    reading = read_message(
        "a contact at the Dutch embassy is prepping a CT brief and wants to know who the "
        "May 2003 attackers targeted",
        knows,
    )
    assert reading.question == "who the May 2003 attackers targeted"


def test_a_question_may_open_on_a_preposition_after_context() -> None:
    """ "A journalist asks on what date ... . Can you confirm?": the relayed question, on a
    preposition, is what is asked; "From what I can see ..." is the asker's view."""
    reading = read_message(
        "A journalist asks on what date the BCIJ was created. Can you confirm?", knows
    )
    assert reading.question.startswith("on what date the BCIJ was created")
    view = read_message(
        "From what I can see there was a BCIJ in Rabat. Could you tell me when it was created?",
        knows,
    )
    assert view.asking == "when it was created?"


def test_a_relayed_question_pointing_back_keeps_the_names_before_it() -> None:
    """ "my colleague saw 'ToT' in the news and asks what it stands for": "it" is ToT, named
    in the clause on who asks; that clause is context, not dropped with the relay."""
    reading = read_message(
        "my colleague in comms saw 'ToT' in the BCIJ news and asks what it stands for",
        lambda word: True,
    )
    assert reading.question.startswith("'ToT' BCIJ")
    assert reading.question.endswith("what it stands for")


def test_a_french_relay_may_ask_on_what() -> None:
    """ "un collègue demande sur quoi se concentre ...": the relayed "sur quoi" question."""
    reading = read_message(
        "Salut, un collègue demande sur quoi se concentre le soutien au port ?", knows
    )
    assert reading.question == "sur quoi se concentre le soutien au port ?"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Amine parle de Mme Oufroukhi dans son message, elle occupe quel poste ?",
            "Mme Oufroukhi , elle occupe quel poste ?",
        ),
        (
            "Omar mentioned the BCIJ in his message, when was it set up?",
            "the BCIJ , when was it set up?",
        ),
        ("re le message de Karim sur le BCIJ : créé quand ?", "sur le BCIJ créé quand ?"),
        ("re Omar's message on the BCIJ: when was it set up?", "BCIJ when was it set up?"),
        # Who claims it: the claim is checked, not the colleague.
        (
            "Karim says the BCIJ was set up in 2015, is that right?",
            "the BCIJ was set up in 2015, is that right?",
        ),
        ("Karim dit que le BCIJ a été créé en 2015, c'est bien ça ?", "le BCIJ a été créé en 2015"),
        # (asking who brought it up is a question; a body the base knows says it)
        ("Who mentioned the BCIJ?", "Who mentioned the BCIJ?"),
        ("BCIJ says what about 2015?", "BCIJ says what about 2015?"),
        ("Qui parle de la traite ?", "Qui parle de la traite ?"),
    ],
)
def test_who_brought_it_up_in_the_thread_is_no_word_asked(message: str, question: str) -> None:
    """A colleague who named something in the thread is not asked about; what they named is."""
    names = {"bcij", "traite", "oufroukhi", "mme"}
    assert read_message(message, names.__contains__).question == question


@pytest.mark.parametrize("who", ["Karim", "<@U05QRT88L>", ""])
def test_who_said_it_quoted_with_a_colon_is_no_word_asked(who: str) -> None:
    """ "> Karim said: the BCIJ was set up in 2015. When was it really?": quoted, after a
    colon, or a mention saying it; every other word is one the fact base knows."""
    # (with no one: the mention Slack's text loses before the engine reads it)
    message = f"> {who} said: the BCIJ was set up in 2015. When was it really?"
    reading = read_message(message, lambda word: word not in {"karim", "u05qrt88l"})
    assert reading.question == "the BCIJ was set up in 2015. When was it really?"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # A French relay after a clause on who asks, and one asking in place after it.
        (
            "Un partenaire de l'OIM boucle son rapport et demande quels ports ont des chiens",
            "quels ports ont des chiens",
        ),
        ("un partenaire demande le port a quel type de chiens", "le port a quel type de chiens"),
        ("un bailleur veut savoir le port ca vise quoi", "le port ca vise quoi"),
        # Who a question comes from, opening the message.
        ("yo question dun partenaire quels ports ont des chiens", "quels ports ont des chiens"),
        ("question d'un partenaire : quels ports ont des chiens ?", "quels ports ont des chiens ?"),
        ("Got this from a researcher writing a profile: which ports?", "which ports?"),
        # (not a question on a topic)
        ("question de la traite : quelle loi ?", "de la traite quelle loi ?"),
    ],
)
def test_who_a_relayed_question_comes_from_is_no_word_asked(message: str, question: str) -> None:
    assert read_message(message).question == question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # (what the relayed question is for, after the relay: no word asked)
        (
            "on me demande pour une présentation combien de ports ont des chiens, des chats ?",
            "combien de ports ont des chiens, des chats ?",
        ),
        # (the thing itself asks: "elle demande quoi ?")
        ("la charte du port elle demande quoi", "la charte du port elle demande quoi"),
    ],
)
def test_a_french_relay_and_what_a_thing_asks_for(message: str, question: str) -> None:
    assert read_message(message).question == question


def test_a_french_question_may_ask_what_in_place() -> None:
    """ "... parlement.. indépendante de quoi en fait": "quoi" asks where it stands."""
    reading = read_message("le port a ouvert en 2015.. ouvert pour quoi en fait", lambda w: True)
    assert reading.asking == "ouvert pour quoi en fait"


def test_a_claim_checked_before_a_question_is_the_claim_not_what_is_asked() -> None:
    """ "Am I right that ... 2,000 police? What number does INL give?", "Were the units
    prepared for Somalia? Where were they headed?": the question after the claim asks; the
    claim, without its opening, says what about. Not a question asked on the answer to the
    one before it being yes ("if so how many?", "how many officials there?")."""
    checked = read_message(
        "Am I right that the Mali mandate includes 2,000 police? What number does INL give?",
        knows,
    )
    assert checked.asking == "What number does INL give?"
    assert checked.claim == "the Mali mandate includes 2,000 police?"
    headed = read_message(
        "Were the police units prepared for deployment to Somalia? Where were they headed?", knows
    )
    assert headed.asking == "Where were they headed?"
    assert headed.claim == "the police units prepared for deployment to Somalia?"
    written = read_message(
        'Can I write that the BCIJ "was created in 2016"? What year does the text give?', knows
    )
    assert written.asking == "What year does the text give?"
    assert written.claim.startswith("the BCIJ")
    safe = read_message(
        "is it ok to say that the BCIJ was created in 2016? What year does the text give?", knows
    )
    assert safe.claim.startswith("the BCIJ")
    right = read_message(
        "Would it be right to say the BCIJ was created in 2016? If not, when?", knows
    )
    assert right.claim.startswith("the BCIJ")
    thanks = read_message(
        "Can I write the trafficking law in the deck? When was the BCIJ created?", knows
    )
    assert thanks.claim == ""
    # (Without "that", a claim holding a figure: "Can I say the BCIJ has 5 units?")
    said = read_message("Can I say the BCIJ has 5 units? What figure does the text give?", knows)
    assert said.claim == "the BCIJ has 5 units?"
    ok = read_message(
        "Is it ok to say the BCIJ was created in 2016? What year does the text give?", knows
    )
    assert ok.claim.startswith("the BCIJ")
    french = read_message(
        "Bonjour ! la session, c'est bien le 24 mars ? Sinon, c'est quand ?", knows
    )
    assert french.claim == "la session, le 24 mars ?"
    for message in (
        "has the police unit trained any Moroccan officers? if so how many?",
        "does the police unit do the same training in Algeria? how many officials there",
        "Do you know the Mali mandate? What number does INL give?",
    ):
        assert read_message(message, knows).claim == "", message


def test_confirming_or_verifying_is_the_askers_business() -> None:
    """ "just verifying for the memo: the agreement was signed on ..., yes?": the asker's
    checking frames the claim; it is no word of it."""
    reading = read_message(
        "just verifying for the memo: the dog agreement was signed on 14 September 2021, yes?",
        knows,
    )
    assert "verifying" not in reading.question
    reading = read_message("confirming: the dog agreement was signed on 14 September 2021", knows)
    assert "confirming" not in reading.question


def test_a_dictated_message_ends_its_sentences_at_fillers_and_before_its_purpose() -> None:
    """ "for the peacekeeping memo um how many police ...": the filler ends the asker's
    context; "... the first session need it for the calendar invite": what the answer is
    for, unpunctuated, ends the question."""
    filler = read_message(
        "for the peacekeeping memo um how many police does the UN mandate in Mali include",
        knows,
    )
    assert filler.question == "how many police does the UN mandate in Mali include"
    purpose = read_message(
        "what day is the first prosecutors session need it for the calendar invite", knows
    )
    assert "calendar" not in purpose.question and "session" in purpose.question
    # (Not a need that is what is asked: "what do prosecutors need for the session?")
    assert "need" in read_message("what do prosecutors need for the session", knows).question


def test_a_name_spelt_out_letter_by_letter_is_read_as_the_names_it_spells() -> None:
    """ "when was the b c i j created": dictated letter by letter, the letters read back as
    the words the fact base knows ("bcij"; "i l e a b c i j": "ilea bcij"); letters that
    spell nothing known stay as they were."""
    assert read_message("when was the b c i j created", knows).question == (
        "when was the bcij created"
    )
    assert "ilea bcij" in read_message("did the i l e a b c i j train prosecutors", knows).question
    assert "x q z w" in read_message("when was the x q z w created", knows).question


def test_a_greeting_to_the_bot_by_what_it_is_is_a_greeting() -> None:
    """ "hey bot casablanca ...": "bot" greets, it is no word asked; "who runs this bot?"
    still asks about the bot."""
    reading = read_message("hey bot casablanca prosecutors trained how many?", knows)
    assert reading.question == "casablanca prosecutors trained how many?"
    assert read_message("who runs this bot?", knows).chatter is not None


def test_cest_then_a_question_word_asks_in_place() -> None:
    """ "c'est combien en dollars, concrètement ?" asks; "c'est pour l'annexe" states."""
    reading = read_message(
        "the US doubled its aid to the judicial charter — c'est combien en dollars, concrètement?",
        knows,
    )
    assert "combien" in reading.asking
    assert (
        "annexe"
        not in read_message("when was the BCIJ created? c'est pour l'annexe", knows).question
    )


@pytest.mark.parametrize(
    "message",
    [
        "how do I file the expense report for my Rabat trip?",
        "sorry off-topic, how do I export a google doc as a PDF?",
        "comment je fais pour exporter le canal en PDF ?",
        "Hi! how can I book the meeting room for the BCIJ briefing?",
    ],
)
def test_how_the_asker_does_something_is_no_question_for_the_fact_base(message: str) -> None:
    """ "how do I reset my VPN password?": how the asker does something, which no fact
    tells, whatever it names."""
    assert read_message(message).chatter is Chatter.HOW_TO


@pytest.mark.parametrize(
    "message",
    [
        "how do I say DGAPR in French?",  # a name the fact base holds
        "where can I read the UNODC article on the network?",  # a source
        "how do we know the BCIJ was created in 2015?",
        "how do I cite it? and when was the BCIJ created?",  # a fact asked too
        "how does INL support the DGAPR?",  # how someone else does something
        "comment dit-on DGAPR en anglais ?",
        # (said by "we", the asker's programme, or "one", anyone)
        "Where do we train DGAPR staff?",
        "how do we help the DGAPR with prison reform?",
        "How should we characterize Morocco's approach to counterterrorism?",
        "how would one summarize the INL-DGAPR goal?",
        "Comment on fait pour lutter contre le financement du terrorisme au Maroc ?",
        "how do I summarise the INL goal for the DGAPR?",
    ],
)
def test_how_to_name_find_or_know_a_fact_is_still_asked(message: str) -> None:
    assert read_message(message).chatter is not Chatter.HOW_TO


def test_the_bots_own_make_asked_of_you_is_about_the_bot() -> None:
    """ "What model are you running on?", "what does your name stand for?": words the fact
    base knows elsewhere (a model prison, an acronym standing for a name), asked of the
    bot; the same words asked of something named, or without "you", are questions."""
    for message in (
        "what does your name stand for, factbot? lol",
        "What model are you running on, and who maintains you? IT wants to know. Not urgent.",
        "what languages do you speak?",
    ):
        reading = read_message(message, lambda word: True)
        assert reading.chatter is Chatter.ABOUT_BOT, message
    for message in (
        "can you tell me what it stands for?",
        "what does the name ILEA stand for?",
        "which model prison is the DGAPR running?",
        "can you tell me which model Tiflet follows?",
        "what model is that running?",  # (of something pointed back at, not "you")
    ):
        assert read_message(message, lambda word: True).chatter is None, message


def test_a_quiz_items_number_is_no_word_asked() -> None:
    """ "Q14 for the workshop: ...", "Q3. ...", "Question 5 : ...": the item's label."""
    for message in (
        "Q14 for the workshop: when was the BCIJ created?",
        "Q3. When was the BCIJ created?",
        "Question 5 : when was the BCIJ created?",
        "q19 when was the BCIJ created",
        "*Q3.* when was the BCIJ created?",
    ):
        question = read_message(message, knows).question
        assert "BCIJ" in question and not any(c.isdigit() for c in question), message


def test_can_you_tell_me_in_french_frames_the_question() -> None:
    """ "vous pouvez me dire ce que signifie DGSN ?", "tu peux me dire quand ...": asking
    to be told, no word of what is asked."""
    for message in (
        "vous pouvez me dire ce que signifie DGSN ?",
        "tu peux me dire quand le BCIJ a été créé ?",
        "est-ce que vous pourriez me dire quand le BCIJ a été créé ?",
    ):
        question = read_message(message, knows).question
        assert "dire" not in question and "pouv" not in question, question


def test_a_gerund_naming_a_kind_stays_in_the_context_kept() -> None:
    """ "... co-chaired one of the forum's working groups for years. Which one?": the
    context kept for the question pointing back keeps "working", which names the groups
    (not "my boss keeps saying", nor "I'm working on a piece")."""
    message = (
        "Before Morocco became co-chair of the forum it co-chaired one of the forum's working"
        " groups for years. Which one?"
    )
    assert "working groups" in read_message(message, lambda word: True).question


def test_the_bots_name_written_apart_or_dictated_is_the_bot() -> None:
    """ "bonjour fact bot ...", "hi there at fact bot ...", "hey fact-bot": a mention."""
    for message in (
        "bonjour fact bot en quelle année le BCIJ a-t-il été créé ?",
        "hi there at fact bot when was the BCIJ created",
        "hey fact-bot, when was the BCIJ created?",
        # (written as one word, unpunctuated: "hey at factbot so ...", "hi there factbot")
        "hey at factbot so when was the BCIJ created",
        "hi there factbot quick one when was the BCIJ created",
    ):
        question = read_message(message, knows).question
        assert "bot" not in question.lower() and "fact" not in question.lower(), question
        assert not question.lower().startswith(("at ", "there ")), question
    # (asked about, it is the bot asked about)
    for message in ("who built fact bot?", "qui a créé fact bot ?"):
        assert read_message(message, knows).chatter is Chatter.ABOUT_BOT, message


def test_a_quarter_is_no_quiz_item() -> None:
    """ "Q3 2018 BCIJ arrests ...": a quarter of a year, not an item's number."""
    question = read_message("Q3 2018 BCIJ arrests, how many were there?", knows).question
    assert "Q3" in question


def test_what_is_counted_before_how_many_is_kept() -> None:
    """ "ILEAs: how many does INL run training at?": the question names enough, yet what
    it counts is the label before it, which stays (not before "how many ILEAs does ...")."""
    labelled = read_message(
        "Trafficking prosecutors: how many does the INL charter set in Casablanca?",
        knows,
        names=lambda text: "INL" in text,
    )
    assert labelled.question.startswith("Trafficking prosecutors")
    whole = read_message(
        "for the deck: how many prosecutors does the INL charter set in Casablanca?",
        knows,
        names=lambda text: "INL" in text,
    )
    assert whole.question == "how many prosecutors does the INL charter set in Casablanca?"
    had = read_message(
        "Trafficking prosecutors: how many has the INL charter set in Casablanca?",
        knows,
        names=lambda text: "INL" in text,
    )
    assert had.question.startswith("Trafficking prosecutors")


def test_punctuation_said_aloud_is_written() -> None:
    """A message dictated to a phone says its marks: "comma", "question mark", "point
    d'interrogation", "full stop", "period" before a sentence of the asker's own ("... to mali
    period I need ..."); "point", and "period" elsewhere, are words of their own."""
    assert dictated_punctuation("what was it comma thanks") == "what was it, thanks"
    assert dictated_punctuation("which year question mark") == "which year?"
    assert dictated_punctuation("de quelle année point d'interrogation") == "de quelle année?"
    assert dictated_punctuation("in 2015 full stop when") == "in 2015. when"
    assert (
        dictated_punctuation("over what period? the point is") == "over what period? the point is"
    )
    assert dictated_punctuation("a question mark over it?") == "a question mark over it?"
    # "period" before a sentence of the asker's own; not a period of time
    assert dictated_punctuation("to mali period I need the list") == "to mali. I need the list"
    assert dictated_punctuation("the reporting period I need") == "the reporting period I need"
    assert dictated_punctuation("the transition period I mean") == "the transition period I mean"
    assert dictated_punctuation("the 2015-2018 period I mean") == "the 2015-2018 period I mean"
    assert dictated_punctuation("over what period thanks") == "over what period thanks"
    assert dictated_punctuation("Acomma thanks") == "Acomma thanks"


def test_a_question_that_is_one_name_keeps_what_follows() -> None:
    """ "ToT? (CNDH/DGSN programme)": a question that is one short name says after it what
    it is about; "are you working? the quiz starts in 10 min" and "Miami-Dade? or was it
    the other one" do not."""
    assert read_message("ToT? (BCIJ charter)", knows).question == "ToT? BCIJ charter"
    assert read_message("ToT = ? for the BCIJ charter", knows).question.endswith("BCIJ charter")
    kept = read_message("which BCIJ charter? the trafficking law 2015", knows).question
    assert "trafficking" not in kept
    # (Not a name the base defines itself: "IPPOS? (INL peacekeeping)" asks what it is.)
    named = read_message("BCIJ? (trafficking law)", knows, names=lambda text: "BCIJ" in text)
    assert named.question == "BCIJ?"
    assert "charter" not in read_message("OK? (BCIJ charter)", knows).question
    assert "charter" not in read_message("ASAP? (BCIJ charter)", knows).question


def test_a_formal_french_opening_is_conversation() -> None:
    """ "Madame, Monsieur, je me permets de vous solliciter pour une note interne : ...",
    "Pourriez-vous m'indiquer en quelle année ...": how a formal letter asks, no word of
    the question."""
    letter = read_message(
        "Madame, Monsieur, je me permets de vous solliciter pour une note interne : en quelle"
        " année le BCIJ a-t-il été créé ?",
        lambda word: True,  # (the base knows every word: the letter's are conversation)
    )
    assert letter.question == "en quelle année le BCIJ a-t-il été créé ?"
    polite = read_message("Pourriez-vous m'indiquer en quelle année le BCIJ a été créé ?", knows)
    assert polite.question.startswith("en quelle année")


@pytest.mark.parametrize(
    "message",
    [
        "pour un communiqué : quand le BCIJ a-t-il été créé ?",
        "for a tweet: when was the BCIJ created?",
        "glossaire FR-EN : quand le BCIJ a-t-il été créé ?",
    ],
)
def test_a_release_or_a_glossary_is_what_the_answer_is_for(message: str) -> None:
    """ "pour un communiqué : ...": the press release is the asker's, even where the fact
    base knows the word (a source may be a communiqué)."""
    words = KNOWN | {"communique", "tweet", "glossaire", "fr", "en"}
    question = read_message(message, lambda word: word in words).question
    assert question.split()[0].lower() in ("quand", "when")


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("what year?", True),
        ("the name of the body", True),
        ("le nom de l'organisme ?", True),
        ("the name of the BCIJ", False),
        ("which body runs the ILEA?", False),
    ],
)
def test_a_name_or_a_body_asked_alone_names_nothing(text: str, only: bool) -> None:
    """ "need the name of the body for a slide: '...'": the framing asks for a name, of
    nothing it names; no fact answers it alone (the quote after it is what is asked)."""
    assert names_only_the_kind(text) is only


@pytest.mark.parametrize(
    "message",
    [
        "---------- Forwarded message ---------\nFrom: Desk Officer\nSubject: GCTF\n\nWhen did"
        " the dog unit start?\n\nDISCLAIMER: this email is intended only for the named"
        " recipient.",
        # (as the scorer flattens it, on one line)
        "---------- Forwarded message --------- From: Desk Officer Subject: GCTF When did the"
        " dog unit start? DISCLAIMER: this email is intended only for the named recipient.",
        "Fwd: From: Julien <j.m@embassy.example> > When did the dog unit start? > Sent from my"
        " iPhone",
        "-----Original Message----- From: Desk Officer > When did the dog unit start?",
        "Message transféré --- De : Leila « When did the dog unit start? »",
        "hey, forwarded from the EU delegation thread: > When did the dog unit start?",
        # (a question pointing back keeps the message around it)
        "Fwd: From: Julien <j.m@embassy.example> > the dog unit. When did it start? Sent from"
        " my iPhone",
        "---------- Forwarded message --------- From: Desk Officer Subject: GCTF dog unit. When"
        " did it start? DISCLAIMER: this email is intended only for the named recipient.",
    ],
)
def test_a_pasted_emails_headers_ask_nothing(message: str) -> None:
    """ "---------- Forwarded message --------- From: Desk Officer Subject: GCTF ...": who
    sent it, when, from what phone, its disclaimer ask nothing; its subject says what it is
    about."""
    question = read_message(message).question.lower()
    assert "dog unit" in question and "start" in question
    for header in (
        "forwarded",
        "from",
        "desk",
        "officer",
        "julien",
        "leila",
        "iphone",
        "disclaimer",
        "recipient",
        "subject",
        "delegation",
        "message",
    ):
        assert header not in question, (header, question)
    if "GCTF" in message:
        assert "gctf" in question


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("Fwd: From: Leila when was the dog unit set up?", "when was the dog unit set up"),
        ("-----Message d'origine----- > Quand le chenil a-t-il ouvert ?", "chenil"),
    ],
)
def test_a_pasted_emails_sender_is_a_name_not_the_question(message: str, kept: str) -> None:
    """ "From: Leila when was ...?": a sender alone on a header is a short name; the
    question after it stays. French Outlook's separator marks a pasted email too."""
    question = read_message(message).question
    assert kept in question
    assert "origine" not in question and "From" not in question


def test_where_the_askers_own_text_was_forwarded_from_stays() -> None:
    """ "forwarded from the newsletter draft: > ...": the draft is the asker's claim."""
    question = read_message(
        "forwarded from the newsletter draft: > INL helps the dogs. which dogs? want it right"
    ).question
    assert "draft" in question
    assert "from" in read_message("Where did the dog unit come from: Tunisia?").question


@pytest.mark.parametrize(
    "message",
    [
        "for the 7am bulletin how many dogs guard the port",
        "for the dog bulletin how many dogs guard the port",
        "pour le journal du port combien de chiens gardent le port",
        "ok for my radio segment what year did the dog unit start",
    ],
)
def test_what_a_dictated_question_is_for_is_no_word_asked(message: str) -> None:
    """ "for the 7am bulletin how many prosecutors ...": dictated, with no mark, what the
    answer is for runs into the question; it ends before the question word."""
    known = {"dogs", "guard", "port", "dog", "unit", "year", "start", "chiens", "gardent"}
    question = read_message(message, known.__contains__, lambda text: False).question.lower()
    for purpose in ("bulletin", "journal", "segment", "radio"):
        assert purpose not in question, question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "if sum1 asks what prison term the BCIJ law gives, what do i tell them",
            "what prison term the BCIJ law gives",
        ),
        (
            "suppose they ask when Morocco created the BCIJ, what's the month and year?",
            "when Morocco created the BCIJ, what's the month and year?",
        ),
        (
            "If asked on which dates the Casablanca training ran, what do I say?",
            "on which dates the Casablanca training ran?",
        ),
        (
            "in case the minister asks who funds GLO.ACT, what should I say?",
            "who funds GLO.ACT?",
        ),
        (
            "if asked whether the BCIJ was created in 2015, what do I tell em?",
            "the BCIJ was created in 2015?",
        ),
        (
            "dans le cas où le bailleur demande combien de pays cible GLO.ACT, je réponds quoi ?",
            "combien de pays cible GLO.ACT?",
        ),
    ],
)
def test_a_question_set_in_a_case_is_the_question(message: str, question: str) -> None:
    """ "If someone asks X, what do I tell them?": the case and the asker's own question
    about what to say ask nothing; X does."""
    assert read_message(message, knows).question == question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Would you kindly confirm how many prosecutors were trained in Casablanca?",
            "how many prosecutors were trained in Casablanca?",
        ),
        ("Dear factbot, when was the BCIJ created?", "when was the BCIJ created?"),
        (
            "Would you be so kind as to confirm the year the BCIJ was created?",
            "the year the BCIJ was created?",
        ),
        (
            "I would be most grateful to learn in which country the judges were trained.",
            "in which country the judges were trained.",
        ),
        (
            "I should be grateful if you could tell me when the BCIJ was created.",
            "when the BCIJ was created.",
        ),
        (
            "I'd be grateful to learn when the BCIJ was created.",
            "when the BCIJ was created.",
        ),
        (
            "Hello, I would be grateful if you could list the countries GLO.ACT covers.",
            "the countries GLO.ACT covers.",
        ),
        (
            "Quel est le budget de GLO.ACT ? Je vous en remercie par avance de votre obligeance.",
            "Quel est le budget de GLO.ACT ?",
        ),
        (
            "Would you be good enough to confirm when the BCIJ was created?",
            "when the BCIJ was created?",
        ),
        (
            "It would assist the Office considerably to know which law covers trafficking.",
            "which law covers trafficking.",
        ),
        (
            "Je vous saurais gré de bien vouloir m'indiquer l'année de création du BCIJ.",
            "l'année de création du BCIJ.",
        ),
        (
            "Je vous serais obligée de bien vouloir me confirmer le budget de GLO.ACT.",
            "le budget de GLO.ACT.",
        ),
        (
            "Je vous prie de bien vouloir me faire connaître l'année de création du BCIJ.",
            "l'année de création du BCIJ.",
        ),
        (
            "Je me permets de vous solliciter : auriez-vous l'amabilité de me rappeler le "
            "budget de GLO.ACT ?",
            "le budget de GLO.ACT ?",
        ),
        (
            "Pour une note, je souhaiterais connaître le budget de GLO.ACT.",
            "le budget de GLO.ACT.",
        ),
        (
            "For the seminar on trafficking in Tangier, I would be most grateful to learn in "
            "which country the judges were trained.",
            "For the seminar on trafficking in Tangier, in which country the judges were trained.",
        ),
    ],
)
def test_a_formal_request_around_a_question_asks_nothing(message: str, question: str) -> None:
    """ "Would you kindly confirm ...", "Je vous saurais gré de bien vouloir m'indiquer
    ...": the courtesy asks nothing; what follows it does (a clause leading in stays)."""
    assert read_message(message, knows).question == question


def test_a_question_joined_on_or_asks_and_another_guess_does_not() -> None:
    """ "... in Rabat right? or where was it actually held": the question after the claim
    asks, unpunctuated; "Miami-Dade? or was Miami the drugs one" is the asker's other
    guess, and asks nothing the first question does not."""
    joined = "the first dog session was in Rabat right? or where was it actually held"
    assert read_message(joined, knows).question == joined
    guess = "which police department trains the dog unit: Miami-Dade? or was Miami the drugs one"
    assert (
        read_message(guess, knows).question
        == "which police department trains the dog unit Miami-Dade?"
    )


def test_what_the_asker_will_cite_is_what_is_asked_about() -> None:
    """ "Suppose I cite the trafficking law in the donor memo, which number is it?": the
    law is asked about; citing it, and where it goes, are not."""
    cited = read_message(
        "Suppose I cite the trafficking law in the donor memo, which number is it?", knows
    )
    assert cited.question == "the trafficking law, which number is it?"
    given = read_message(
        "Si je dois indiquer le budget total de GLO.ACT dans un rapport, c'est combien ?", knows
    )
    assert given.question == "le budget total de GLO.ACT, c'est combien ?"
    # (A report with a year is a source the asker read, not where the answer goes.)
    read = read_message("Suppose I cite the law in the 2012 report, which number is it?", knows)
    assert read.question == "the law in the 2012 report, which number is it?"


def test_a_condition_that_sets_no_question_in_a_case_stays() -> None:
    """ "If the BCIJ was created in 2015, when was the law passed?": no one asks in the
    condition; it is part of the question."""
    message = "if the BCIJ was created in 2015, when was the law passed?"
    assert read_message(message, knows).question == message


@pytest.mark.parametrize(
    ("message", "claim"),
    [
        (
            "Reporter's line: 'roughly 3,000 prosecutors were trained in 2011.' What number "
            "does the source give?",
            "roughly 3,000 prosecutors were trained in 2011.'",
        ),
        (
            "Draft sentence: 'Morocco created the BCIJ in 2012.' Since what year?",
            "Morocco created the BCIJ in 2012.'",
        ),
        (
            "hi, the BCIJ para says 'created in 2012'. that seems early. what's the year?",
            "created in 2012'.",
        ),
    ],
)
def test_a_piece_of_a_draft_quoted_is_a_claim(message: str, claim: str) -> None:
    """ "Reporter's line: '...'", "the X para says '...'": a piece of a draft, quoted, is
    the asker's claim to check, not words asked about."""
    reading = read_message(message, knows)
    assert reading.claim == claim
    assert "2012" not in reading.asking and "2011" not in reading.asking


def test_the_piece_of_a_text_the_answer_is_for_is_no_claim() -> None:
    """ "for the BCIJ paragraph: when was it created?": the paragraph is where the answer
    goes; nothing in it is claimed."""
    reading = read_message("for the BCIJ paragraph: when was the BCIJ created?", knows)
    assert reading.claim == ""
    assert reading.question == "when was the BCIJ created?"


def test_a_piece_of_a_text_unquoted_is_not_a_draft_claim() -> None:
    """ "Draft sentence: the BCIJ helps ..., which group?" quotes nothing: a piece of a
    draft introduces a claim only when a quote follows it, and what follows is asked."""
    reading = read_message("Draft sentence: the BCIJ helps detainees, which group?", knows)
    assert (reading.claim, reading.question) == ("", "the BCIJ helps detainees, which group?")


def test_a_drafts_claim_after_the_question_is_no_part_of_it() -> None:
    """ "when did Morocco take over as co-chair, draft says april 2015 but that feels
    early": the draft's claim, after a comma, is not asked."""
    reading = read_message(
        "when did Morocco create the BCIJ, draft says april 2013 but that feels early", knows
    )
    assert reading.question == "when did Morocco create the BCIJ"


def test_the_askers_worry_about_being_asked_asks_nothing() -> None:
    """ "... in case she asks again, what do I answer?": no question of its own after the
    one asked before it."""
    reading = read_message(
        "how many prosecutors were trained in Casablanca? in case she asks again, what do I answer?",
        knows,
    )
    assert reading.question == "how many prosecutors were trained in Casablanca?"


def test_a_french_case_on_s_il_is_a_case() -> None:
    """ "s'il demande combien ..., je réponds quoi ?": the case opens on "s'il"."""
    reading = read_message("s'il demande combien de pays cible GLO.ACT, je réponds quoi ?", knows)
    assert reading.question == "combien de pays cible GLO.ACT?"


def test_what_to_say_after_no_question_stays() -> None:
    """ "The BCIJ law, how should I cite it?" asks how to cite it: no question before it
    to be the one asked."""
    message = "The BCIJ law, how should I cite it?"
    assert read_message(message, knows).question == message


def test_a_source_the_asker_read_is_not_where_the_answer_goes() -> None:
    """ "Suppose I cite the law in a UNODC report, ...": a report by someone is a source,
    kept; "in the donor memo" is where the answer goes."""
    reading = read_message("Suppose I cite the law in a UNODC report, which number is it?", knows)
    assert reading.question == "the law in a UNODC report, which number is it?"


def test_a_drafts_claim_after_a_statement_is_read_with_it() -> None:
    """ "the BCIJ was created in 2013, draft says 2014. correct?": what comes before the
    draft's claim asks nothing; the message is not split there. In French too: "quand
    le BCIJ a-t-il été créé, le brouillon dit 2013" splits."""
    message = "the BCIJ was created in 2013, draft says 2014. correct?"
    assert read_message(message, knows).question == message
    french = read_message("quand le BCIJ a-t-il été créé, le brouillon dit 2013", knows)
    assert french.question == "quand le BCIJ a-t-il été créé"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("row: BCIJ | col: year created. next cell pls", "year created of BCIJ?"),
        (
            "next cell: row 'trafficking law, Morocco' / col 'law number'. thx",
            "law number of trafficking law, Morocco?",
        ),
        (
            "pour mon tableau : ligne « BCIJ », colonne « année d'adoption » : je mets quoi ?",
            "année d adoption de BCIJ?",
        ),
    ],
)
def test_a_cell_of_a_table_asks_its_column_of_its_row(message: str, question: str) -> None:
    """ "row: X | col: Y", "ligne X, colonne « Y »": a cell to fill asks Y of X."""
    assert read_message(message, knows).question.startswith(question)
