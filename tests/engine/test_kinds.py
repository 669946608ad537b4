"""Question kinds: one typed table."""

from __future__ import annotations

import pytest

from bot.engine import Kind, asks_for
from bot.engine.kinds import FLAGS, NAMED_BY, FactFeatures, pack_flags, paired


def test_a_kind_is_typed_and_equals_its_old_string() -> None:
    kind = asks_for("When was the BCIJ created?")
    assert kind is Kind.DATE and kind == "date" and kind.value == "date"
    assert Kind("law-number") is Kind.LAW_NUMBER


def test_each_packed_flag_reads_back_as_its_own_property() -> None:
    for name in FLAGS:
        flags = pack_flags(**{other: other == name for other in FLAGS})
        features = FactFeatures(flags=flags, listed=0, countries=frozenset(), counted=())
        assert [other for other in FLAGS if getattr(features, other)] == [name]
    with pytest.raises(TypeError):
        pack_flags(has_date=True)  # every flag is given, so none is left out by mistake


EXAMPLES = {
    Kind.ARTICLE: "Which article of the penal code covers recruiting?",
    Kind.LAW_NUMBER: "What is the law number for human trafficking?",
    Kind.PERSON: "Who runs the DGAPR?",
    Kind.LAW: "Quelle loi porte sur la traite ?",
    Kind.ROLE: "Mme Oufroukhi, elle occupe quel poste ?",
    Kind.ACTOR: "Who funded the training?",
    Kind.BODY: "Which organisation does Mr. Chabib work for?",
    Kind.MONEY: "What did the training programme cost?",
    Kind.PENALTY: "Quelle peine de prison risquent-ils ?",
    Kind.NATIONALITY: "What nationality is Ms. Márquez?",
    Kind.DURATION: "How long has INL worked with the DGAPR?",
    Kind.COUNT: "How many officials attended?",
    Kind.DATE: "When was the BCIJ set up?",
    Kind.START: "Since when has INL worked with the DGAPR?",
    Kind.END: "Until when does GLO.ACT run?",
    Kind.AGE: "How old is Mohamed Chabib?",
    Kind.SCORE: "What did the 21 prosecutors score on the final test?",
    Kind.CLOCK: "À quelle heure commence la session ?",
    Kind.MEMBERS: "Which five academies does INL run?",
    Kind.REASON: "Why was Tangier chosen?",
    Kind.COMPARE: "Is the Tiflet centre bigger than the others?",
    Kind.REGION: "Which regions will the Moroccan trainers train counterparts in?",
    Kind.CITY: "In which city was the workshop held?",
    Kind.PLACE: "Where was the workshop held?",
    Kind.COUNTRY: "Which countries does GLO.ACT cover?",
    Kind.STATEMENT: "What did Ms. Oufroukhi say at the workshop?",
    Kind.TITLE: "What is the title of the UNODC article on the network?",
}


def test_every_kind_but_list_is_read_from_the_wording() -> None:
    assert set(EXAMPLES) == set(Kind) - {Kind.LIST}
    for kind, question in EXAMPLES.items():
        assert asks_for(question) is kind, question
        assert kind.triggers and kind.lacks


def test_a_list_is_never_read_from_the_wording_alone() -> None:
    """The topic listing says LIST; asks_for never does (LIST has no trigger words)."""
    assert Kind.LIST.triggers == ()
    assert asks_for("Which trainings were held?") is None


def test_a_figure_asked_for_by_name_is_a_count() -> None:
    """ "Ballpark figure for Moroccans who went to fight?": the "who" after it asks no one."""
    assert asks_for("Ballpark figure for Moroccans who went to fight abroad?") is Kind.COUNT
    assert asks_for("what's the latest number on prosecutors trained?") is Kind.COUNT
    assert asks_for("Who went to fight abroad?") is not Kind.COUNT


def test_a_budget_requested_asks_for_money() -> None:
    """ "I need the total US budget for the ATA program": an amount, though no question word."""
    assert asks_for("the total US budget for the dog program") is Kind.MONEY
    assert asks_for("the budget of the dog program") is Kind.MONEY
    # "what was the BCIJ's operating budget in its first year?": a body's sum, named between.
    assert asks_for("what was the kennel's operating budget in its first year?") is Kind.MONEY
    assert asks_for("what is the GLO.ACT budget?") is Kind.MONEY
    assert asks_for("the budget committee met in Rabat") is None
    # "how much $ did INL give?": the sign says money; "of the €11 million" states a figure.
    assert asks_for("how much $ did the port give the dog unit") is Kind.MONEY
    assert asks_for("how much did the port give the dog unit") is not Kind.MONEY
    # ("how much dollars is the aid?": a learner's "how many dollars")
    assert asks_for("how much dollars is the port's dog aid?") is Kind.MONEY
    assert asks_for("how much of the €11 million went to dogs?") is not Kind.MONEY
    # "doubled from what to what?": the sums before and after.
    assert asks_for("the port doubled its dog aid. from what to what?") is Kind.MONEY
    assert asks_for("dog aid doubled - from how much to how much") is Kind.MONEY
    assert asks_for("the port doubled its dog aid. what for?") is not Kind.MONEY
    assert asks_for("the dog aid doubled, de combien à combien ?") is Kind.MONEY
    # (a span of years or of a sentence is no sum: "the project ran from what to what?")
    assert asks_for("the dog project ran from what to what?") is not Kind.MONEY
    assert asks_for("the number of dogs doubled from what to what?") is not Kind.MONEY


