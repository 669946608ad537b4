"""The synonym groups the engine names exist, and are named one way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.factbase import FactBase, check_factbase, default_facts_dir
from bot.core.text import fold
from bot.engine import Matcher
from bot.engine.lexicon import NAMED_SYNONYM_GROUPS, named_group


def test_named_synonym_groups_are_checked() -> None:
    assert named_group("stand-for") == "~stand-for"
    with pytest.raises(ValueError):
        named_group("no-such-group")


def test_every_named_synonym_group_exists_in_the_fact_base(factbase: FactBase) -> None:
    groups = {group.id for group in factbase.synonyms}
    assert sorted(NAMED_SYNONYM_GROUPS - groups) == []
    assert all(fold(g) == g for g in NAMED_SYNONYM_GROUPS)


def test_lint_reports_a_named_group_that_is_gone(tmp_path: Path) -> None:
    """Renaming or deleting a group the engine relies on is a lint error, not a silent change."""
    base = tmp_path / "facts"
    (base / "sources").mkdir(parents=True)
    for path in default_facts_dir().rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            target = base / path.relative_to(default_facts_dir())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    aliases = base / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8").replace("id: stand-for", "id: acronym"))
    _, problems = check_factbase(base, named_groups=NAMED_SYNONYM_GROUPS)
    assert [str(p) for p in problems] == [
        "aliases.yaml:1: the answering engine relies on synonym group 'stand-for', "
        "which `synonyms` does not define"
    ]
    _, clean = check_factbase(default_facts_dir(), named_groups=NAMED_SYNONYM_GROUPS)
    assert clean == []


def test_morocco_s_country_code_in_capitals_names_it(matcher: Matcher) -> None:
    """Officers write "MA" for Morocco in chat ("when did MA approve the charter?"); the
    French "ma" (my) names nothing."""
    assert "@morocco" in {s.concept for s in matcher.analyse("when did MA approve the charter?")}
    assert "@morocco" not in {
        s.concept for s in matcher.analyse("ma collègue demande quand la charte a été adoptée")
    }


_READ_FOUNDER = """
from bot.core.text import Token
from bot.engine.lexicon import Lexicon
lexicon = Lexicon()
lexicon.add("found", "~found")  # its keys: e:found, f:found
lexicon.add("founder", "~founder")  # e:founder, and f:found too
lexicon.finalise()
print(lexicon.phrase_at([Token("founder", False)], 0, None))
"""


def test_a_word_whose_stems_start_two_names_reads_the_same_in_every_process() -> None:
    """ "founder" has an English stem of its own and the French stem of "found": the
    English one is tried first, whatever order the process's string hashing gives the
    set of its keys (the same question once read two ways from one run to the next)."""
    readings = {
        subprocess.run(
            [sys.executable, "-c", _READ_FOUNDER],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert readings == {"(1, '~founder')"}


def test_coming_into_force_is_not_the_signing(matcher: Matcher) -> None:
    """ "When did the Morocco-US FTA enter into force?": the sources give the year it was
    signed, not when it took effect (a group of its own in facts/aliases.yaml)."""
    assert matcher.ask("When was the Morocco-US FTA signed?").answered
    assert not matcher.ask("When did the Morocco-US FTA enter into force?").answered


def test_a_name_with_dots_is_a_word_the_shipped_base_knows(matcher: Matcher) -> None:
    """ "How long does GLO.ACT run and what is its budget?": "its" points at GLO.ACT, a
    word the fact base knows without its dot ("gloact"), so the second question keeps it."""
    assert matcher.ask("How long does GLO.ACT run and what is its budget?").answered


def test_custody_is_an_arrest_and_a_tip_passed_to_someone_is_given(matcher: Matcher) -> None:
    """ "Who ended up in custody thanks to the tip Morocco passed to French investigators?"
    asks who was arrested on information Morocco gave; a law "passed" is still adopted."""
    concepts = {
        s.concept
        for s in matcher.analyse("who ended up in custody after the tip Morocco passed to France?")
    }
    assert {"~arrest", "~provide"} <= concepts
    assert "~adopted" not in concepts
    assert "~adopted" in {s.concept for s in matcher.analyse("when was the law passed?")}


def test_the_human_rights_council_and_the_national_police_are_morocco_s(matcher: Matcher) -> None:
    """In this base "the human rights council" is the CNDH and "the national police" is
    Morocco's: "when did the human rights council and the national police sign?"."""
    concepts = {
        s.concept
        for s in matcher.analyse("when did the human rights council and the national police sign?")
    }
    assert {"@cndh", "@moroccan-national-police"} <= concepts
    assert "@haitian-national-police" not in concepts
    assert "@moroccan-national-police" not in {
        s.concept for s in matcher.analyse("who trains the Haitian National Police?")
    }


