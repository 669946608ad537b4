"""The bot's own words in English and French, in one place.

Facts carry their own French line (`answer_fr`); this is everything else the
bot says: labels, abstentions, help, digest headings. `tr(key, lang)` falls back
to English, so a missing French string never breaks a reply.
"""

from __future__ import annotations

LANGUAGES = ("en", "fr")

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

CATALOGUE: dict[str, dict[str, str]] = {
    "dont_know": {
        "en": "I don't know: the fact base does not answer “{question}”.",
        "fr": "Je ne sais pas : la base de faits ne répond pas à « {question} ».",
    },
    "noted": {
        "en": " I've noted the question for the curators.",
        "fr": " J'ai transmis la question aux curateurs.",
    },
    "closest": {"en": "Closest facts I have:", "fr": "Les faits les plus proches :"},
    "try_other_words": {
        "en": "Try other words, or `/facts topics` to browse what I know.",
        "fr": "Essayez d'autres mots, ou `/facts sujets` pour parcourir ce que je sais.",
    },
    "long_question": {
        "en": "Your question was long, so I read only its beginning.",
        "fr": "Votre question était longue : je n'en ai lu que le début.",
    },
    "you_asked": {"en": "You asked: {question}", "fr": "Votre question : {question}"},
    "original_quote": {
        "en": "Original quote",
        "fr": "Citation originale (en anglais)",
    },
    "see_also": {"en": "See also: ", "fr": "Voir aussi : "},
    "share": {"en": "Share in channel", "fr": "Partager dans le canal"},
    "helpful": {"en": "👍 Helpful", "fr": "👍 Utile"},
    "not_helpful": {"en": "👎 Not helpful", "fr": "👎 Pas utile"},
    "undated": {"en": "undated", "fr": "non daté"},
    "circa": {"en": "undated, circa {year}", "fr": "non daté, vers {year}"},
    "not_before": {"en": "undated, {year} or later", "fr": "non daté, {year} ou après"},
    "help_intro": {
        "en": "I answer questions about rule-of-law cooperation with Morocco from a curated "
        "fact base, with a verbatim quote and its source.",
        "fr": "Je réponds aux questions sur la coopération avec le Maroc en matière d'État de "
        "droit, à partir d'une base de faits vérifiés, avec une citation exacte et sa source.",
    },
    "help_more": {
        "en": "You can also mention me in a channel (I answer in the thread) or send me a "
        "direct message. Try: ",
        "fr": "Vous pouvez aussi me mentionner dans un canal (je réponds dans le fil) ou "
        "m'écrire en message direct. Essayez : ",
    },
    "usage": {"en": "Usage", "fr": "Utilisation"},
    "for_more": {"en": "for more", "fr": "pour en savoir plus"},
    "digest_title": {"en": "factbot digest, {day}", "fr": "Le point factbot du {day}"},
    "digest_preview": {
        "en": "Preview: this is what the next digest would look like.",
        "fr": "Aperçu : voici à quoi ressemblera le prochain point.",
    },
    "fact_of_the_day": {"en": "Fact of the day", "fr": "Le fait du jour"},
    "on_this_day": {"en": "On this day", "fr": "Un jour comme aujourd'hui"},
    "new_and_updated": {"en": "New and updated facts", "fr": "Faits nouveaux et mis à jour"},
    "new": {"en": "New", "fr": "Nouveau"},
    "updated": {"en": "Updated", "fr": "Mis à jour"},
    "for_curators": {"en": "For curators: yesterday", "fr": "Pour les curateurs : hier"},
    "curators_nothing": {
        "en": "No unanswered questions and no “not helpful” votes.",
        "fr": "Aucune question sans réponse et aucun vote « pas utile ».",
    },
    "curators_unanswered": {
        "en": "Questions I could not answer:",
        "fr": "Questions restées sans réponse :",
    },
    "curators_not_helpful": {
        "en": "Answers marked not helpful:",
        "fr": "Réponses jugées pas utiles :",
    },
    "curators_overdue": {
        "en": "Facts due for review (`/facts review` has a *Still true* button):",
        "fr": "Faits à revoir (`/facts revue` a un bouton *Still true*) :",
    },
    "due_since": {"en": "due since", "fr": "à revoir depuis le"},
    "timeline_title": {"en": "Timeline", "fr": "Chronologie"},
    "timeline_empty": {
        "en": "No dated facts match {what}.",
        "fr": "Aucun fait daté ne correspond à {what}.",
    },
    "more": {"en": "More", "fr": "Suite"},
    "card_names": {"en": "Names", "fr": "Noms"},
    "card_part_of": {"en": "Part of", "fr": "Fait partie de"},
    "card_facts": {"en": "What the fact base says", "fr": "Ce que dit la base de faits"},
    "chatter_greeting": {
        "en": "Hello! Ask me about rule-of-law cooperation with Morocco: partnerships, laws "
        "and trainings. For example: _{example}_",
        "fr": "Bonjour ! Posez-moi une question sur la coopération avec le Maroc en matière "
        "d'État de droit : partenariats, lois, formations. Par exemple : _{example}_",
    },
    "chatter_thanks": {
        "en": "You're welcome! Ask me anything else about the fact base, e.g. _{example}_",
        "fr": "Avec plaisir ! Posez-moi une autre question, par exemple : _{example}_",
    },
    "chatter_test": {
        "en": "I'm here and listening. Ask me a question, e.g. _{example}_",
        "fr": "Je suis là. Posez-moi une question, par exemple : _{example}_",
    },
    "chatter_elsewhere": {
        "en": "That one looks meant for a colleague, so I'll stay out of it. To ask me, try "
        "_{example}_",
        "fr": "Ce message semble destiné à un collègue : je n'y réponds pas. Pour me poser "
        "une question, par exemple : _{example}_",
    },
    "chatter_how_to": {
        "en": "I can't help with that one: I only answer questions about rule-of-law "
        "cooperation with Morocco (partnerships, laws, trainings), e.g. _{example}_",
        "fr": "Je ne peux pas vous aider sur ce point : je réponds seulement aux questions sur "
        "la coopération avec le Maroc en matière d'État de droit (partenariats, lois, "
        "formations), par exemple : _{example}_",
    },
    "chatter_about_bot": {
        "en": "I'm factbot: I answer questions about rule-of-law cooperation with Morocco "
        "from a fact base curated from published sources, always with a verbatim quote and "
        "its source. `{command} help` shows what I can do.",
        "fr": "Je suis factbot : je réponds aux questions sur la coopération avec le Maroc en "
        "matière d'État de droit à partir d'une base de faits tirée de sources publiées, "
        "toujours avec une citation exacte et sa source. `{command} aide` montre ce que je "
        "sais faire.",
    },
    "chatter_word": {
        "en": "I need a question to look up, e.g. _{example}_ `{command} topics` lists what "
        "I know.",
        "fr": "Il me faut une question, par exemple : _{example}_ `{command} sujets` liste ce "
        "que je sais.",
    },
    "chatter_link": {
        "en": "I can't read links. Ask me a question, e.g. _{example}_",
        "fr": "Je ne lis pas les liens. Posez-moi une question, par exemple : _{example}_",
    },
    "did_you_mean": {
        "en": "Did you mean `{command} {name}`?",
        "fr": "Vouliez-vous dire `{command} {name}` ?",
    },
    "card_none": {
        "en": "No fact mentions it yet.",
        "fr": "Aucun fait ne le mentionne encore.",
    },
}