def test_a_penalty_is_asked_for_by_its_words_not_by_prison_alone() -> None:
    assert asks_for("What penalties does the law set for trafficking?") is Kind.PENALTY
    assert asks_for("How many years in prison for joining?") is Kind.PENALTY
    # "the official English name of the CNDH" spells out an acronym: no person.
    assert asks_for("What's the official English name of the CNDH?") is not Kind.PERSON
    # A person's post asked without a question word: "la fonction complète de Mme X".
    assert asks_for("il me faut la fonction complète de Mme Oufroukhi") is Kind.ROLE
    # A kind of sentence asks which kind ("alternative sentencing"), not a penalty's terms.
    assert asks_for("Quel type de peines l'INL aide-t-il la justice à développer ?") is None
    assert asks_for("What kind of sentences does INL help courts with?") is None
    # The length of a partnership with a prison service is a duration, not a sentence.
    assert asks_for("How long has INL worked with the prison administration?") is Kind.DURATION


def test_who_ran_a_training_may_be_answered_by_people_by_their_role() -> None:
    """ "Who ran the course?" ("a retired judge and a district attorney"): ACTOR; "who
    heads the DGAPR?" asks for a person by name."""
    assert asks_for("Who ran the DNA course in Costa Rica?") is Kind.ACTOR
    assert asks_for("Who led the workshop?") is Kind.ACTOR
    assert asks_for("Who heads the DGAPR?") is Kind.PERSON
    assert asks_for("Who currently heads the DGAPR?") is Kind.PERSON
    assert asks_for("Who currently presides over the CNDH?") is Kind.PERSON
    # A signatory is a person: the parties are said to have signed, they do not sign.
    assert asks_for("Who actually signed the agreement on 14 September 2022?") is Kind.PERSON
    assert asks_for("Qui a signé l'accord de 2022 ?") is Kind.PERSON
    # A name asked in the past, or of someone the asker would name.
    assert asks_for("comment s'appelait le Belge arrêté après les attentats ?") is Kind.PERSON
    assert asks_for("can we name the Belgian suspect? does the bot know his name?") is Kind.PERSON
    assert asks_for("Which countries signed the framework?") is not Kind.PERSON
    # A French role needs no article, and a time clause after it asks no date.
    asked = "Qui était ministre de la Justice quand la charte a été adoptée en 2013 ?"
    assert asks_for(asked) is Kind.PERSON


def test_which_experts_ran_it_asks_for_people_by_name() -> None:
    assert asks_for("Which UNODC experts ran the Tangier training?") is Kind.PERSON
    assert asks_for("Which UNODC experts facilitated the debates?") is Kind.PERSON
    assert asks_for("Which experts moderated the discussions?") is Kind.PERSON
    assert asks_for("Which experts are trained in Tangier?") is not Kind.PERSON


def test_where_after_another_question_word_opens_a_clause() -> None:
    """ "Is there a name for the academies where INL trains police?" asks for a name."""
    assert asks_for("Is there a name for the academies where INL trains police?") is None
    assert asks_for("What are the academies where INL trains police called?") is not Kind.PLACE
    assert asks_for("So where are the academies?") is Kind.PLACE
    # ("can you list where those academies are?": the order, then where it asks)
    assert asks_for("can you list where those academies are?") is Kind.PLACE
    assert asks_for("Name the stages of the process where INL helps") is not Kind.PLACE
    assert asks_for("Where was it held, and by whom?") is Kind.PLACE


def test_a_nationality_is_asked_of_a_person_not_of_money() -> None:
    assert asks_for("Which country is Dr. Dweikat from?") is Kind.NATIONALITY
    assert asks_for("De quelle nationalité est Mme Márquez ?") is Kind.NATIONALITY
    # (A relative clause before it asks no actor: "the officer who opened the session".)
    assert asks_for(
        "quick one the UNODC officer who opened the session, Ms. Márquez, which country is she from?"
    ) is (Kind.NATIONALITY)
    assert asks_for("Which country does the GLO.ACT money come from?") is Kind.COUNTRY