def test_coming_back_home_is_returning(matcher: Matcher) -> None:
    """ "How many of those Moroccans have since come back home?" asks for returnees, a count
    the sources do not give; it is no question of how many left."""
    question = "How many of the Moroccans who joined terrorist groups have since come back home?"
    assert "~returnees" in {s.concept for s in matcher.analyse(question)}
    assert not matcher.ask(question).answered


def test_no_ask_phrasing_names_morocco_s_national_police_by_its_stems(matcher: Matcher) -> None:
    """ "nations' police" stems as "national police" (Morocco's): an ask phrasing saying it
    made a fact on other countries' police units answer "did IPPOS work with the national
    police of Nepal?"."""
    assert not matcher.ask("Did IPPOS work with the national police of Nepal?").answered


def test_the_sentences_for_joining_isis_are_the_2015_law_s(matcher: Matcher) -> None:
    """The source gives the 5-15 year sentences in its paragraph on the January 2015
    anti-terrorism law ("The bill amends ..."): a question naming the law gets them."""
    answer = matcher.ask(
        "prison sentences for trying to join ISIS under the 2015 anti-terrorism law?"
    )
    assert [m.fact.id for m in answer.facts][:1] == ["prison-sentences-joining-islamic-state"]


def test_the_top_job_is_the_chair(matcher: Matcher) -> None:
    """ "When did Morocco take over the top job at the forum?": the chair (co-chair)."""
    assert "~co-chair" in {s.concept for s in matcher.analyse("Morocco took the top job")}


def test_to_preside_is_to_chair_not_two_words(matcher: Matcher) -> None:
    """ "Qui préside le CNDH ?": a chair, which no CNDH fact names (not "pre" and "side",
    split as unknown words are, which let a CNDH fact answer)."""
    assert "~co-chair" in {s.concept for s in matcher.analyse("qui préside le CNDH")}
    assert not matcher.ask("Qui préside actuellement le CNDH ?").answered


def test_everyday_idioms_of_signing_approval_and_schemes(matcher: Matcher) -> None:
    """ "put pen to paper" signs, a "stamp of approval" certifies, and a "scheme" is a
    programme (British English)."""
    assert "~signed" in {s.concept for s in matcher.analyse("they put pen to paper")}
    assert "~certification" in {s.concept for s in matcher.analyse("a stamp of approval")}
    assert "~programme" in {s.concept for s in matcher.analyse("the joint scheme")}
    assert "~prosecute" in {s.concept for s in matcher.analyse("how to pursue graft cases")}
    # "By how much did Washington raise its aid?": a growth ("it doubled" says how much).
    assert "~stepped-up" in {s.concept for s in matcher.analyse("did Washington raise its aid")}
    assert "@new-mexico-attorney-general" in {
        s.concept for s in matcher.analyse("the new mexico AG office")
    }


