"""Reading a question's words: typos, spellings, compounds, chat, on a few facts.

Each test fails when its rule is switched off.
"""

from __future__ import annotations

from builders import (
    FILLER,
    ids,
    make_entity,
    make_fact,
    make_matcher,
    words,
)

from bot.engine import Kind

# ---------------------------------------------------------------- reading words


def test_typo_correction_never_touches_a_real_word() -> None:
    matcher = make_matcher(make_fact("emerging", "Emerging threats were discussed."), *FILLER)
    assert words(matcher, "emergign threats") == ["emerging", "threats"]
    assert words(matcher, "merging threats") == ["merging", "threats"]


def test_a_mistyped_function_word_reads_as_one() -> None:
    """ "how mnay dogs work in Rabat abot?": "abot" is no word of ours, and no real word, but
    one letter off "about": it asks nothing more (and is no word the fact must hold)."""
    matcher = make_matcher(make_fact("dogs", "Twelve dogs work in Rabat."), *FILLER)
    assert words(matcher, "dogs abot rabat wich") == ["dogs", "rabat"]


def test_an_acronym_in_capitals_is_no_mistyped_function_word() -> None:
    """ "for the CVE section": "CVE" is one letter off "ive" and "OSCE" off "once", but a
    word written in capitals is a name the fact base may not know, not a typo."""
    matcher = make_matcher(make_fact("dogs", "Twelve dogs work in Rabat."), *FILLER)
    assert words(matcher, "dogs CVE rabat") == ["dogs", "cve", "rabat"]
    assert words(matcher, "dogs cve rabat") == ["dogs", "rabat"]


def test_i_e_and_e_g_are_no_words_of_the_question() -> None:
    """ "i.e." reads as "ie": not a word no fact holds, which would count against coverage."""
    matcher = make_matcher(make_fact("dogs", "Twelve dogs work in Rabat."), *FILLER)
    assert words(matcher, "dogs, i.e. rabat e.g. twelve") == ["dogs", "rabat", "twelve"]
    # ... nor is "selon" ("according to"), a function word as "according" is
    assert words(matcher, "selon rabat, dogs") == ["rabat", "dogs"]
    # ... nor are prepositions like "alongside" and "besides" ("alongside the bureau, how
    # many ...?"), which a fact seldom repeats
    assert words(matcher, "alongside rabat, besides dogs") == ["rabat", "dogs"]
    assert words(matcher, "dogs of every rabat unit") == ["dogs", "rabat", "unit"]  # as "each"