def test_french_where_after_its_verb_and_which_day_are_read() -> None:
    assert asks_for("la formation se tient où exactement ?") is Kind.PLACE
    assert asks_for("ça se passe où ?") is Kind.PLACE
    assert asks_for("c ou la formation cndh dgsn") is Kind.PLACE  # chat: c'est où
    assert asks_for("c'est ou la formation ?") is Kind.PLACE
    assert asks_for("la formation à Rabat ou à Casablanca, c'est quand ?") is not Kind.PLACE
    assert asks_for("la formation est à Rabat ou à Casablanca ?") is not Kind.PLACE
    assert asks_for("la session c'était quels jours ?") is Kind.DATE
    # "quand" after another question word opens a clause, as "when" does.
    assert asks_for("quelles victimes veut-il aider quand il parle de justice ?") is None
    assert asks_for("la formation, c'est quand ?") is Kind.DATE
    assert asks_for("À quel moment le code a-t-il été modifié ?") is Kind.DATE
    # "... le 4 février ? quelle est la date ?": the date asked after the asker's.
    assert asks_for("la session était prévue le 4 février ? quelle est la date ?") is Kind.DATE
    assert asks_for("quelle était la bonne année ?") is Kind.DATE
    # "« plus de 8 000 policiers ». Quel est le bon chiffre ?": a count, as "the right figure".
    assert asks_for("Quel est le bon chiffre ?") is Kind.COUNT
    assert asks_for("quel est le chiffre exact ?") is Kind.COUNT
    assert asks_for("what was the correct number?") is Kind.COUNT
    # "for a number of years": several, no count asked ("the number of ..." is one)
    assert asks_for("what had it been co-chairing for a number of years?") is not Kind.COUNT
    assert asks_for("the number of prosecutors trained?") is Kind.COUNT
    assert asks_for("quel est le nom ?") is not Kind.COUNT
    assert asks_for("On what date did Morocco take up its role as co-chair?") is Kind.DATE
    assert asks_for("On what day is the first session planned?") is Kind.DATE
    # "le combien": the day of the month, no count.
    assert asks_for("l'accord a été signé le combien exactement ?") is Kind.DATE
    assert asks_for("combien de pays sont membres ?") is Kind.COUNT
    # "how much is that in actual dollars?": an amount of money, whatever the adjective.
    assert asks_for("the aid doubled but how much is that in actual dollars") is Kind.MONEY
    assert asks_for("Which day did the dogs arrive?") is Kind.DATE
    assert asks_for("En quelle année a-t-elle pris ce poste ?") is Kind.DATE
    assert asks_for("What is Ms. Alami's role at the ministry?") is Kind.ROLE
    # Typed without an apostrophe, or after a first question: still her post.
    assert asks_for("whats ms alami's role at the ministry") is Kind.ROLE
    assert asks_for("who is ms alami whats her job") is Kind.ROLE
    assert asks_for("ms alami, her job at the ministry pls") is Kind.ROLE
    assert asks_for("mme alami elle fait quoi comme poste") is Kind.ROLE
    assert asks_for("When was the unit set up, and what is its job?") is Kind.DATE


def test_where_it_is_happening_asks_a_place_its_fact_need_not_say_happening() -> None:
    assert asks_for("where is the dog training happening") is Kind.PLACE
    assert "happening" in NAMED_BY[Kind.PLACE]


def test_who_is_currently_in_charge_asks_for_a_person() -> None:
    assert asks_for("Who is currently in charge of the dog unit?") is Kind.PERSON
    assert asks_for("Who is in charge of the dog unit?") is Kind.PERSON


def test_who_the_man_spoken_of_was_asks_for_a_person() -> None:
    """ "who was the Belgian arrested ...?": someone the message speaks of; not "who was
    the DGSN?" (what a body is), nor "who was the Belgian linked to?" (to whom)."""
    assert asks_for("who was the Belgian of Moroccan descent arrested in 2015?") is Kind.PERSON
    assert asks_for("who was the suspect arrested at the port?") is Kind.PERSON
    assert asks_for("who was the dog unit?") is not Kind.PERSON
    # (by whom, to whom: not who the man was)
    assert asks_for("who was the Belgian of Moroccan descent linked to?") is not Kind.PERSON
    assert asks_for("who was the suspect arrested by?") is not Kind.PERSON
    assert asks_for("who were the suspects arrested at the port?") is Kind.PERSON


def test_how_much_aid_asks_for_money_and_a_declaration_s_title_a_title() -> None:
    """ "how much military aid does the US give ...?": a sum given (not "how much help");
    "the title of the founding declaration": a document's title."""
    assert asks_for("how much military aid does the US give the port each year?") is Kind.MONEY
    assert asks_for("how much aid did the kennel get?") is Kind.MONEY
    assert asks_for("how much help did the kennel get?") is not Kind.MONEY
    assert asks_for("how much military aid increase did the port get - did it double?") is not (
        Kind.MONEY
    )
    assert asks_for("what was the title of the founding declaration of the club?") is Kind.TITLE
    assert asks_for("what is the title of the resolution adopted in 2014?") is Kind.TITLE
    assert asks_for("what was the 2014 memorandum on dog training called?") is not Kind.TITLE


def test_a_question_after_a_long_lead_is_read_at_its_comma() -> None:
    """ "the certificate the dog lab got in 2018, which accreditation body granted it?": the
    question opens after the comma (not "who", whose clause may be a relative's)."""
    assert (
        asks_for("the certificate the Moroccan police dog lab got in 2018, which body granted it?")
        is Kind.BODY
    )
    assert asks_for("Which organism has delivered the certificate to the dog lab?") is Kind.BODY
    # (a relative clause, with no question mark, asks nothing)
    assert asks_for("tell me about the dog training, which body the club set up for it") is None
    assert (
        asks_for("On the dog side I have the Kennel Club as a partner, who else does it support?")
        is None
    )
    # "what about ..., when did it open?": a date asked after the comma (not a clause of
    # time inside the question before it)
    assert asks_for("what about the dog training centre in Tangier, when did it open?") is (
        Kind.DATE
    )
    assert asks_for("what about the kennel, how many dogs did it train?") is Kind.COUNT
    assert asks_for("the kennel in Tangier, combien de chiens a-t-il formé ?") is Kind.COUNT
    assert asks_for("What does the club want to avoid, in the long run, when it trains?") is None