def test_everyday_idioms_read_as_what_they_mean(matcher: Matcher) -> None:
    """ "hop on board" joins, "take the reins" chairs, "get the ball rolling" opens, "pitch
    in" helps, a "get-together" is a training round, "bosser avec" is to work with, and
    one's "counterpart" is a partner ("INL's Moroccan counterpart for prisons")."""
    cases = {
        "when did Morocco hop on board": "~join",
        "Morocco took the reins": "~co-chair",
        "who got the ball rolling": "~opened",
        "departments pitch in": "~help",
        "the second get-together": "~training",
        "le Maroc bosse avec les Américains": "~cooperation",
        "INL's counterpart for prisons": "~cooperation",
        "le labo forensique": "~forensic",
        "combien de gens": "~citizens",
        "combien d'agents et d'experts": "~official",
        "ils forment combien de procureurs": "~training",
        "ils ont gonflé leur aide": "~stepped-up",
        "the regional training hub": "~training-center",
        "the outlay on the centre": "~budget",
        "the top brass at the bureau": "~head",
        "les départements correctionnels des États": "~prison",
        "le Maroc s'est doté d'une constitution": "~adopted",
        "au départ, les formations": "~previous",
        "the co-chairmanship of the forum": "~co-chair",
        "la personne arrêtée": "~arrest",
        "la DGSN en toutes lettres": "~stand-for",
        "combien d'accords a-t-il conclus": "~signed",
        "which stages of the process": "~phase",
        "les étapes de la procédure": "~phase",
        "the recently independent judiciaries": "~new",
        "prosecutors acquired knowledge": "~gain",
        "the session is expected to gather 20 officials": "~centralize",
        "il a travaillé sur des vrais cas": "~real-life-cases",
        "the national police lab's certification": "@moroccan-police-forensic-lab",
        "dans le sillage de la nouvelle constitution": "~as-a-result-of",
        "20 officials will be brought together": "~centralize",
        "police joining the UN mission in Mali": "~peacekeeping",
        "créé pour piloter la lutte antiterroriste": "~principal",
        "quels organes de l'ONU": "~treaty-bodies",
        "the US anti-drug and law enforcement bureau": "@inl",
        "the course will look at asylum": "~cover",
        "elle a ouvert la session en disant": "~speech",
        "the multilateral counterterrorism forum": "@gctf",
        "le CNDH a monté son programme": "~established",
        "a non-custodial way of punishing": "~alternative-sentencing",
        "to build up Haiti's national police": "~stepped-up",
        "which UN convention on migrant workers": "@migrant-workers-convention",
        "the hunt for those behind the attacks": "~locate",
        "the attacks in the French capital": "@paris",
        "agreements with US police departments and AGs": "~attorneys-general",
        "which envoys from the EU's mission in Morocco": "@eu-delegation-morocco",
        "which envoys sat in": "~official",
        "the attacks that drove a million to march": "~trigger",
        "the two experts running the debates": "~facilitate",
        "la formation va parler de quoi": "~debate",
        "les sujets évoqués pendant la session": "~debate",
        "la responsable qui a parlé à l'atelier": "~speech",
        "les actes rendus punissables en 2015": "~criminalize",
        "what did Morocco contribute after the attacks": "~provide",
        "what did Rabat hand over": "~provide",
        "the man behind the Paris attacks": "~mastermind",
        "intelligence that let the police find him": "~locate",
        "who came from the EU's diplomatic mission in Morocco": "@eu-delegation-morocco",
        "does INL support the MoJ": "@moroccan-ministry-of-justice",
        "the judiciary was supposed to become independent": "~calls-for",
        "ce que les pays réclament le plus souvent": "~requested",
        "what did the training focus on at the beginning": "~previous",
        "the newer UN mandate for Mali": "~new",
        "quel service apprend à la police haïtienne": "~training",
        "how did the US change its aid in recognition of its role": "~recognition",
        "qui a lancé l'atelier en demandant pourquoi": "~opened",
        "dans combien de pays dispensent-ils leurs programmes": "~training",
        "whose access does the programming put the emphasis on": "~focus",
        "GLO.ACT's target countries": "~target",
        "qui met le projet en œuvre": "~implement",
        "avec qui mettent-elles le projet en œuvre": "~implement",
        "the charter that followed the new constitution": "~as-a-result-of",
        "under the 2013 judicial reform plan": "@judicial-reform-charter",
        "quand l'INL a-t-il sorti un guide": "~publish",
        "combien d'agents prennent part à la session": "~participants",
        "qu'est-ce que le Maroc a apporté aux enquêteurs": "~provide",
        "le pacte mondial qu’ils étudient": "@global-compact-for-migration",
        "les conventions qu'ils étudient": "~cover",
        "how many international police academies": "@ilea",
        "the trade in human beings": "~human-trafficking",
        "pour couper les financements du terrorisme": "~block",
        "to cut off terrorist funding": "~block",
        "l'objectif à long terme de l'INL": "~sustainable",
        "its long-term goal": "~sustainable",
        "le Maroc, acteur influent": "~influence",
        "où le Maroc exerce-t-il une influence": "~influence",
        "where does Morocco carry influence": "~influence",
        "what does the programme hope to change": "~goal",
        "what outcomes does it hope for": "~goal",
        "what trafficking strips human beings of": "~citizens",
        "what does the status make it eligible for": "~qualify",
        "à quoi ce statut rend-il le Maroc éligible": "~qualify",
        "police dealings with migrants": "~interactions",
        "how Morocco deals with UN treaty bodies": "~interactions",
        "INL's partnership deals with US agencies": "~agreement",
        "between the rights council and the security directorate": "@dgsn",
        "les infractions relèvent-elles des cours d'appel": "~handle",
        "which attacks hardened Morocco's resolve": "~stepped-up",
        "à quoi sert le programme": "~goal",
        "what is CNDH in English": "~stand-for",
        "the official English name of the CNDH": "~stand-for",
        "Morocco helped catch someone": "~arrest",
        "which kind of INL help is rarer than training": "~less-common",
        "the end goal of the training": "~goal",
        "what practical exercises will participants do": "~activities",
        "what practical material will officers work through": "~activities",
    }
    for text, concept in cases.items():
        assert concept in {s.concept for s in matcher.analyse(text)}, text