def test_a_french_word_in_an_english_message_may_be_a_typo() -> None:
    """ "cndh agrement signed when": "agrement" is a real French word, so it was never
    corrected; in English it is "agreement" mistyped. In French it stays."""
    fact = make_fact("a", "The dog agreement was signed in Rabat.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "when was the dog agrement signed") == ["dog", "agreement", "signed"]
    assert words(matcher, "dog agrement signed") == ["dog", "agreement", "signed"]  # no language
    assert "agrement" in words(matcher, "quand l'agrement canin a-t-il été signé")
    # An English word stays what it is.
    assert words(matcher, "when was the dog agreeing signed") == ["dog", "agreeing", "signed"]


def test_chat_shorthand_reads_as_the_words_it_stands_for() -> None:
    """ "how mnay dogs are ther": "ther" is in the list of real words (so the corrector
    leaves it), but in chat it is "there", a function word that asks nothing."""
    matcher = make_matcher(make_fact("dogs", "Twelve dogs work in Rabat."), *FILLER)
    assert words(matcher, "how many dogs are ther in rabat") == ["dogs", "rabat"]
    # "bring 2gether", "what does rabat dos": together, does (DOS in capitals stays a name)
    assert words(matcher, "dogs in rabat 2gether") == ["dogs", "rabat"]
    assert words(matcher, "what dogs dos rabat have") == ["dogs", "rabat"]
    # "wich dogs dose rabat train": "does"
    assert words(matcher, "which dogs dose rabat train") == ["dogs", "rabat", "train"]
    # "where are the dogs bein trained": "being", no word the corrector could make of it
    assert words(matcher, "where are dogs bein kept in rabat") == ["dogs", "kept", "rabat"]
    # "when did rabat sign thier dog deal": "their", a function word, asks nothing
    assert words(matcher, "where are thier dogs kept in rabat") == ["dogs", "kept", "rabat"]
    # "at the begining": "beginning", no word of the facts either
    assert words(matcher, "dogs in rabat at the begining") == ["dogs", "rabat", "beginning"]
    # "wat is rabat doin for the dogs": "doing", no word the corrector could make of it
    assert words(matcher, "what is rabat doin for the dogs") == ["rabat", "dogs"]
    # "esp women n children": especially, asking nothing
    assert words(matcher, "which dogs esp in rabat") == ["dogs", "rabat"]
    # "what does the abbreviation refer to", "the stated aim": words of asking
    assert words(matcher, "which dogs does rabat refer to") == ["dogs", "rabat"]
    assert words(matcher, "the stated dogs of rabat") == ["dogs", "rabat"]
    # "the 300-odd dogs": about 300
    assert words(matcher, "the 300-odd dogs in rabat") == ["300", "dogs", "rabat"]
    # "came from rabat": how the dogs got there, no word a fact must hold
    assert words(matcher, "which dogs came from rabat") == ["dogs", "rabat"]


def test_a_word_ending_as_said_is_read_as_spelt() -> None:
    """ "when was the dog constitushun adopted": "-shun" said for "-tion"."""
    matcher = make_matcher(make_fact("d", "The dog constitution was adopted in 2011."), *FILLER)
    assert words(matcher, "when was the dog constitushun adopted") == [
        "dog",
        "constitution",
        "adopted",
    ]


def test_un_in_an_english_question_is_the_un() -> None:
    """ "which un bodies will the dog training look at": lower-case chat for the UN (the
    French article "un" in a French question stays a stop word)."""
    un = make_entity("un", "institution", "United Nations", acronyms=["UN"])
    fact = make_fact("un", "The UN dog training looks at treaty bodies.", entities=["un"])
    matcher = make_matcher(fact, *FILLER, entities=[un])
    assert "un" in words(matcher, "which un bodies will the dog training look at")
    assert "un" not in words(matcher, "quand a eu lieu un atelier canin ?")


def test_a_french_elision_typed_without_its_apostrophe_is_read_apart() -> None:
    """ "quand est latelier de linl": "l'atelier de l'INL", the apostrophe not typed; in
    English "linl" stays what it is ("kan", chat for "quand", asks nothing)."""
    fact = make_fact(
        "dogs",
        "The INL dog workshop trains dogs in Rabat.",
        answer_fr="L'atelier canin de l'INL forme des chiens à Rabat.",
    )
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "quand est latelier de linl a rabat") == ["atelier", "inl", "rabat"]
    assert words(matcher, "c kan latelier canin de linl") == ["atelier", "canin", "inl"]
    assert "linl" in words(matcher, "the workshop of linl in rabat")
    # (A word of its own is no elision leaving three letters: "note" is no "n'ôte".)
    leash = make_fact("leash", "The trainer takes off the leash.", answer_fr="Il ôte la laisse.")
    with_ote = make_matcher(fact, leash, *FILLER)
    assert "ote" not in words(with_ote, "dans ma note sur latelier canin de linl")
    # "organise-t-il des ateliers": the same of "organiser"
    organised = words(matcher, "combien d'ateliers l'INL organise-t-il à rabat")
    assert organised == ["ateliers", "inl", "rabat"]
    # "mène-t-il des ateliers": "mener", a verb that only carries the question
    assert words(matcher, "combien d'ateliers l'INL mène-t-il à rabat") == [
        "ateliers",
        "inl",
        "rabat",
    ]
    # "c ki": chat for "c'est qui", a question word
    assert words(matcher, "c ki latelier de linl") == ["atelier", "inl"]
    # "pkoi": chat for "pourquoi", a question word
    assert words(matcher, "pkoi latelier de linl") == ["atelier", "inl"]
    # "cmb": chat for "combien", a question word
    assert words(matcher, "cmb d ateliers a rabat") == ["ateliers", "rabat"]
    # "les 1eres": les premières
    assert words(matcher, "les 1eres atelier canin")[0] == "premieres"
    # "combien ya de": il y a
    assert words(matcher, "combien ya datelier canin a rabat") == ["atelier", "canin", "rabat"]
    # "ment to do": meant
    assert words(matcher, "wat were the rabat dogs ment to do") == ["rabat", "dogs", "meant"]
    # "quun": qu'un, its apostrophe dropped
    assert words(matcher, "le pays quun atelier canin a rabat") == [
        "pays",
        "atelier",
        "canin",
        "rabat",
    ]