def test_a_sentence_an_end_and_a_salary_asked() -> None:
    """ "what is the prison sentence for ...?" (three words before it), "elle se termine
    quel jour ?" (the end, asked after its verb), "what salary does the club pay?"."""
    assert asks_for("what is the prison sentence for dog theft?") is Kind.PENALTY
    assert asks_for("Range of prison sentences (in years) for dog theft?") is Kind.PENALTY
    assert asks_for("what kind of sentences does the club help with?") is not Kind.PENALTY
    assert asks_for("la session canine se termine quel jour ?") is Kind.END
    assert asks_for("ça finit quand, la formation canine ?") is Kind.END
    assert asks_for("what salary or daily rate does the club pay its mentors?") is Kind.MONEY
    assert asks_for("quel est le salaire des mentors du club ?") is Kind.MONEY
    assert asks_for("what salary do the club's mentors get?") is Kind.MONEY
    assert asks_for("mentors' salaries at the club?") is Kind.MONEY
    # (a fee or a salary named in a question asking something else)
    assert asks_for("When were the fees for the dog training announced?") is Kind.DATE
    assert asks_for("what year were the fees for the dog training introduced?") is Kind.DATE
    assert asks_for("which mentors get a salary at the club?") is not Kind.MONEY
    assert asks_for("how many mentors get a salary at the club?") is Kind.COUNT
    assert asks_for("range of terms in the dog code?") is not Kind.PENALTY
    assert asks_for("la formation canine finit quand même tard ?") is not Kind.END


def test_what_were_the_dates_asks_for_a_date() -> None:
    assert asks_for("what were the actual dates of that workshop?") is Kind.DATE
    assert asks_for("what are the dates of the dog training?") is Kind.DATE


def test_what_s_the_real_figure_asks_a_count() -> None:
    assert asks_for("the dogs trained since 2008, whats the real figure") is Kind.COUNT


def test_a_name_and_count_asks_its_number() -> None:
    """ "ILEA count?", "prosecutors headcount": how many; "the count of Paris" is no count."""
    assert asks_for("ILEA count?") is Kind.COUNT
    assert asks_for("moroccan prosecutors headcount") is Kind.COUNT
    assert asks_for("who was the count of Paris?") is not Kind.COUNT
    assert asks_for("convictions under the dog law, what's the number?") is Kind.COUNT
    assert asks_for("what is the number of the dog law?") is not Kind.COUNT
    # "terror cells dismantled - number?": the number asked last, of what is named before
    # (not a law's number, "what's its number?", nor "any figure?").
    assert asks_for("dog kennels dismantled - number?") is Kind.COUNT
    assert asks_for("dog statute number") is not Kind.COUNT
    assert asks_for("the dog law - what's its number?") is not Kind.COUNT
    assert asks_for("finance people ask. any figure?") is not Kind.COUNT
    assert asks_for("dog UNSC resolution number?") is not Kind.COUNT


def test_the_number_of_people_who_is_a_count() -> None:
    """ "Need the number of prosecutors who attended ...": "who" opens a relative clause;
    a number is asked, not who."""
    assert asks_for("Need the number of prosecutors who attended the dog session.") is Kind.COUNT
    assert asks_for("need the names of prosecutors who attended the dog session") is not Kind.COUNT
    # (opening the question; "# of prosecutors who ...": see the matcher's "#")
    assert asks_for("number of prosecutors who attended the dog session?") is Kind.COUNT
    # ("number of the law that ...": which law it is, no count)
    assert asks_for("number of the law that covers stray dogs?") is not Kind.COUNT


def test_the_right_range_asked_in_french_is_a_penalty() -> None:
    """ "... des peines de 2 à 5 ans de prison ... C'est quoi la bonne fourchette ?": the
    bounds of the penalty the message names."""
    message = (
        "Vrai ou faux : la loi prévoit des peines de 2 à 5 ans de prison pour les chiens "
        "errants. C'est quoi la bonne fourchette ?"
    )
    assert asks_for(message) is Kind.PENALTY


def test_a_role_then_name_asks_a_person() -> None:
    """ "Paris attacks mastermind name", "BCIJ head - name?": whoever holds it, by name."""
    assert asks_for("dog attacks mastermind name") is Kind.PERSON
    assert asks_for("kennel club head - name?") is Kind.PERSON
    assert asks_for("kennel club name?") is not Kind.PERSON


def test_years_and_dates_in_the_plural_ask_for_dates() -> None:
    """ "In which years ...?", "en quelles années ...?": dates, as the singular asks."""
    assert asks_for("in which years was the port attacked?") is Kind.DATE
    assert asks_for("what dates did the workshop run?") is Kind.DATE
    assert asks_for("which other years did the port get attacked after 2003") is Kind.DATE
    assert asks_for("en quelles années le port a-t-il été attaqué ?") is Kind.DATE


def test_what_a_source_says_is_happening_is_no_quote_asked() -> None:
    """ "What does the US say Morocco is exporting?" asks what is exported; "what did the
    minister say about dogs?" asks for her words."""
    assert asks_for("what does the US say Morocco is exporting to the region?") is None
    assert asks_for("what did the minister say about the dogs?") is Kind.STATEMENT
    # What a body says of itself: what it does, no quote.
    assert asks_for("What does the bureau say it counters abroad?") is None
    assert asks_for("What did the minister say it is?") is Kind.STATEMENT
    assert asks_for("what does the bureau say Morocco exports across the region?") is None
    assert asks_for("what does the bureau say its overall mission is?") is None
    assert asks_for("what did the minister say at the opening?") is Kind.STATEMENT
    assert asks_for("what did the minister say regarding dog kennels?") is Kind.STATEMENT
    # "it" is a text: "what does it say about training partners?" asks what it holds.
    assert asks_for("what does it say about training kennel partners?") is None
    assert asks_for("what did they say about kennel partners?") is Kind.STATEMENT