def test_a_fact_sheet_is_not_a_watch_list(matcher: Matcher) -> None:
    """ "d'après la fiche de l'INL" is the sheet the asker read; people on a watch list are
    "fichés" only with the word for them ("voyageurs fichés")."""
    assert "~watch-listed" not in {s.concept for s in matcher.analyse("la fiche de l'INL")}
    assert "~watch-listed" in {s.concept for s in matcher.analyse("les voyageurs fichés")}


def test_the_tot_programme_was_launched_in_rabat(matcher: Matcher) -> None:
    """The CNDH-DGSN article is datelined "Rabat –": the programme it reports was introduced
    there ("which two institutions launched the new ToT program in Rabat?")."""
    answer = matcher.ask(
        "which two institutions launched the new training of trainers program in Rabat?"
    )
    assert [m.fact.id for m in answer.facts][:1] == ["cndh-dgsn-tot-programme"]


def test_le_plus_souvent_demande_is_most_requested(matcher: Matcher) -> None:
    """ "quel type d'assistance est le plus souvent demandé ?": most requested (training), not
    "le plus souvent" and a stray "demandé"."""
    question = "quel type d'assistance est le plus souvent demandé par les pays hôtes ?"
    assert "~requested" in {s.concept for s in matcher.analyse(question)}


def test_the_attacks_that_led_to_the_march_are_dated_by_the_march(matcher: Matcher) -> None:
    """The Casablanca march followed the May 16, 2003 attacks, and its fact dates them:
    "when did the attacks ... that led to a mass march in Casablanca take place?"."""
    answer = matcher.ask(
        "When did the attacks on foreign and Jewish targets that led to a mass march in"
        " Casablanca take place?"
    )
    assert [m.fact.id for m in answer.facts][:1] == ["casablanca-march-against-terrorism"]


def test_a_part_of_africa_is_in_africa(matcher: Matcher) -> None:
    """ "Le TSCTP aide les partenaires de quelles régions d'Afrique ?": "West and North
    Africa" are regions of Africa; a fact naming them holds Africa."""
    answer = matcher.ask("Le TSCTP aide les partenaires de quelles régions d'Afrique ?")
    assert [m.fact.id for m in answer.facts][:1] == ["tsctp-goal"]


def test_no_source_dates_the_working_group_co_chairmanship(matcher: Matcher) -> None:
    """Morocco co-chaired the GCTF's working group on foreign terrorist fighters "for a number
    of years" before April 2016: when it began is nowhere, and the April 2016 fact (the
    Forum's co-chair) does not quote the working group."""
    assert not matcher.ask(
        "In what year did Morocco start co-chairing the GCTF working group on foreign terrorist"
        " fighters?"
    ).answered


def test_nothing_was_renewed(matcher: Matcher) -> None:
    """No source says a framework was renewed: "is the civil security training framework
    going to be renewed next year?" asks what none says."""
    assert not matcher.ask(
        "is the US-Morocco civil security training framework going to be renewed next year?"
    ).answered


def test_se_passe_is_where_it_takes_place(matcher: Matcher) -> None:
    """ "la formation CNDH/DGSN sur les migrants, ça se passe où ?": the venue answers."""
    answer = matcher.ask("la formation CNDH/DGSN sur les migrants, ça se passe où ?")
    assert [m.fact.id for m in answer.facts][:1] == ["cndh-dgsn-first-session-venue"]


def test_le_numero_de_la_loi_needs_no_word_numero(matcher: Matcher) -> None:
    """ "Quel est le numéro de la loi marocaine sur la traite ?": Law 27-14 answers, though no
    fact says "numéro" (the words naming a law number are credited)."""
    answer = matcher.ask("Quel est le numéro de la loi marocaine sur la traite des êtres humains ?")
    assert answer.answered and "27-14" in answer.facts[0].fact.answer


def test_arrangements_are_agreements_and_trying_is_a_hedge(matcher: Matcher) -> None:
    """ "arrangements" are agreements; "try / trying / thought to" say how sure or how hard,
    not what ("how does Morocco try to stop ...?", "Moroccans thought to have gone off")."""
    assert "~agreement" in {s.concept for s in matcher.analyse("how many arrangements?")}
    assert [s.text for s in matcher.analyse("how does Morocco try to block it?")] == [
        "morocco",
        "block",
    ]