def tr(key: str, lang: str = "en", **values: str) -> str:
    """The bot's sentence `key` in `lang` (English if there is no such translation)."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def format_day(iso: str | None, lang: str = "en") -> str | None:
    """ "2018-10-04" -> "4 October 2018" / "4 octobre 2018"; "2025-02" -> "February 2025"."""
    if not iso:
        return None
    parts = iso.split("-")
    months = MONTHS_FR if lang == "fr" else MONTHS_EN
    try:
        if len(parts) == 3:
            day = int(parts[2])
            day_text = "1er" if lang == "fr" and day == 1 else str(day)
            return f"{day_text} {months[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{months[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


#: The slash command, as declared in manifest.yml.
COMMAND = "/facts"

#: Questions the help text and the App Home offer as examples.
EXAMPLE_QUESTIONS = (
    "When was the BCIJ created?",
    "Which law covers human trafficking?",
    "How many prosecutors were trained in Casablanca?",
)
EXAMPLE_QUESTIONS_FR = (
    "Quand le BCIJ a-t-il été créé ?",
    "Quelle loi réprime la traite des êtres humains ?",
    "Combien de procureurs ont été formés à Casablanca ?",
)


def undated_label(circa: int | None, not_before: int | None, lang: str = "en") -> str:
    """How an undated source's time is shown: "undated, circa 2014", or just "undated"."""
    if circa is not None:
        return tr("circa", lang, year=str(circa))
    if not_before is not None:
        return tr("not_before", lang, year=str(not_before))
    return tr("undated", lang)