def test_the_cost_a_source_gives_asks_for_money() -> None:
    """ "What does the source give as the cost of the kennel?": an amount of money."""
    assert asks_for("What does the source give as the cost of the kennel?") is Kind.MONEY
    assert asks_for("What does the source give as the kennel's address?") is not Kind.MONEY
    assert asks_for("C'est quoi le budget du programme canin ?") is Kind.MONEY
    assert asks_for("c'est quoi le prix de la formation canine ?") is Kind.MONEY


def test_what_figure_asks_for_a_count() -> None:
    """ "What figure does the summary actually give?": a count."""
    assert asks_for("What figure does the kennel summary actually give?") is Kind.COUNT
    assert asks_for("What figure does the summary give for the kennel budget?") is not Kind.COUNT


def test_how_much_came_somewhere_is_a_quantity() -> None:
    """ "how much cocaine came to Europe?" is no sum of money, "how much did it come to?" is."""
    assert asks_for("how much cocaine came to Europe through the port?") is Kind.COUNT
    assert asks_for("how much did the kennel aid come to?") is Kind.MONEY


def test_the_united_nations_are_no_country() -> None:
    """ "Which United Nations mechanisms ...?" asks for UN bodies, not for countries."""
    assert asks_for("Which United Nations mechanisms will the course look at?") is None
    assert asks_for("Which nations joined the forum?") is Kind.COUNTRY
    assert asks_for("Which other nation joined the forum?") is Kind.COUNTRY


def test_a_time_clause_first_leaves_the_question_to_the_clause_after_it() -> None:
    question = "When Morocco took over as co-chair in 2016, which country was the other one?"
    assert asks_for(question) is Kind.COUNTRY
    assert asks_for("When Morocco took over as co-chair, did anyone object?") is Kind.DATE


def test_a_question_of_its_own_is_no_time_clause() -> None:
    """ "When did Morocco set up the bureau, which leads ...?" asks when: "which leads" is a
    relative, not the question. So does the French, with its inverted verb."""
    assert asks_for("When did Morocco set up the bureau, which leads the fight?") is Kind.DATE
    question = "Quand le Maroc a-t-il créé le bureau central, qui pilote la lutte ?"
    assert asks_for(question) is Kind.DATE
    # Corrected, without its comma: "qui pilote" is no "who heads" after "quand".
    assert asks_for("quand le maroc a cree le bureau central qui pilote la lutte") is Kind.DATE
    assert asks_for("qui pilote la lutte antiterroriste ?") is Kind.PERSON
    assert asks_for("Au bureau central, qui dirige ?") is Kind.PERSON


def test_two_names_after_a_clause_are_a_pair_not_a_list() -> None:
    """ "After the November 2015 Paris attacks, France and Belgium ..." names two."""
    assert paired("After the November 2015 Paris attacks, France and Belgium deepened ties.")
    assert not paired("INL worked with units from Togo, Senegal, Mali and Benin.")
    assert not paired("Police in Rabat, Fes and Sale got dogs.")


def test_whats_the_three_parts_asks_for_members() -> None:
    assert asks_for("whats the 3 parts of a justice system?") is Kind.MEMBERS
    # "who were the 2 experts?": the two, by name, as "which two experts?"
    assert asks_for("who were the 2 unodc experts at the workshop") is Kind.MEMBERS
    assert asks_for("Qui sont les deux experts de l'atelier ?") is Kind.MEMBERS
    assert asks_for("Who were the experts at the workshop?") is not Kind.MEMBERS


def test_how_many_years_is_a_length_of_time_not_a_count() -> None:
    assert asks_for("How many years did the project run?") is Kind.DURATION
    assert asks_for("Sur combien d'années s'étend le projet ?") is Kind.DURATION
    # the period a programme covers
    assert asks_for("le programme canin ça couvre quelle période ?") is Kind.DURATION
    assert asks_for("what period does the dog programme cover?") is Kind.DURATION
    assert asks_for("How many years ago was the law passed?") is not Kind.DURATION
    assert asks_for("Combien d'années de prison risquent-ils ?") is Kind.PENALTY


def test_law_enforcement_is_not_a_law() -> None:
    """'What number of Law Enforcement Academies' counts academies; it asks no law number."""
    assert asks_for("What number of International Law Enforcement Academies are there?") is (
        Kind.COUNT
    )
    assert asks_for("What is the number of the trafficking law?") is Kind.LAW_NUMBER


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # how long; the funding only says which programme
        ("combien de temps dure le programme financé par l'UE ?", Kind.DURATION),
        ("combien a coûté le programme financé par l'UE ?", Kind.MONEY),
        # "more than a million": a quantity, not a comparison asked for
        ("On what date did the attacks that drove more than a million to march happen?", Kind.DATE),
        ("Did IPPOS train more police from Senegal or from Togo?", Kind.COMPARE),
        # two bodies told apart, which a fact naming both does not do
        ("what's the difference between the dog unit and the port police?", Kind.COMPARE),
        ("quelle différence entre l'unité canine et la police du port ?", Kind.COMPARE),
        # a person by the role, a name before it ("Morocco's justice minister")
        ("Who was Morocco's justice minister when the charter passed?", Kind.PERSON),
        ("Which Moroccan justice minister spoke at the workshop?", Kind.PERSON),
    ],
)
def test_the_kind_is_read_past_words_of_another(question: str, kind: Kind) -> None:
    """A word of another kind inside the question ("financé", "more than", "Morocco's")
    does not hide the kind asked."""
    assert asks_for(question) is kind