def test_un_police_missions_are_peacekeeping(matcher: Matcher) -> None:
    """ "the programme for UN police missions": peacekeeping."""
    assert "~peacekeeping" in {s.concept for s in matcher.analyse("for UN police missions")}


def test_what_is_asked_of_a_news_item_itself_keeps_it(matcher: Matcher) -> None:
    """ "When did UNODC publish its news item about ...?" asks of the item: it is not set
    aside as where the asker read it, so the training's own date does not answer; the
    item's dateline does."""
    question = "When did UNODC publish its news item about the second Casablanca training?"
    answer = matcher.ask(question)
    assert [m.fact.id for m in answer.facts] == ["glo-act-prosecutor-network-article-dateline"]


def test_too_little_left_once_set_apart_is_asked_as_written(matcher: Matcher) -> None:
    """ "Apart from the Ministry of Justice, who else does INL support?": "who else does INL
    support?" alone asks too little (two slots) and any INL fact would do; as written, the
    fact on INL's justice reform partners answers."""
    question = "apart from the Ministry of Justice, who else does INL support?"
    assert [m.fact.id for m in matcher.ask(question).facts][:1] == [
        "inl-justice-sector-reform-partners"
    ]


@pytest.mark.parametrize(
    "message",
    [
        # The names of bodies do not say whose first name "her" asks for.
        "Ms. Oufroukhi of the public prosecution is quoted in the GLO.ACT article - what is "
        "her first name?",
        # With the context's names alone, the programme's fact only comes near: no budget.
        "Our human rights unit wants to co-fund the next round of the CNDH-DGSN training of "
        "trainers. Before I raise it at the Tuesday meeting, what budget has been allocated "
        "to the programme?",
    ],
)
def test_the_names_of_the_context_answer_only_outright(matcher: Matcher, message: str) -> None:
    assert not matcher.ask(message).answered


def test_a_season_names_no_thing_asked(matcher: Matcher) -> None:
    """ "Which agency set up in spring 2015 ...?": the season only dates it, as "autumn" and
    "summer" do; no fact need hold the word."""
    assert "spring" not in {
        s.text for s in matcher.analyse("which agency was set up in spring 2015")
    }


def test_what_a_status_brings_is_its_benefit(matcher: Matcher) -> None:
    """ "What does Morocco gain from being treated by Washington as a major ally outside
    NATO?": the status's benefits (its fact's tags), however the source is said to put it."""
    answer = matcher.ask(
        "What does Morocco gain from being treated by Washington as a major ally outside NATO?"
    )
    assert answer.answered and answer.facts[0].fact.id == "major-non-nato-ally-status"


def test_the_dateline_article_reports_the_second_training(matcher: Matcher) -> None:
    """The UNODC story datelined 4 October 2018 is the one on the network's second training."""
    answer = matcher.ask(
        "On what date was the UNODC story about the second prosecutor training in Casablanca "
        "datelined?"
    )
    assert answer.answered
    assert answer.facts[0].fact.id == "glo-act-prosecutor-network-article-dateline"


def test_how_people_reacted_is_the_march(matcher: Matcher) -> None:
    """ "How did Moroccans react after the 2003 bombings?": the march (its fact's tags)."""
    answer = matcher.ask("How did ordinary Moroccans react in Casablanca after the 2003 bombings?")
    assert answer.answered and answer.facts[0].fact.id == "casablanca-march-against-terrorism"


def test_what_participants_will_do_is_the_course_method(matcher: Matcher) -> None:
    """ "what will participants actually do in the CNDH-DGSN sessions?": the fact on what
    they do (real-life cases, tagged with the course's activities), not who takes part."""
    answer = matcher.ask("what will participants actually do during the CNDH-DGSN sessions?")
    assert answer.answered and answer.facts[0].fact.id == "cndh-dgsn-training-methods"


def test_building_capacity_instead_of_dependency_is_sustainable_capacity(matcher: Matcher) -> None:
    """ "What does INL try to build in host countries instead of a system that keeps depending
    on foreign aid?": the sustainable-capacity fact (its tags say it builds capacity)."""
    answer = matcher.ask(
        "What does INL try to build in host countries instead of a system that keeps depending "
        "on foreign aid?"
    )
    assert answer.answered and answer.facts[0].fact.id == "inl-sustainable-capacity"
