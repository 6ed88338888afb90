"""German cues: the short closed-class words the rules look for around a mention.

Open-class vocabulary (titles, countries, event nouns) lives in data/lexicon/.
"""

from __future__ import annotations

import re

CODE = "de"

HELD = re.compile(
    r"\b(?:fand(?:en)?\b.{0,120}?\bstatt|stattgefunden|stattfand|trafen sich|traf sich|trafen|traf|kamen\b.{0,60}?\bzusammen|"
    r"tagten|tagte|berieten|empfing|empfingen|besuchte|besuchten|telefonierte|telefonierten|führten|"
    r"abgehalten|ausgerichtet|eröffnete|eröffneten|nahmen\b.{0,200}?\bteil|teilnahmen|sprachen|verhandelten|"
    r"erörterten|diskutierten|vereinbarten|unterzeichneten|sagte|sagten|betonten|empfängt|empfangen|begonnen|begann|"
    r"begannen|beginnt)\b",
    re.IGNORECASE | re.DOTALL,
)
PLANNED = re.compile(
    r"\b(?:soll|sollen|sollte|geplant|geplante[mnrs]?|plant|planen|wird|werden|bevorstehende[mnrs]?|"
    r"nächste[mnrs]?|kommende[mnrs]?|künftige[mnrs]?|anberaumt|vorgesehen|angekündigt|wollen|will|"
    r"verschoben|Vorbereitung|Vorbereitungen|vorbereiten|vorzubereiten|vorbereitet|Einladung|eingeladen|lud|"
    r"stattfinden soll|stattfinden sollen|stattfinden wird|in Aussicht genommen|in Aussicht gestellt|ins Auge gefasst)\b",
    re.IGNORECASE,
)
DAY_BEFORE = re.compile(r"\b(?:am Vortag|tags zuvor|einen Tag zuvor|am Tag zuvor)\b", re.IGNORECASE)
DAY_AFTER = re.compile(r"\b(?:am Folgetag|tags darauf|am Tag danach|einen Tag später)\b", re.IGNORECASE)
PLANNED_AROUND = re.compile(r"\bbereite\w*\b.{0,80}\bvor\b|\bstehen\b.{0,40}\bbevor\b", re.IGNORECASE)
PAST_HELD = re.compile(
    r"\b(?:fand|fanden|stattgefunden|trafen|traf|kamen|tagten|besuchte|telefonierte|worden war|worden waren)\b",
    re.I,
)
# an interview answer that opens by denying what the question claimed: "Das ist frei erfunden."
DENYING_REPLY = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:frei erfunden|erfunden|falsch|nicht wahr|Unsinn|stimmt nicht|Unfug|"
    r"hat (?:es )?nicht stattgefunden|nicht gegeben)\b",
    re.IGNORECASE,
)
DENIED = re.compile(  # a meeting a report claims and an official denies
    r"\b(?:Berichte\w*|Meldung\w*|Spekulation\w*)\b.{0,200}\b(?:wies\w*\b.{0,80}\bzurück|zurückgewiesen|dementiert\w*|bestritt\w*|bestritten|falsch)\b|"
    r"\b(?:dementiert\w*|bestritt\w*|wies\w*)\b.{0,60}\b(?:Berichte\w*|Meldung\w*|Darstellung\w*|Angaben)\b|"
    r"\bkein solches Treffen\b",
    re.IGNORECASE | re.DOTALL,
)
COUNTERFACTUAL = re.compile(
    r"\b(?:wäre|wären|hätte|hätten)\b.{0,120}\bgewesen\b", re.IGNORECASE
)  # "it would have been the first visit"
POSTPONED = re.compile(r"\b(?:verschoben|vertagt)\b", re.I)  # a plan moved to a later day, not held
CANCELLED = re.compile(r"\b(?:abgesagt|sagte\w*\b.{0,60}\bab|gestrichen|annulliert|platzte|geplatzt)\b", re.I)
NEGATION = re.compile(
    r"\b(?:kein|keine|keinen|keinem|keiner|nicht|nie|niemals|weder|dementierte|dementiert|bestritt|"
    r"bestritten)\b",
    re.IGNORECASE,
)
IN_FORCE = re.compile(  # ein Abkommen, von dem nur das Inkrafttreten erzählt wird
    r"\b(?:in Kraft getreten|trat\b[^.;]{0,60}\bin Kraft|seit\b[^.;]{0,40}\bin Kraft|"
    r"(?:ist|sind)\s+(?:jetzt\s+|nun\s+|damit\s+)?in Kraft|tritt\b[^.;]{0,60}\bin Kraft)",
    re.I,
)
SIGNED = re.compile(
    r"\b(?:unterzeichnet|unterzeichneten|unterzeichnete|unterzeichnen|unterschrieben|unterschrieb|signiert|"
    r"signierten|schlossen|geschlossen|abgeschlossen|vereinbarten|vereinbart|paraphiert|paraphierten|"
    r"Unterzeichnung|erzielt|setzten ihre Unterschrift\w*|Unterschrift(?:en)?\s+unter)\b",
    re.IGNORECASE,
)
READY_TO_SIGN = re.compile(
    r"\bbereit\w*\b.{0,80}\bzu (?:unterzeichnen|unterschreiben|schließen)\b|\b(?:will|wollen|möchte|möchten|hofft|hoffen)\b.{0,80}\b(?:unterzeichnen|unterschreiben|abschließen)\b",
    re.IGNORECASE,
)  # willing, not signed
# the later life of a document that exists: ratified, terminated or suspended, extended
RATIFIED = re.compile(
    r"\b(?:ratifiziert\w*|ratifizierte\w*|Ratifizierung|Ratifikation|Ratifikationsurkunden)\b", re.I
)
TERMINATED = re.compile(
    # "kündigte … an" announces
    r"\b(?:(?:kündigten|kündigte|kündigt)\b(?![^.;]{0,100}\ban\b)|gekündigt|aufgekündigt|kündigen|Kündigung|außer Kraft gesetzt|"
    r"setzte\w*\b[^.;]{0,60}\baußer Kraft|für nichtig erklärt|ausgelaufen|lief\b[^.;]{0,40}\baus(?:\W|$)|"
    r"zog sich\b[^.;]{0,60}\bzurück)",
    re.I,
)
SUSPENDED = re.compile(r"\b(?:ausgesetzt|auszusetzen|Aussetzung)\b", re.I)
EXTENDED = re.compile(r"\b(?:verlängert\w*|verlängerte\w*|Verlängerung)\b", re.I)
SIGNED_PAST = re.compile(
    r"\b(?:unterzeichneten|unterzeichnete|unterschrieben|unterschrieb|schlossen|verabschiedeten|verabschiedete|paraphierten|"
    r"setzten\b.{0,80}\bUnterschrift(?:en)?\s+unter)\b(?!.{0,40}\b(?:soll|sollen|werden)\b)",
    re.IGNORECASE,
)  # signed, in the past
ADOPTED = re.compile(
    r"\b(?:verabschiedeten|verabschiedete|verabschiedet|angenommen|nahmen\b.{0,240}?\ban|billigten|gebilligt)\b",
    re.IGNORECASE,
)
MISSION_OPENED = re.compile(
    r"\b(?:unterhält|unterhalten|betreibt|betreiben|eröffnet\w*|Eröffnung|öffnet\w*|geöffnet|wiedereröffnet\w*|eingeweiht|Einweihung|"
    r"(?:nimmt|nahm|nehmen|nahmen)\b.{0,80}\b(?:Arbeit|Betrieb|Tätigkeit|Dienst)\s+auf|(?:Arbeit|Betrieb|Tätigkeit)\s+aufgenommen|"
    r"wertete\b.{0,80}\bauf|aufgewertet|(?:ist|sind)\b.{0,60}\btätig|"
    r"erhält\s+(?:eine?n?\s+)?(?:\w+\s+)?(?:Botschaft|Generalkonsulat|Konsulat))\b",
    re.I,
)
MISSION_AGREED = re.compile(
    r"\b(?:Gründung|gründen|Einrichtung|einzurichten|einrichten|errichten|Errichtung|Noten|Notizen|vereinbart\w*|einigten|zu eröffnen|"
    r"Eröffnung\b.{0,80}\b(?:vereinbart|beschlossen|geplant|zugestimmt|genehmigt)|beschlossen|beschloss|"
    r"(?:Einverständnis|Zustimmung|Genehmigung)\s+(?:zur|für die)\s+Eröffnung|"
    r"(?:soll|sollen|wird|werden|will|wollen)\b.{0,80}\beröffne[nt](?:\s+werden)?|"
    r"(?:wird|werden|soll|sollen)\b.{0,80}\baufgewertet)\b",
    re.IGNORECASE,
)
# a mission only weighed: "Peking erwäge, ein Generalkonsulat in Debrecen einzurichten"
CONSIDERED = re.compile(
    r"\b(?:erwägt|erwäge|erwägen|erwog|prüft|prüfe|prüfen|geprüft|überlegt|überlege)\b", re.I
)
MISSION_CLOSED = re.compile(
    r"\b(?:geschlossen|schließt|schloss|Schließung|schließen|aufgehoben|aufzuheben|Aufhebung|aufgegeben|aufgelöst|"
    r"(?:Betrieb|Arbeit|Tätigkeit)\b.{0,40}\beingestellt|stellt\w*\b.{0,80}\b(?:Betrieb|Arbeit|Tätigkeit)\b"
    r"[^;!?]{0,30}?\sein(?=[\s.;,]))\b",
    re.I,
)
PORTFOLIO_HEAD = (
    r"\b(?:Bundes)?Minister(?:in)? für "  # a minister's title the lexicon need not list: its head …
)
PORTFOLIO_JOIN = r"(?:,| und)? "  # … and what joins its portfolio words (roles.json "portfolio_words")
MUNICIPAL_TITLE = re.compile(
    r"(?:Ober|Erste[rn]?\s+|Regierende[rn]?\s+)?(?:[Bb]ürgermeister\w*)|Stadtpräsident\w*|Oberbürgermeister\w*"
)  # a town's office: its holder does not meet for a state
# a mission moved from one town to another: closed in the first, opened in the second
MISSION_MOVED = re.compile(r"\b(?:verlegt|verlegte|verlegen|Verlegung|umgezogen|zog\b.{0,60}\bum)\b", re.I)
# the line that says who issues a release ("Pressemitteilung des Auswärtigen Amts")
RELEASE_MARK = re.compile(
    r"\b(?:Pressemitteilung|Medienmitteilung|Presseerklärung|Pressemeldung|Pressestelle|Herausgeber(?:in)?)\b"
)
PARTICIPATION = re.compile(
    r"\b(?:nahmen\b.{0,300}?\bteil|nahm\b.{0,300}?\bteil|teilnahmen|Teilnehmer|Teilnehmern|Teilnehmerinnen|darunter|anwesend|vertreten|"
    r"trafen|traf\b|empfing|sprach mit|mit seinem|mit ihrem|mit seiner|mit ihrer|zusammen mit|Delegation|"
    r"Delegationen|leitete|leiteten|führte|angeführt|Amtskollege|Amtskollegen|Amtskollegin|am Tisch|vertrat|vertraten|"
    r"Gastgeber|Gastgeberin|angereist|vertreten|erschienen|schickte|schickten|entsandte|entsandten)\b",
    re.IGNORECASE | re.DOTALL,
)
# ein Satz, der Staaten als beim eben erzählten Treffen anwesend nennt: "Außerdem waren Katar und Jordanien
# vertreten", "Norwegen und Großbritannien schickten Staatssekretäre"
STATES_PRESENT = re.compile(
    r"\b(?:(?:war|waren)\b[^.;]{0,80}\bvertreten|vertreten (?:waren|war)|(?:schickte|schickten|entsandte|entsandten)\s+"
    r"(?:ihre[n]?\s+|seine[n]?\s+)?(?:Staatssekretär|Vize|stellvertretend|Stellvertreter|Botschafter|Minister)|"
    r"(?:nahm|nahmen)\b[^.;]{0,80}\bteil|waren (?:auch )?dabei|(?:war|waren) (?:auch )?anwesend)",
    re.IGNORECASE,
)
STATES_ABSENT = re.compile(
    r"\b(?:abgesagt|sagte\w*\b[^.;]{0,60}\bab|nicht eingeladen|fehlte\w*|fernblieb\w*|Beobachter\w*|boykott\w*|"
    r"nicht vertreten|nicht teil|kein\w*)\b",
    re.IGNORECASE,
)
REPRESENTED_BY = re.compile(
    r"\s*(?:(?:wurde|war|wird)\s+)?(?:(?:nur|lediglich|bloß|allein)\s+)?(?:vertreten\s+)?(?:von|durch)\s+(?:seinem|ihrem|seiner|ihrer|dem|der)?\s*$"
)
DELEGATION_INCLUDED = re.compile(  # "Der russischen Delegation gehörten X, Y und Z an"
    r"\s+(?:Delegation|Seite)\s+(?:gehörten|gehörte|umfasste|bestand aus|war vertreten durch|wurde vertreten durch|"
    r"zählten)\s+"
)
DELEGATION_LED_BY = re.compile(
    r"\s+(?:Delegation|Verhandlungsdelegation|Seite|Regierung)\s+(?:wurde\s+)?(?:unter (?:der )?Leitung (?:von|des|der)|"
    r"angeführt von|geleitet von|(?:an)?geführt von)\s+(?:dem|der|ihrem|seinem)?\s*$"
)  # "die ukrainische Delegation unter Leitung von Verteidigungsminister X"
MEDIATOR = re.compile(
    r"\b(?:Vermittlung|vermittelt)\s+(?:von|durch)\s+(?:der\s+|die\s+|den\s+)?$"
)  # what stands before a country that only mediated: "Vermittlung durch die Türkei", "unter türkischer Vermittlung"
MEDIATOR_AFTER = re.compile(r"^[\s-]*(?:Vermittlung|vermittelt\w*)\b", re.I)
SPECULATIVE = re.compile(
    r"\b(?:könne|könnte|könnten|sobald|falls)\b|"
    # ein Rat, keine Unterzeichnung: "Armenien und Aserbaidschan sollten nun einen Friedensvertrag unterzeichnen"
    r"\b(?:sollten|müssten|müsse|müssen)\b[^.;]{0,80}\b(?:unterzeichnen|unterschreiben|schließen|abschließen)\b",
    re.IGNORECASE,
)  # "ein Friedensvertrag könne noch in diesem Jahr unterzeichnet werden": a signing that may come
# Hörensagen: eine Behauptung, die der Text nicht zu seiner macht ("soll … unterzeichnet worden sein", "wonach …")
HEARSAY = re.compile(
    r"\b(?:angeblich|wonach|(?:soll|sollen)\b[^.;]{0,100}\b(?:worden sein|haben|getroffen haben)|nicht bestätigt)\b",
    re.IGNORECASE,
)
NEGOTIATED = re.compile(
    r"\b(?:Verhandlungen|Gespräche|Arbeit)\s+(?:über|zu|an)\s+(?:den\s+Text\s+)?(?:eine[sm]?|de[nmrs]|die|das)?\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)  # "die Verhandlungen über den Text eines Friedensvertrags abgeschlossen": the talks ended, nothing signed
IN_NEGOTIATION = re.compile(  # "Über die Konditionen eines Nachfolgevertrags wird seit Monaten gerungen"
    r"\b(?:gerungen|wird\b[^.;]{0,40}\bverhandelt|werden\b[^.;]{0,40}\bverhandelt|in Verhandlung)\b", re.I
)
FUNDING = re.compile(
    r"\b(?:Mittel|Fördermittel|Zuschüsse|\w*[Kk]redite?)\s+(?:in Höhe von|von|über)\b|"
    # "Deutschland stellt Jordanien weitere 30 Millionen Euro … bereit", "sagte dem Libanon 50 Millionen Euro zu"
    r"\b(?:stellt|stellte|stellen|stellten)\b(?=[^.;]{0,120}\bbereit\b)|\bbereitgestellt\b|\bzugesagt\b|"
    r"\b(?:sagte|sagten|sagt)\b(?=[^.;]{0,120}\b(?:Euro|Dollar|Franken)\b[^.;]{0,80}\bzu\b)"
)  # "Mittel in Höhe von 38,5 Mio. Euro": money given, what the figure measures
THEREBY = re.compile(
    r"\b(?:damit|dafür|hierfür|im Rahmen (?:des|der|dieses|dieser) (?:Abkommens|Vereinbarung|Programms))\b"
)  # the figure belongs to what the sentence before told: its two parties
NEXT = re.compile(
    r"\b(?:nächste[nmrs]?|kommende[nmrs]?|folgende[nmrs]?)\s+(?:\w+\s+)?$"
)  # "the next summit": one more of a series
SUCH = re.compile(
    r"\b(?:solche[nmrs]?|derartige[nmrs]?)\s+$"
)  # "the first such meeting": the kind of the one told
RESTRICTIVE_AFTER = re.compile(
    r"\s+(?:geplant|vorgesehen|angesetzt)\s+(?:für|in|im|am)\b"
)  # "der Gipfel, geplant für Mai": which summit, not a reference back
FIRST_PERSON = re.compile(
    r"\b(?:[Ii]ch|[Ww]ir|[Mm]ein\w*|[Uu]nser\w*|mir|mich|uns)\b"
)  # the speaker of an interview answer
REPORTED_ON = re.compile(  # the day of the report, not of the event: "teilte das Außenministerium am Mittwoch mit"
    r"\b(?:teilte|teilten|erklärte|erklärten|meldete|meldeten)\s+(?:das|der|die)\s+(?:[\w-]+\s+)?"
    r"(?:\w*[Mm]inisterium|Regierung|Präsidialamt|Kanzleramt|Kreml|Botschaft|Sprecher\w*|Nachrichtenagentur)\s+$"
)
PAST_TENSE = re.compile(
    r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|fand|fanden|traf|trafen|kam|kamen|sprach|sprachen)\b"
)  # a sentence told in the past
RECEPTION = re.compile(
    r"(?:empfangen|empfängt|empfing|empfingen)"
)  # "X empfing Y": a meeting only when a person is received
SAME_DAY = re.compile(
    r"\b(?:am (?:frühen |späten )?(?:Vormittag|Nachmittag|Abend|Mittag)|am (?:selben|gleichen) Tag|später am Tag)\b|^(?:Später|Anschließend|Zuvor)\b",
    re.I,
)  # another meeting on the day of the one told
INDEFINITE_BEFORE = re.compile(
    r"\b[Ee]in(?:e[mnrs]?)?\s+(?:(?!solche)[a-zäöüß0-9][\w-]*\s+){0,3}$"
)  # "ein Treffen": a new one
INVITATION_OF = re.compile(r"\bauf Einladung\b", re.I)  # how a visit came about, not a plan
BOTH_SIDES = re.compile(
    r"\b(?:zwischen (?:den )?beiden|beide[nr]? (?:Seiten|Länder\w*|Staaten|Regierungen|Ministerien|Au(?:ß|ss)enministerien|Au(?:ß|ss)enminister|Minister|Präsidenten|Staatschefs))\b",
    re.I,
)  # the pair told before
ATTRIBUTIVE_PLANNED = re.compile(
    r"\b(?:geplant|bevorstehend|nächst|kommend|künftig)e[mnrs]?\b", re.I
)  # "Gespräch über das geplante Abkommen": something else is planned
FORMAT_TOPIC_BEFORE = re.compile(  # "sprachen über die Eingreiftruppe der Ecowas": ein Thema, kein Format
    r"\b(?:über|besprachen|erörterten|diskutierten|betreffend|bezüglich)\s+(?:die|den|das|der|eine[nm]?)?\s*"
    r"(?:[\w-]+\s+){0,2}$"
    r"|\b(?:Zusammenarbeit|Abstimmung|Kooperation)\s+(?:im|in der|in den|innerhalb der|bei der|bei den)\s+$",
    re.I,
)
ABSENT = re.compile(  # ein Mitglied, das bei der Sitzung eines Formats fehlte
    r"\b(?:nicht vertreten|fehlte|fehlten|blieb\w* (?:der Sitzung |dem Treffen )?fern|boykottierte\w*)\b|^Ebenso wenig\b"
)
TOPIC_BEFORE = re.compile(
    r"\b(?:über|zu|zur|zum)\s+(?:[\w-]+\s+){0,2}$"
)  # "ein Memorandum über politische Konsultationen"
PAST_PERFECT = re.compile(r"\b(?:hatte|hatten|war|waren|zuletzt)\b")  # told as before the day being reported
MODIFIER_AFTER = re.compile(
    r"[\s-]+(?:Partner\w*|Status|Plattform|Mechanismus|Prozess\w*)\b"
)  # "Dialog-Partner": a word about something else
LEADERS_OF = re.compile(
    r"\b(?:[Dd]ie\s+)?(?:Staats- und Regierungschefs|Staatschefs|Präsidenten)\s+(?:der|des)\s+$"
)  # "die Staatschefs der OTS trafen sich"
# an interviewee's visit told without a meeting word: "war ich in Vilnius bei meinem litauischen Kollegen"
FIRST_PERSON_VISIT = re.compile(
    r"\bwar ich\b(?=(?:[^.;:]|(?<=\d)\.){0,80}\bbei\s+(?:meine[mr]|seine[mr]|ihre[mr]|de[mnr]|[A-ZÄÖÜ]\w+s)\b)"
)
FIRST_PERSON_TALKS = re.compile(
    r"\b(?:[Ii]ch habe|habe ich|[Ii]ch hatte|hatte ich)\b(?=[^.;:?]{0,80}\bmit\s+[^.;:?]{0,80}\b(?:gesprochen|verhandelt)\b)"
)  # an interviewee's talks told by the verb: "Ich habe am Montag in Jerewan mit Außenminister X gesprochen"
SIDELINES = re.compile(r"\b(?:am Rande|am Rand|an den Rändern)\b", re.I)  # a meeting beside another
ALSO = re.compile(
    r"\b(?:zudem|außerdem|ebenfalls|darüber hinaus)\b", re.I
)  # "Zudem traf er …": one more meeting
REFLEXIVE_ONLY = re.compile(
    r"getroffen"
)  # a meeting only as "sich … getroffen", not "eine Entscheidung getroffen"
# meeting verbs that name a meeting only with whom it is: "trifft am Montag Lawrow", "soll … Präsident Putin
# treffen", "wollen sich … treffen"; not "trifft eine Entscheidung", "Vorkehrungen treffen", "Heute treffen sich"
OBJECT_VERBS = {"trifft": "after", "treffen": "before-or-reflexive"}
HYPOTHETICAL = re.compile(
    r"^\W*(?:Wenn|Falls|Sollte|Sollten|Würde)\b|\bwürden?\b"
)  # "Falls X … treffen sollte"
TO_COME_BEFORE = re.compile(r"\b(?:soll|sollen|will|wollen|wird|werden|möchte|möchten)\b")  # modal of a plan
NOT_TO_BEFORE = re.compile(r"(?!)")  # (English only: "refused to meet"; German negation is read later)
PLACE_AFTER = re.compile(r"(?!)")  # (English only: "will meet in Astana")
# between the one met and "treffen"/"getroffen" ("den Außenminister getroffen", "Präsident Putin in Moskau
# treffen"): no article of another object, no auxiliary (the one named is then the subject: "X hat … getroffen")
OBJECT_GAP_ARTICLE = re.compile(
    r"\b(?:ein|eine|einen|einer|die|das|den|dem|der|keine|keinen|alle|diese|solche|hat|hatte|haben|hatten|"
    r"hätte|hätten|habe|wird|werden|wurde|wurden|soll|sollen|will|wollen|kann|können|muss|müssen)\b"
)
OBJECT_GAP_NOUNS = frozenset(
    {"Staaten", "Länder", "Republiken", "Nachbarstaaten", "Mitgliedstaaten", "Region"}
)
# the ones who meet, named only as a group: "die Außenminister der fünf Staaten trafen sich", "deren Staatschefs …"
GROUP_ACTORS = re.compile(
    r"\b((?:Außen|Aussen|Premier)?[Mm]inister|Staats- und Regierungschefs|Staatschefs|Regierungschefs|Präsidenten)\b"
    r"(?:[^.;:!?]|(?<=\d)\.){0,70}$"
)
GROUP_GAP_WORDS = frozenset(
    "der die den des und aus beider aller ihrer zwei drei vier fünf sechs sieben Staaten Länder Republiken "
    "deren sich erneut bereits zuletzt".split()
)  # what may stand between the group and the verb besides the countries: "der fünf Staaten"
GROUP_FINITE = frozenset(
    "wollen wollten sollen sollten werden haben hatten".split()
)  # "… wollen sich … treffen"
DEFINITE_BEFORE = re.compile(
    r"\b(?:dem|des|der|das|diesem|dieses|beim|vom|am|zum|Dem|Des|Der|Das|Die|die)\s+$"
)
CONTEXT_ANAPHOR = re.compile(
    r"^\s*(?:Dabei|Dort|Im Anschluss|Anschließend|Zudem|Außerdem|Bei dem|Bei den|Im Rahmen)\b"
)
EVENT_OFFSET = re.compile(
    r"\b(?:(?P<n>einen|ein|zwei|drei|vier|fünf|sechs|sieben|\d+)\s+Tag(?:e|en)?\s+(?P<dir>vor|nach)|"
    r"am (?P<eve>Vorabend|Vortag) (?:des|der)|(?P<side>am Rande (?:des|der)|im Rahmen (?:des|der)))\s+(?:(?:dem|der|den)\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
NUMBER_WORDS = {"ein": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7}
# "ein Treffen der sechs Außenminister": as many sides as a format told in the article has
COUNTED_MINISTERS = re.compile(
    r"\b(drei|vier|fünf|sechs|sieben|acht|neun|\d)\s+(?:[\w-]+\s+){0,2}?(?:Außen|Aussen)?[Mm]inister(?:innen|n)?\b"
)
COUNT_WORDS = {"drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
ORDINALS = {
    "erste": 1,
    "zweite": 2,
    "dritte": 3,
    "vierte": 4,
    "fünfte": 5,
    "sechste": 6,
    "siebte": 7,
    "siebente": 7,
    "achte": 8,
    "neunte": 9,
    "zehnte": 10,
    "elfte": 11,
    "zwölfte": 12,
    "dreizehnte": 13,
    "vierzehnte": 14,
    "fünfzehnte": 15,
    "zwanzigste": 20,
}
ORDINAL = re.compile(
    r"\b(?P<word>" + "|".join(ORDINALS) + r")(?:[nrsm])?\b|\b(?P<num>\d{1,2})\.\s*(?=\w)",
    re.IGNORECASE,
)
SAME_MEASURE = re.compile(  # "2024 hatten Exporte und Importe zusammen bei 19,2 Mrd. Euro gelegen"
    r"\b(?:waren es|war es|lag\b.{0,60}\bbei|lagen\b.{0,60}\bbei|gelegen|zusammen|im Vorjahr|davor|zuvor)\b",
    re.I | re.DOTALL,
)
PREVIOUS_YEAR = re.compile(
    r"^[^.;]{0,25}?\b(?:ein Jahr zuvor|im Vorjahr|im Jahr davor|des Vorjahres)\b", re.I
)
TARGET = re.compile(r"\b(?:Ziel|Zielmarke|steigern|erhöhen|anheben|verdoppeln|soll|sollen)\b", re.IGNORECASE)
OTHER_COUNTRY = re.compile(
    r"\b(?:in dem Land|im Land|in das Land|in diesem Land)\b"
)  # the other country of the pair the article is about
BILATERAL = re.compile(
    r"\b(?:bilateral\w*|beide[nr]? Länder\w*|beiden Staaten|zwischen beiden)\b", re.IGNORECASE
)
# eine Zahl einer ganzen Region, eines Kontinents oder einer Provinz, nicht zweier Staaten
AGGREGATE = re.compile(
    r"\b(?:mit dem gesamten|des gesamten|mit der gesamten|Außenhandel der EU|Provinz\w*)\b",
    re.I,
)
SUBNATIONAL = re.compile(
    r"\b(?:Provinz\w*|Volkskomitee\w*|Freistaat\w*|Landesregierung\w*|Staatskanzlei|Bundesland\w*|Landkreis\w*|Stadtrat\w*|Partnerregion\w*)\b"
)  # a province, a Land, a town: signs for itself, not its state
NON_STATE = re.compile(
    r"\b(?:Konzern\w*|Unternehmen\w*|Firma|Firmen|Verband|Verbands|Verbände\w*|Schachverb\w*|Verein(?:s|e|en)?|Klub\w*|Club\w*|Gruppe|Universität\w*|Vorstand\w*|Aktionär\w*|Betreiber\w*|Museum\w*|Nationalmuseum\w*|Galerie\w*|Stiftung\w*|"
    r"Bibliothek\w*|Theater\w*|Orchester\w*|\w*[Kk]ammer\w*)\b",
    re.IGNORECASE,
)
YEAR_CONTEXT = re.compile(
    r"\b(?:im Jahr(?:e)?|Jahr|im|für|seit|bis)\s+(?P<year>(?:19|20)\d\d)\b|\b(?P<bare>(?:19|20)\d\d)\b"
)
SPEECH_VERBS = re.compile(
    r"\b(?:sagte|sagten|erklärte|erklärten|betonte|betonten|unterstrich|unterstrichen|meinte|so|"
    r"fügte\b.{0,30}\bhinzu|schrieb|erläuterte|versicherte|bekräftigte|warnte|kündigte\b.{0,30}\ban|"
    r"zitiert|sagt|erklärt|betont|teilte\b.{0,30}\bmit)\b",
    re.IGNORECASE | re.DOTALL,
)
HONORIFICS = frozenset(
    "Scheich Scheicha Emir Prinz Prinzessin Herr Frau Dr. Prof. Bundesrat Bundesrätin".split()
)  # courtesy titles before a name, never part of it
CONJUNCTION = re.compile(r"^\s*(?:und|&|[-–—])\s*$")  # "Vize-Premierminister – Außenminister"
NAME_STOPWORDS = HONORIFICS | frozenset(
    """
    Neben Trotz Wegen Gegenüber Dank Außer Statt Samt Jetzt Heute Gestern Morgen Noch Schon Nur Erst Später Danach Damals Dann
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Am Im In Bei Mit Auf Nach Laut Dabei Zudem Auch Sowie
    Und Oder Aber Doch Denn Als Wie Wenn Während Seit Bis Vor Für Über Unter Zwischen Gegen Ohne Um Zum Zur
    Vom Beim Ins Aufs Herr Frau Minister Ministerin Präsident Präsidentin Außenminister Außenministerin
    Seine Ihre Sein Ihr Unser Unsere Dieser Diese Dieses Jener Es Er Sie Wir Ihr Man Beide Beiden Alle
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli August
    September Oktober November Dezember Regierung Ministerium Außenministerium Botschaft Delegation Seiten
    Staaten Länder Land Teilnehmer Vertreter Gespräche Treffen Republik Föderation Königreich Zentralasien
    Europa Asien Afrika Amerika Nahost Westen Osten Norden Süden Hauptstadt Nachrichtenagentur Agentur Gastgeber Gastgeberin Gast Amtskollege Amtskollegin
    """.split()
)
NAME_STOPWORDS |= {word.replace("ß", "ss") for word in NAME_STOPWORDS}  # Swiss spelling: "Aussenminister"
NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "ismus",
    "ität",
    "nis",
    "tum",
    "lich",
    "isch",
    "ische",
    "ischen",
    "ungen",
    "chen",
    "ium",
    "ien",
    "treffen",
    "minister",
    "ministerin",
)