def test_how_much_cash_or_financing_asks_for_money() -> None:
    """ "How much cash is behind it?" asks for an amount of money, not a count."""
    assert asks_for("How much cash is behind GLO.ACT?") is Kind.MONEY
    assert asks_for("How much financing did the project get?") is Kind.MONEY
    assert asks_for("How much of the training was online?") is not Kind.MONEY
    assert asks_for("What is the dollar amount of the dog grant?") is Kind.MONEY
    assert asks_for("How many euros went to the dog unit?") is Kind.MONEY
    assert asks_for("In dollar terms, how much aid does the dog unit get?") is Kind.MONEY
    assert asks_for("How much aid went to the dog unit, in dollars?") is Kind.MONEY
    assert asks_for("the dog aid doubled from what to what? the dollar figures?") is Kind.MONEY
    # ("in US dollars" as the speller leaves it; "$ amount", the sign for money)
    assert asks_for("the amount in usa dollars of the dog aid once doubled") is Kind.MONEY
    assert asks_for("dog aid doubled -> $ amount after doubling?") is Kind.MONEY
    assert asks_for("which law covers money laundering by dog breeders?") is not Kind.MONEY
    # "a count of": how many, not a sum
    assert asks_for("which document gives a count of dog returnees?") is Kind.COUNT


def test_the_capital_of_a_country_asks_for_a_city() -> None:
    """ "What's the capital of Moldova?" asks for a city, which a fact on Moldovan officials
    trained does not name; "capital punishment", "human capital" ask for no city."""
    assert asks_for("What's the capital of Moldova?") is Kind.CITY
    assert asks_for("quelle est la capitale du Mali ?") is Kind.CITY
    assert asks_for("what is the capital punishment for dog theft?") is not Kind.CITY
    assert asks_for("does the dog unit build human capital?") is not Kind.CITY


def test_the_name_of_a_town_asks_for_a_city() -> None:
    """ "the name of the town where the US built a centre?" asks for a city, not a person."""
    assert asks_for("Can you confirm the name of the town where the US built a centre?") is (
        Kind.CITY
    )
    assert asks_for("What is the name of the region's main prison?") is not Kind.PERSON
    # (the name of a deal, a pact, a memorandum: a thing's name, not a person's)
    assert asks_for("whats the actual name of the 2014 kennel deal on dog training?") is None
    assert asks_for("what's the name of the dog pact?") is None
    assert asks_for("what's the name of the 2022 memorandum on dogs?") is None
    assert asks_for("what's the name of the kennel director?") is Kind.PERSON


def test_a_person_to_be_named_ahead_or_by_role() -> None:
    """ "Who will lead the session?" and "which justice minister approved the charter?" ask
    for someone by name."""
    assert asks_for("Who will lead the dog training session on February 24?") is Kind.PERSON
    assert asks_for("Which Moroccan justice minister approved the charter in 2013?") is Kind.PERSON
    assert asks_for("Which body approved the charter in 2013?") is Kind.BODY


def test_the_number_of_a_statute_is_a_law_number() -> None:
    """ "what's the number of Morocco's anti-trafficking statute?": a law number, not a count."""
    assert asks_for("what's the number of Morocco's anti-trafficking statute?") is (Kind.LAW_NUMBER)
    # The law named first, its number asked after.
    assert asks_for("loi traite des etres humains maroc c'est quel numero") is Kind.LAW_NUMBER
    assert asks_for("the trafficking law, what number is it?") is Kind.LAW_NUMBER
    assert asks_for("Jan 2015 anti-terror law - its number?") is Kind.LAW_NUMBER
    # "On what date does it close?": when it ends (not what its last day was about).
    assert asks_for("the session opens on Feb 24. on what date does it close?") is Kind.END
    assert asks_for("What was the last day of the workshop devoted to?") is not Kind.END
    # "il y en a combien dans le monde ?" counts; "dans" holds no "ans".
    assert asks_for("Il y en a combien dans le monde ?") is Kind.COUNT
    assert asks_for("le projet dure combien d'années ?") is Kind.DURATION
    assert asks_for(
        "la loi antiterroriste votée par la Chambre des représentants en janvier 2015, elle "
        "porte quel numéro ?"
    ) is (Kind.LAW_NUMBER)
    assert asks_for(
        "with the trafficking law in mind, what number did the workshop train?"
    ) is not (Kind.LAW_NUMBER)
    # (A count of something else after a law is no number of it.)
    assert asks_for("under the trafficking law, what number of cases were heard?") is not (
        Kind.LAW_NUMBER
    )


def test_more_ways_of_asking_for_people_and_periods() -> None:
    """ "Who are the trainers leading the session?", "quel ministre a porté la charte ?": a
    person by name; "over what period did it run?": a length of time."""
    assert asks_for("Who are the trainers leading the February 24 session?") is Kind.PERSON
    assert asks_for("Quel ministre de la Justice a porté la charte en 2013 ?") is Kind.PERSON
    assert asks_for("Over what period did the project run?") is Kind.DURATION
    assert asks_for("Quel ministère a porté la charte ?") is not Kind.PERSON


def test_running_out_is_an_end_and_put_in_charge_a_person() -> None:
    """ "When does the 2022 agreement run out?" asks for an end, not its signing date; "who
    was put in charge of the bureau?" for a person by name."""
    assert asks_for("When does the 2022 agreement run out?") is Kind.END
    assert asks_for("When does the agreement lapse?") is Kind.END
    assert asks_for("When does the agreement run?") is not Kind.END
    assert asks_for("Who was put in charge of the bureau when it opened?") is Kind.PERSON