def test_chat_abbreviations_of_nouns_read_in_full() -> None:
    """ "how many moroccans joined terrorist orgs?": "orgs" is organizations, "prog" a
    programme, "trng" training, as "govt" is government."""
    fact = make_fact("orgs", "Twelve dog organizations run a training programme in Rabat.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "dog orgs prog trng") == ["dog", "organizations", "programme", "training"]
    assert ids(matcher.ask("how many dog orgs run a trng prog in rabat?").facts) == ["orgs"]


def test_an_inflection_one_letter_off_another_word_is_a_typo() -> None:
    fact = make_fact("p", "Prosecutors prosecute traffickers.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "prosecuters") == ["prosecutors"]


def test_british_and_american_spellings_meet() -> None:
    matcher = make_matcher(make_fact("w", "A workshop was organized in Rabat."), *FILLER)
    assert words(matcher, "organised workshop") == ["organized", "workshop"]


def test_a_doubled_l_is_no_other_word() -> None:
    """ "travelled" is "traveled", but "the crowd that filled the streets" did not file them."""
    fact = make_fact("f", "Officers traveled to Rabat; the report was filed in May.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "crowd filled streets") == ["crowd", "filled", "streets"]
    assert ids(matcher.ask("officers travelling to rabat?").facts) == ["f"]


def test_compounds_are_joined_and_split_to_the_fact_base_words() -> None:
    fact = make_fact("c", "A postblast course on terrorism for anti units.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "post blast course") == ["postblast", "course"]
    assert words(matcher, "antiterrorism course") == ["anti", "terrorism", "course"]
    # "a way" after an article is a noun, though "away" is a word of the facts.
    away = make_fact("w", "The dogs ran away to train anti units.")
    assert "way" in words(make_matcher(away, *FILLER), "is it a way to train dogs")


def test_a_time_of_day_is_no_figure() -> None:
    """ "meeting at 3?", "lunch at 1 tomorrow": a time; "dogs at 5 ports" counts ports."""
    matcher = make_matcher(make_fact("m", "Five dogs work at 3 ports since day 1."), *FILLER)
    assert words(matcher, "dogs meeting at 3?") == ["dogs", "meeting"]
    assert words(matcher, "dogs at 1 tomorrow") == ["dogs", "tomorrow"]
    assert words(matcher, "dogs around 3 pm") == ["dogs", "pm"]
    assert words(matcher, "dogs at 3 ports") == ["dogs", "3", "ports"]
    assert words(matcher, "dogs at 30") == ["dogs", "30"]


def test_a_chat_one_is_the_pronoun_not_a_figure() -> None:
    matcher = make_matcher(make_fact("m", "Morocco co-chaired the forum."), *FILLER)
    assert words(matcher, "which 1 did morocco co-chair") == ["morocco", "co", "chair"]
    assert words(matcher, "just 1 day") == ["1", "day"]


def test_a_chat_two_between_two_verbs_is_to() -> None:
    """ "what does the unit plan 2 do for dogs": "to"; "have 2 dogs" and "phase 2 start" are
    figures."""
    matcher = make_matcher(make_fact("d", "The unit plans to train dogs."), *FILLER)
    assert words(matcher, "unit plan 2 do dogs") == ["unit", "plan", "dogs"]
    assert words(matcher, "unit have 2 dogs") == ["unit", "2", "dogs"]
    # Before a verb no figure counts, and between "according" and "the".
    assert words(matcher, "unit plans 2 enhance dogs") == ["unit", "plans", "enhance", "dogs"]
    assert words(matcher, "police 2 counter dogs") == ["police", "counter", "dogs"]
    assert words(matcher, "dogs acc 2 the unit") == ["dogs", "acc", "unit"]
    assert words(matcher, "the 2 counter units") == ["2", "counter", "units"]


def test_a_chat_four_before_the_or_after_stand_is_for() -> None:
    """ "what does ToT stand 4", "trained 4 the network": "for"; "4 dogs" is a figure."""
    matcher = make_matcher(make_fact("d", "The unit trains dogs for the port."), *FILLER)
    assert words(matcher, "what does dog stand 4") == ["dog", "stand"]
    assert words(matcher, "dogs trained 4 the port") == ["dogs", "trained", "port"]
    assert words(matcher, "unit trained 4 dogs") == ["unit", "trained", "4", "dogs"]
    # after a word "for" follows ("center 4", "time 4"), or ending a question
    assert words(matcher, "dog training center 4 the port") == ["dog", "training", "center", "port"]
    assert words(matcher, "prison time 4 dogs") == ["prison", "time", "dogs"]
    assert words(matcher, "what is the dog unit responsible 4") == ["dog", "unit", "responsible"]
    assert words(matcher, "which port does the dog unit work 4") == ["port", "dog", "unit", "work"]
    assert words(matcher, "what does dog article 4") == ["dog", "article", "4"]


def test_a_two_digit_year_after_since_is_a_year() -> None:
    """ "how many dogs since 08": since 2008; "the 08 unit" is no year."""
    matcher = make_matcher(make_fact("d", "The unit has trained dogs since 2008."), *FILLER)
    assert words(matcher, "dogs trained since 08") == ["dogs", "trained", "since", "2008"]
    assert words(matcher, "chiens formés depuis 08")[-1] == "2008"
    assert "08" in words(matcher, "the 08 dog unit")


def test_a_number_after_a_phase_is_its_rank() -> None:
    """ "phase 2" is the second phase, ranked as "the second phase" is: not "days 1-2"."""
    matcher = make_matcher(make_fact("d", "The dog phase started on days 1-2."), *FILLER)
    assert words(matcher, "dog phase 2 start") == ["dog", "second", "phase", "start"]
    assert not matcher.ask("when did the dog phase 2 start?").answered
    assert matcher.ask("when did the dog phase start?").answered
    # ("phase2", "day3": glued to its number, the same; "incl" is "including")
    assert words(matcher, "dog phase2 start") == ["dog", "second", "phase", "start"]
    assert words(matcher, "dog day3 incl") == ["dog", "day", "3", "including"]
    assert words(matcher, "approx dog phase") == ["dog", "phase"]  # ("approximately")
    assert words(matcher, "dog g20") == ["dog", "g20"]


def test_french_chat_cb_and_sept_before_a_year() -> None:
    """ "cb de procureurs ... en sept 2018": "combien", and September (not seven) before a
    year; "sept ans" stays seven years."""
    matcher = make_matcher(make_fact("d", "Seven dog handlers met in September 2018."), *FILLER)
    assert words(matcher, "cb de dog handlers en sept 2018") == [
        "dog",
        "handlers",
        "september",
        "2018",
    ]
    assert "sept" in words(matcher, "dog handlers sept ans")
    assert matcher.ask("cb de dog handlers en sept 2018 ?").asks_for is Kind.COUNT


def test_french_chat_shorthand_reads_in_full() -> None:
    """ "ds le réseau", "c'est pr un brief", "des orgas", "sa premiere certif"."""
    matcher = make_matcher(make_fact("d", "Dog organisations got a certification."), *FILLER)
    assert words(matcher, "orgas ds le pr certif") == ["organisations", "certification"]
    # "la nvelle loi": the new law
    assert words(matcher, "la nvelle certif") == words(matcher, "la nouvelle certif")
    assert "nvelle" not in words(matcher, "la nvelle certif")


def test_min_of_is_a_ministry() -> None:
    """ "the min of justice" is the ministry; "10 min" stays minutes."""
    matcher = make_matcher(make_fact("m", "The Ministry of Dogs trains ten handlers."), *FILLER)
    assert words(matcher, "min of dogs") == ["ministry", "dogs"]
    assert words(matcher, "10 min") == ["10", "min"]


def test_long_words_may_be_two_edits_off_short_ones_not() -> None:
    fact = make_fact("t", "Prosecutors attended a training. The cat sat.")
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "trxinig") == ["training"]  # 7 letters, two edits
    assert words(matcher, "cta") == ["cta"]  # 3 letters: never corrected


def test_two_edits_are_a_typo_only_with_the_first_letter_right() -> None:
    matcher = make_matcher(make_fact("t", "Prosecutors attended a training."), *FILLER)
    assert words(matcher, "trxinig") == ["training"]
    assert words(matcher, "xrainig") == ["xrainig"]


def test_a_word_of_a_curated_name_no_fact_holds_is_never_split() -> None:
    """ "Dogsworth" is a curated name: not "dogs worth", even if no fact names it."""
    dogsworth = make_entity("dogsworth", "institution", "Dogsworth Kennel")
    facts = (make_fact("dogs", "The dogs were worth it."), *FILLER)
    matcher = make_matcher(*facts, entities=[dogsworth])
    assert words(matcher, "When did the Dogsworth Kennel open?") == ["dogsworth kennel", "open"]


def test_a_typo_that_only_dropped_letters_reads_as_the_word_it_dropped_them_from() -> None:
    """ "trafiking" is two edits from both "trafficking" and the commoner "training": a
    typo drops letters more often than it changes them, so "trafficking"."""
    fact = make_fact(
        "t",
        "Training, training and more training on trafficking.",
        ask=["training on training"],
    )
    matcher = make_matcher(fact, *FILLER)
    assert words(matcher, "trafiking") == ["trafficking"]


def test_an_ing_without_its_g_is_the_ing() -> None:
    """ "which agency has inl been workin with": chat drops the g of "-ing"."""
    matcher = make_matcher(make_fact("w", "Dog handlers are working in Rabat."), *FILLER)
    assert words(matcher, "dog handlers workin rabat") == ["dog", "handlers", "working", "rabat"]
    # ("tryin to": a function word, left out as it would be spelt in full.)
    assert words(matcher, "dog handlers tryin rabat") == ["dog", "handlers", "rabat"]


def test_an_acronym_said_letter_by_letter_reads_as_it() -> None:
    """ "the bee sea eye jay", "dee gee a p r", "eye lea's": speech-to-text writes the
    letters' names; a run of them that spells one of our acronyms is that acronym (its last
    token may be the rest of the name as a word). Everyday words that name letters ("see
    you", "are") spell nothing unless a name only letters have is said."""
    bcij = make_entity("bcij", "institution", "Central Bureau", acronyms=["BCIJ"])
    ilea = make_entity("ilea", "institution", "Law Academy", acronyms=["ILEA"])
    cu = make_entity("cu", "institution", "Customs Unit", acronyms=["CU"])
    matcher = make_matcher(
        make_fact("set-up", "The BCIJ was set up in May 2015.", entities=["bcij"]),
        make_fact("academies", "There are five ILEAs.", entities=["ilea"]),
        make_fact("customs", "The CU checks the port.", entities=["cu"]),
        *FILLER,
        entities=[bcij, ilea, cu],
    )
    assert "bcij" in words(matcher, "when was the bee sea eye jay set up")
    assert "ilea" in words(matcher, "how many eye lea are there")
    assert "bcij" in words(matcher, "when was the bee c i j set up")
    assert "cu" not in words(matcher, "see you at the dee meeting")
    assert "jay" in words(matcher, "the bee and the jay")  # (no acronym spelled)


def test_two_words_mistyping_a_name_together_read_as_it() -> None:
    """ "tiff let", "glow act": speech-to-text writes a name it does not know as two words,
    together one edit from one of our names. Not two words of which one is ours or the typo
    of one, a short one ("a count"), one in capitals ("norme ISO"), nor what comes near no
    name of ours ("care line": Caroline)."""
    tiflet = make_entity("tiflet", "place", "Tiflet")
    globe = make_entity("glo-act", "programme", "GLO.ACT", acronyms=["GLO.ACT"])
    matcher = make_matcher(
        make_fact("centre", "A training centre was built in Tiflet.", entities=["tiflet"]),
        make_fact("budget", "GLO.ACT has a budget.", entities=["glo-act"]),
        make_fact("caroline", "Caroline met the account holders."),
        *FILLER,
        entities=[tiflet, globe],
    )
    assert "tiflet" in words(matcher, "which town tiff let")
    assert "gloact" in words(matcher, "glow act budget")
    assert "caroline" not in words(matcher, "the care line")
    assert "tiflet" not in words(matcher, "which town TIFF let")
    assert "tiflet" not in words(matcher, "which town tifff let")  # (two edits)
    aslan = make_entity("aslan", "place", "Aslan")
    matcher = make_matcher(
        make_fact("port", "The port of Aslan opened.", entities=["aslan"]),
        *FILLER,
        entities=[aslan],
    )
    assert "aslan" not in words(matcher, "from a slam port")  # (an article, a word)
    matcher = make_matcher(
        make_fact("centre", "A training centre was built in Tiflet.", entities=["tiflet"]),
        make_fact("tiff", "A tiff broke out at the port."),
        *FILLER,
        entities=[tiflet],
    )
    assert "tiflet" not in words(matcher, "which town tiff let")  # (both words ours)