def test_a_french_where_after_another_question_word_opens_a_clause() -> None:
    """ "C'est quoi l'exercice annuel où le Maroc s'entraîne ... ?" asks what, not where."""
    assert asks_for("C'est quoi l'exercice annuel où le Maroc s'entraîne ?") is not Kind.PLACE
    assert asks_for("Où se tient la formation ?") is Kind.PLACE


def test_french_ways_of_asking_who_which_body_and_how_much() -> None:
    """ "signé par qui ?" and "il s'appelait comment ?" ask for a person; "X, c'est quel
    organisme qui ...?" for a body; "ça fait combien en millions ?" for money."""
    assert asks_for("L'accord de 2022 a été signé par qui exactement ?") is Kind.PERSON
    assert asks_for("Le cerveau des attentats, il s'appelait comment ?") is Kind.PERSON
    question = (
        "La certification de 2018 du labo de la police, c'est quel organisme qui l'a délivrée ?"
    )
    assert asks_for(question) is Kind.BODY
    assert asks_for("L'aide a doublé, mais ça fait combien en millions ?") is Kind.MONEY


def test_what_is_its_budget_asks_for_money() -> None:
    """ "What is INL's yearly budget for ...?": an amount, as "what is the budget?" is."""
    assert asks_for("What is INL's yearly budget for its programmes?") is Kind.MONEY
    assert asks_for("What is its budget?") is Kind.MONEY
    # ... typed in a hurry, without apostrophes
    assert asks_for("whats inls yearly budget for rule of law stuff") is Kind.MONEY
    assert asks_for("What is the goal of the budget reform?") is not Kind.MONEY


def test_casual_words_for_money_people_and_time() -> None:
    """ "the outlay on the centre" is money; "who's the top brass at / who's running the
    bureau?" asks for a person (not "who's running the programme?", bodies run those)."""
    assert asks_for("What was the outlay on the training centre?") is Kind.MONEY
    assert asks_for("Who's the top brass at the bureau?") is Kind.PERSON
    assert asks_for("Who's running the national police these days?") is Kind.PERSON
    assert asks_for("Who is running the programme?") is not Kind.PERSON


def test_which_city_may_say_whose() -> None:
    """ "in which Moroccan city is the exercise held?": a city, as "which city" is."""
    assert (
        asks_for("in which Moroccan city is the African Lion exercise held each year?") is Kind.CITY
    )
    assert asks_for("which coastal town hosted it?") is Kind.CITY


def test_which_convention_asks_for_a_law() -> None:
    """ "Quelle convention internationale est au programme ?": a text by its name, which a
    fact on Morocco's obligations in general does not give."""
    assert (
        asks_for("Quelle convention internationale est au programme de la formation ?") is Kind.LAW
    )
    assert asks_for("which treaty will the training cover?") is Kind.LAW
    assert asks_for("what charter did the government approve?") is Kind.LAW


def test_what_was_the_date_asks_for_a_date() -> None:
    """ "The attacks that triggered the march: what was the exact date?": a date, as "what
    date" is (not "what was the date range?")."""
    assert asks_for("what was the exact date?") is Kind.DATE
    assert asks_for("whats the year the BCIJ was set up") is Kind.DATE


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who is leading the session?", Kind.ACTOR),
        ("Who is running the dog workshop?", Kind.ACTOR),
        # (who someone is, or who undergoes it, asks for no one who did it)
        ("Who is Mohamed Chabib?", None),
        ("Who is being trained?", None),
    ],
)
def test_who_is_doing_it_asks_who_does_it(question: str, kind: Kind | None) -> None:
    assert asks_for(question) is kind


@pytest.mark.parametrize(
    "question",
    [
        "which port experts are running the dog session? I need their names",
        "who is leading the dog session, need the trainers name for the draft",
        "Which port experts will run the dog session?",
        "the experts from the port at the dog session: I need their names",
    ],
)
def test_people_to_be_named_ask_for_a_person(question: str) -> None:
    """Experts running a session, or their names asked for: people to be named, which a
    fact naming only bodies does not do."""
    assert asks_for(question) is Kind.PERSON


@pytest.mark.parametrize(
    "question",
    [
        "head of the Kennel Club?",
        "quick one, director of the dog unit",
        "Kennel Club director name?",
        "port authority director general, name? it goes in the letter",
    ],
)
def test_a_role_asked_alone_or_its_holders_name_asks_for_a_person(question: str) -> None:
    """ "head of X?", "X director name?": the holder of a role, typed as a fragment."""
    assert asks_for(question) is Kind.PERSON


@pytest.mark.parametrize(
    "question",
    [
        "head of which unit is the trainer?",
        "the Kennel Club is head of which network",
        # a country's role, and since when
        "Morocco became head of the dog forum?",
        "head of the forum since when?",
        "head of the forum in 2016?",
    ],
)
def test_head_of_which_asks_for_no_person(question: str) -> None:
    assert asks_for(question) is not Kind.PERSON


@pytest.mark.parametrize(
    "question",
    [
        "Which article of the Moroccan criminal code makes recruiting an offence?",
        "what did the June 2015 amendments add? need the article number for the citation",
        "quel article du code pénal réprime le recrutement ?",
        "c'est quoi le numéro d'article ?",
        "which article of the 2015 anti-terrorism law stops citizens joining foreign groups?",
        "which article of Morocco's criminal procedure code covers terrorism abroad?",
    ],
)
def test_an_article_of_a_law_is_asked_by_its_number(question: str) -> None:
    assert asks_for(question) is Kind.ARTICLE


def test_a_news_article_asked_for_is_no_article_of_a_law() -> None:
    assert asks_for("Which article reported the second training of the network?") is None
    assert asks_for("which UNODC article covers the Tangier session?") is not Kind.ARTICLE
    assert asks_for("quel article de l'ONUDC cite la loi 27-14 ?") is not Kind.ARTICLE
    assert asks_for("the article no longer mentions the BCIJ, does it?") is not Kind.ARTICLE


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("max pre trial detention for juveniles in morocco?", Kind.DURATION),
        ("durée maximale de la détention provisoire des mineurs ?", Kind.DURATION),
        ("what is the max penalty for trafficking", Kind.PENALTY),
        ("quelle est la peine maximale pour la traite ?", Kind.PENALTY),
        ("what is the maximum number of participants?", Kind.COUNT),
        ("give me INL's mission in max 2 sentences", None),  # how to answer
        ("what does BCIJ stand for (max one sentence)", None),
    ],
)
def test_a_bound_of_a_detention_or_penalty_asks_for_its_length(
    question: str, kind: Kind | None
) -> None:
    """ "max pre trial detention": how long someone may be held; "max penalty": a penalty."""
    assert asks_for(question) is kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what did the dog handlers score on the post-training test?", Kind.SCORE),
        ("what were the evaluation results of the dog workshop?", Kind.SCORE),
        ("quels sont les résultats de l'évaluation de l'atelier canin ?", Kind.SCORE),
        ("what was the pass rate of the dog course?", Kind.SCORE),
        ("score of the dog handlers trained in Rabat?", Kind.SCORE),
        # a result of something else, not measured
        ("what was the result of the dog unit's reform?", None),
        ("How many dog handlers were trained?", Kind.COUNT),
    ],
)
def test_a_result_measured_is_asked_as_a_score(question: str, kind: Kind | None) -> None:
    """ "What did they score on the test?": a score or a rate, which a fact saying they were
    trained does not give."""
    assert asks_for(question) is kind


def test_which_among_the_counted_asks_their_names() -> None:
    """ "Which US states' departments are among the seven that work with INL?": the members
    of a group counted, by name (not "which is the largest among them?")."""
    assert asks_for("which dog clubs are among the seven that train police dogs?") is Kind.MEMBERS
    assert asks_for("which dog club is the largest among them?") is not Kind.MEMBERS
    assert asks_for("which is the largest among the five dog clubs?") is not Kind.MEMBERS
    assert asks_for("which has the highest budget among the five dog clubs?") is not Kind.MEMBERS


def test_a_body_asked_after_by_or_as_a_name_is_a_body() -> None:
    """ "... certifié pour l'ADN par quel organisme ?", "the name of the body that certified
    the lab", "which company built the centre?": a body the question does not name (not
    "independent from which institution?", which the fact may name in passing)."""
    assert asks_for("le chenil national, certifié en 2018 par quel organisme ?") is Kind.BODY
    assert asks_for("Give me the name of the body that certified the dog lab.") is Kind.BODY
    assert asks_for("Which company built the dog training centre in Tangier?") is Kind.BODY
    assert asks_for("quelles entreprises ont construit le chenil ?") is Kind.BODY
    assert asks_for("The dog charter wants kennels independent from which institution?") is None


@pytest.mark.parametrize(
    "question",
    [
        "Moroccans who joined terrorist organizations since 2011, approximate number?",
        "prosecutors who attended the workshop - how many?",
        "officials who were trained, exact count?",
        "Moroccans who joined terrorist organizations since 2011: approximate number?",
        "prosecutors who attended the workshop — how many?",
        "les procureurs qui ont suivi l'atelier, combien ?",
    ],
)
def test_a_figure_asked_last_is_a_count(question: str) -> None:
    """ "Moroccans who joined ... since 2011, approximate number?": the figure is asked
    after what it counts; the "who" before it opens a relative clause, asking no one."""
    assert asks_for(question) is Kind.COUNT
    assert asks_for("which article of Law 27-14, number?") is Kind.ARTICLE
    assert asks_for("how long was the training, the total?") is Kind.DURATION
    assert asks_for("What is the EU-number?") is not Kind.COUNT
    # (a question opening on its own word asks that: which court, not how many)
    assert asks_for("which court handles dog theft cases, number?") is not Kind.COUNT
    assert asks_for("who runs the dog unit, number?") is not Kind.COUNT


def test_figures_offered_with_no_question_word_ask_a_count_or_a_year() -> None:
    """ "IPPOS trained 2000 or 3000 police peacekeepers?": figures guessed ask how many;
    years guessed ("the lab's certification, 2017 or 2019?") ask when; a question word
    still says what is asked."""
    assert asks_for("IPPOS trained 2000 or 3000 police peacekeepers?") is Kind.COUNT
    assert asks_for("the dog lab's certification, 2017 or 2019?") is Kind.DATE
    assert asks_for("le labo canin, certifié en 2017 ou 2019 ?") is Kind.DATE
    assert asks_for("which law, 27-14 or 14-27?") is not Kind.COUNT
    assert asks_for("the dog lab, Rabat or Tangier?") not in (Kind.COUNT, Kind.DATE)
    # (a length guessed is no count: "lasted 2 or 3 days?", "10 ou 15 ans ?")
    assert asks_for("the dog course lasted 2 or 3 days?") is not Kind.COUNT
    assert asks_for("les peines pour le vol de chiens, 10 ou 15 ans ?") is not Kind.COUNT
