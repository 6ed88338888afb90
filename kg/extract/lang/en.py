"""English cues: the short closed-class words the rules look for around a mention.

Open-class vocabulary (titles, countries, event nouns) lives in data/lexicon/.
"""

from __future__ import annotations

import re

CODE = "en"

HELD = re.compile(
    r"\b(?:took place|was held|were held|held|met|meet with|hosted|visited|convened|gathered|attended|"
    r"spoke|talked|discussed|signed|opened|chaired|co-chaired|received|welcomed|concluded|wrapped up|"
    r"had talks|took part|began|begun|begins|got under way|got underway)\b",
    re.IGNORECASE,
)
PLANNED = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are)\s+(?:also\s+|now\s+)?due to|planned|plans? to|scheduled|upcoming|next|"
    r"forthcoming|is expected to|are expected to|expected|proposed|set to|intends? to|would|postponed|"
    r"to be held|later this|preparations? for|prepare for|preparing|invited|invitation|getting ready|envisaged|"
    r"pencil+ed in)\b",
    re.IGNORECASE,
)
DAY_BEFORE = re.compile(
    r"\b(?:the day before|the previous day|a day earlier|the day earlier)\b", re.IGNORECASE
)
DAY_AFTER = re.compile(r"\b(?:the following day|the next day|a day later|the day after)\b", re.IGNORECASE)
PLANNED_AROUND = re.compile(r"\b(?:will|would|is to|are to)\b.{0,60}\b(?:take place|be held|meet)\b", re.I)
PAST_HELD = re.compile(r"\b(?:took place|was held|were held|met|hosted|visited|convened|gathered)\b", re.I)
# an interview answer that opens by denying what the question claimed: "That is simply wrong."
DENYING_REPLY = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:wrong|untrue|not true|false|nonsense|fabricated|invented|did not take place|"
    r"never happened|no such)\b",
    re.IGNORECASE,
)
DENIED = re.compile(  # a meeting a report claims and an official denies
    r"\b(?:denied|denies|dismissed|rejected|refuted)\b.{0,60}\b(?:reports?|claims?|speculation|rumou?rs?)\b|"
    r"\b(?:reports?|claims?)\b.{0,200}\b(?:were|was)\s+(?:denied|false|untrue|wrong)\b|\bno such meeting\b",
    re.IGNORECASE | re.DOTALL,
)
COUNTERFACTUAL = re.compile(
    r"\bwould have (?:been|marked)\b", re.IGNORECASE
)  # "it would have been the first visit"
POSTPONED = re.compile(
    r"\b(?:postponed|put off|rescheduled)\b", re.I
)  # a plan moved to a later day, not held
CANCELLED = re.compile(r"\b(?:cancell?ed|called off|scrapped|cancell?ation)\b", re.I)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|didn't|did not|won't|refused to|failed to|denied|denies|without)\b",
    re.IGNORECASE,
)
SIGNED = re.compile(
    r"\b(?:signed|sign|signing|inked|concluded|initialled|initialed|agreed on|struck|"
    r"put their names to|put (?:his|her|their) signatures? (?:to|on)|put pen to|exchanged signed copies|"
    r"(?:were|was) exchanged)\b",
    re.IGNORECASE,
)
READY_TO_SIGN = re.compile(
    r"\b(?:ready|willing|prepared|wants?|wanted|hopes?|hoping|hoped)\s+to\s+(?:sign|conclude|ink)\b",
    re.IGNORECASE,
)  # willing, not signed
# the later life of a document that exists: ratified, terminated or suspended, extended
RATIFIED = re.compile(r"\b(?:ratified|ratifies|ratification|ratifying)\b", re.I)
TERMINATED = re.compile(
    r"\b(?:terminated|terminates|termination|withdrew from|withdrawn from|withdrawal from|pulled out of|"
    r"denounced|expired|lapsed|annulled|declared\b[^.;]{0,30}\bnull)\b",
    re.I,
)
SUSPENDED = re.compile(r"\b(?:suspended|suspends|suspending|suspension of)\b", re.I)
EXTENDED = re.compile(r"\b(?:extended|extends|extension of|renewed|renews|renewal of|prolonged)\b", re.I)
SIGNED_PAST = re.compile(
    r"(?<!\bbe )(?<!\bbeen )\b(?:signed|inked|concluded|initialled|initialed|adopted|put their names to|put pen to|"
    r"exchanged signed copies)\b",
    re.IGNORECASE,
)  # signed, in the past
IN_FORCE = re.compile(  # an agreement told by its entry into force, not its signing
    r"\b(?:entered into force|came into force|has been in force|in force since|took effect|(?:is|are) now in force|"
    r"enters into force|comes into force|"
    r"brought into force|bring into force|bringing into force)\b",
    re.I,
)
ADOPTED = re.compile(
    r"\b(?:adopted|adopt|adopting|adopts|approved|approving|endorsed|issued|issuing)\b", re.IGNORECASE
)
MISSION_OPENED = re.compile(
    r"\b(?:maintains|maintain|operates|has had|opened|opens|reopened|reopens|reopening|inaugurated|inaugurates|"
    r"inaugurate|inauguration|opening|began operating|began work|began its work|started work|raised the flag|"
    r"resumed (?:full |normal )?operations|resumed (?:its )?work|cut the ribbon|ribbon[- ]cutting|"
    r"(?:has|have) been upgraded|was upgraded|were upgraded)\b",
    re.I,
)
MISSION_AGREED = re.compile(
    r"\b(?:agreed to open|agreed to establish|will open|to open|to establish|establishment|exchanged notes|"
    r"decided to open|decision to open|decision to establish|plans to open|approved the opening|will be opened|"
    r"agreed on the opening|agreed on the establishment|agreed to the opening|"
    r"is to be opened|are to be opened|"
    r"due to open|set to open|upgrade\w* (?:its |the )?\w+ (?:in \w+ )?to (?:a |an )?(?:fully[- ]fledged )?)\b",
    re.IGNORECASE,
)
# a mission only weighed: "Ankara was considering a consulate in Bar"
CONSIDERED = re.compile(
    r"\b(?:considering|considers|consider|mulling|mulls|weighing|weighs|exploring|under consideration)\b",
    re.I,
)
MISSION_CLOSED = re.compile(
    r"\b(?:closed|closes|closing|shut|shuts|shutting|shuttered|closure|suspended (?:its )?operations|"
    r"suspends (?:its )?operations|ceased (?:its )?operations)\b",
    re.I,
)
PORTFOLIO_HEAD = r"\b(?:Deputy |Vice |First Deputy )?Ministers? (?:of|for) (?:the )?"  # a minister's title the lexicon need not list: its head …
PORTFOLIO_JOIN = r"(?:,| and| &)? "  # … and what joins its portfolio words (roles.json "portfolio_words")
MUNICIPAL_TITLE = re.compile(
    r"(?:(?:Lord|Deputy|Acting)\s+)?(?:Mayor|mayor|Mayoress|Provost)|Lord Provost"
)  # a town's office: its holder does not meet for a state
# a mission moved from one town to another: closed in the first, opened in the second
MISSION_MOVED = re.compile(r"\b(?:relocated|moved|relocates|moves|relocation)\b", re.I)
# the line that says who issues a release ("Press release of the Ministry of Foreign Affairs of …")
RELEASE_MARK = re.compile(
    r"\b(?:press release|press service|press office|press readout|press statement|media release|"
    r"information and press department|press and public diplomacy|issued by)\b",
    re.I,
)
PARTICIPATION = re.compile(
    r"\b(?:attended|took part|participants|participated|including|joined|present|met|met with|hosted|"
    r"received|welcomed|alongside|together with|with his|with her|delegation|delegations|around the table|"
    r"led|chaired|co-chaired|at the table|represented|representing|counterpart|counterparts|host|hosts|travelled|traveled|"
    r"flew in|arrived)\b",
    re.IGNORECASE,
)
# a sentence that names states as present at the meeting just told: "Also present were Qatar and Türkiye",
# "Norway and the UK were represented by deputy ministers"
STATES_PRESENT = re.compile(
    r"\b(?:(?:also )?present were|were (?:also )?present|(?:also )?attending were|(?:was|were) (?:also )?represented|"
    r"sent (?:its|their) (?:deputy|vice|state)|sent deputy|took part|also attended)\b",
    re.IGNORECASE,
)
STATES_ABSENT = re.compile(
    r"\b(?:declined|absent|not invited|stayed away|boycott\w*|observers?|did not attend|did not take part|"
    r"not represented|was not|were not)\b",
    re.IGNORECASE,
)
REPRESENTED_BY = re.compile(
    r"\s*(?:(?:was|were|is|are)\s+)?(?:only\s+)?(?:represented\s+)?(?:only\s+)?(?:by|sent)\s+(?:its|their|his|her|the)?\s*$"
)
DELEGATION_INCLUDED = re.compile(  # "The Russian delegation included X, Y and Z": the list's country
    r"\s+(?:delegation|side|team)\s+(?:also\s+)?(?:included|includes|comprised|consisted of|was made up of|"
    r"was represented by|were)\s+"
)
DELEGATION_LED_BY = re.compile(
    r"\s+(?:team|delegation|side|negotiators|government)\s+(?:was\s+)?(?:led|headed)\s+by\s+(?:its|the)?\s*$"
)  # "the Ukrainian team led by Defence Minister X"
MEDIATOR = re.compile(
    r"\b(?:mediated|brokered)\s+by\s+(?:the\s+)?$|\b(?:mediation|good offices)\s+of\s+(?:the\s+)?$"
)  # what stands before a country that only mediated: "brokered by Turkey"; "with Turkish mediation" below
MEDIATOR_AFTER = re.compile(r"^[\s-]*(?:mediation|mediated|brokered|facilitation)\b", re.I)
SPECULATIVE = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+)?be\s+signed\b|\b(?:once|if|when)\b[^.;]{0,60}\b(?:is|are)\s+signed\b|"
    # advice, not a signing: "the two should now sign a peace treaty"
    r"\b(?:should|must|ought to|needs? to)\s+(?:\w+\s+){0,2}(?:sign|conclude)\b",
    re.IGNORECASE,
)  # "once the peace treaty is signed": a signing that may come
# hearsay: a claim the piece does not make its own ("reportedly signed", "a post claims that …")
HEARSAY = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|(?:the|a) (?:post|posts|claim|rumou?r)\b[^.;]{0,40}\b(?:says|said|claims?|claimed)|"
    r"(?:claims?|claimed|rumou?rs?) that)\b",
    re.IGNORECASE,
)
NEGOTIATED = re.compile(
    r"\b(?:negotiations|talks|work)\s+(?:on|over|about)\s+(?:the\s+)?(?:text\s+of\s+)?(?:an?\s+|the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)  # "negotiations on the text of a peace treaty were concluded": the talks ended, nothing was signed
IN_NEGOTIATION = re.compile(  # "the terms of a successor treaty are still being negotiated"
    r"\b(?:being negotiated|under negotiation|still negotiating|in negotiation)\b", re.I
)
FUNDING = re.compile(
    r"\b(?:funds|funding|grants?|loans?)\s+(?:of|worth|totall?ing|amounting to)\b|"
    # "Japan pledged $50 million in humanitarian aid to Sudan", "Germany will provide 30 million euros"
    r"\b(?:pledged|pledges|will provide|provided|granted|extended a loan)\b(?=[^.;]{0,40}?(?:[$€£¥]|\d))",
    re.IGNORECASE,
)  # "funding of EUR 38.5 million": money given, what the figure measures
THEREBY = re.compile(
    r"\b(?:under it|under (?:the|this) (?:agreement|deal|accord|programme|program)|thereby|with it)\b", re.I
)  # the figure belongs to what the sentence before told: its two parties
NEXT = re.compile(r"\b(?:next|following)\s+(?:[\w'’]+\s+)?$")  # "the next summit": one more of a series
SUCH = re.compile(r"\bsuch\s+$")  # "the first such meeting": the kind of the one told
RESTRICTIVE_AFTER = re.compile(
    r"\s+(?:planned|scheduled|held|hosted|due|set|slated)\s+(?:in|for|on|at|by|to)\b"
)  # "the summit planned in Astana": which summit, not a reference back
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us)\b")  # the speaker of an interview answer
PAST_TENSE = re.compile(
    r"\b(?:\w{3,}ed|met|held|took|spoke|had|was|were|did|came|saw)\b"
)  # a sentence told in the past
RECEPTION = re.compile(r"(?:received|receives)")  # "X received Y": a meeting only when someone is received
SAME_DAY = re.compile(
    r"\b(?:(?:later|earlier) (?:that|the same|in the) (?:day|morning|afternoon|evening)|in the (?:early |late )?(?:morning|afternoon|evening)|that (?:morning|afternoon|evening)|on the same day|the same day)\b|^(?:Later|Afterwards|Earlier)\b",
    re.I,
)  # another meeting the day of the one told
INDEFINITE_BEFORE = re.compile(
    r"\b[Aa]n?\s+(?:(?!(?:for|of|on|in|with|to|and|the|by|at|from|after|before|such)\b)[a-z0-9][\w-]*\s+){0,3}$"
)  # "a meeting": a new one
INVITATION_OF = re.compile(r"\b(?:at|on) the invitation of\b", re.I)  # how a visit came about, not a plan
BOTH_SIDES = re.compile(
    r"\b(?:between the two|both (?:sides|countries|ministries|governments)|the two (?:sides|countries|ministries|governments|(?:foreign )?ministers|leaders|presidents))\b",
    re.I,
)  # the pair told before
ATTRIBUTIVE_PLANNED = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?:upcoming|next|forthcoming|planned|proposed)\b", re.I
)  # "talks on the planned treaty": another thing planned
FORMAT_TOPIC_BEFORE = re.compile(  # "met … to discuss the ECOWAS standby force": a topic, not the format met in
    r"\b(?:discuss|discussed|discussing|discussion of|talked about|spoke about|about|regarding|concerning)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:cooperation|co-operation|coordination)\s+(?:at|in|within)\s+(?:the\s+)?$",
    re.I,
)
ABSENT = re.compile(  # a member of a format's session that was not there
    r"\b(?:was not represented|were not represented|was absent|were absent|did not attend|stayed away|"
    r"boycotted|skipped the)\b|^Neither were\b"
)
TOPIC_BEFORE = re.compile(
    r"\b(?:on|about|regarding|concerning)\s+(?:[\w-]+\s+){0,2}$"
)  # "a memorandum on political consultations"
PAST_PERFECT = re.compile(r"\b(?:had|last)\b")  # told as before the day being reported
MODIFIER_AFTER = re.compile(
    r"[\s-]+(?:partners?|status|platform|mechanism|room|hall|venue|process|circuit)\b"
)  # "an SCO dialogue partner": a word about something else
LEADERS_OF = re.compile(
    r"\b(?:[Tt]he\s+)?(?:leaders|heads of state(?: and government)?|presidents)\s+of\s+(?:the\s+)?$"
)  # "the leaders of the OTS gathered"
# an interviewee's visit told without a meeting word: "I was in Tirana to see my counterpart"
FIRST_PERSON_TALKS = re.compile(r"\bI (?:spoke|talked|held talks|negotiated)\b(?=[^.;:?]{0,60}\bwith\b)")
FIRST_PERSON_VISIT = re.compile(r"\bI was in\b(?=[^.;:]{0,80}\b(?:to see|with|visiting|as a guest of)\b)")
SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins|fringes)\b", re.I)  # a meeting beside another
ALSO = re.compile(r"\b(?:also|in addition|additionally)\b", re.I)  # "He also met …": one more meeting
REFLEXIVE_ONLY = re.compile(r"(?!)")  # (German only: "sich … getroffen")
# meeting verbs that name a meeting only when it is to come and with whom or where: "is due to meet Wang",
# "will meet in Astana"; not "meet the target", "Ministers meet in …" (a headline the body tells)
OBJECT_VERBS = {"meet": "after-or-place", "meet with": "after"}
HYPOTHETICAL = re.compile(
    r"^\W*(?:If|Unless|Should|Were)\b|\b(?:were|was) to meet\b"
)  # "If X were to meet Y …"
TO_COME_BEFORE = re.compile(r"\b(?:to|will|shall)\s+(?:\w+\s+)?$")  # "is due to meet", "will also meet"
NOT_TO_BEFORE = re.compile(
    r"\b(?:refused|refuses|declined|declines|failed|fails|unwilling|reluctant|not|never)\s+to\s+$"
)
PLACE_AFTER = re.compile(r"\s+(?:again|in|on|at|next|later|this)\b")  # "will meet in Astana"
OBJECT_GAP_ARTICLE = re.compile(r"(?!)")  # (German only: "den Außenminister getroffen")
OBJECT_GAP_NOUNS: frozenset[str] = frozenset()
# the ones who meet, named only as a group: "the foreign ministers of the five states met", "whose leaders will meet"
GROUP_ACTORS = re.compile(
    r"\b(leaders|(?:foreign |prime )?ministers|heads of (?:state|government)|presidents)\b"
    r"(?:[^.;:!?]|(?<=\d)\.){0,70}$",
    re.I,
)
GROUP_GAP_WORDS = frozenset(
    "of the and from both all their two three four five six seven countries states nations republics whose "
    "also again last first".split()
)  # what may stand between the group and the verb besides the countries: "of the five states"
GROUP_FINITE = frozenset("will shall are is were was have had".split())  # "… are due to meet", "… will meet"
DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|The|This|That)\s+$")
CONTEXT_ANAPHOR = re.compile(
    r"^\s*(?:There|During the|At the|On the sidelines|In the course|Afterwards|Also)\b"
)
EVENT_OFFSET = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d+)\s+days?\s+(?P<dir>before|after|ahead of)|"
    r"on the (?P<eve>eve) of|(?P<side>on the sidelines of|at the margins of|on the margins of))\s+the\s+(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "a meeting of the six foreign ministers": as many sides as a format told in the article has
COUNTED_MINISTERS = re.compile(
    r"\b(three|four|five|six|seven|eight|nine|\d)\s+(?:[\w-]+\s+){0,2}?(?:foreign\s+)?ministers\b", re.I
)
COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
ORDINAL = re.compile(
    r"\b(?P<word>" + "|".join(ORDINALS) + r")\b|\b(?P<num>\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE
)
SAME_MEASURE = re.compile(  # a figure's sentence that goes on with another year of the same measure
    r"\b(?:it was|it stood at|stood at|the figure was|compared with|up from|down from|a year earlier|the year "
    r"before|before that|combined|together)\b",
    re.I,
)
PREVIOUS_YEAR = re.compile(
    r"^[^.;]{0,25}?\b(?:a year earlier|the year before|the previous year|in the previous year)\b", re.I
)
TARGET = re.compile(
    r"\b(?:goal|target|aim|aims|to reach|to double|work towards|working towards|(?:raise|raising|lift|lifting|increase|increasing|boost|"
    r"boosting|bring|bringing|grow|growing|take|taking)\s+(?:it|this|that|the figure|trade|turnover)\s+to)\b",
    re.IGNORECASE,
)
OTHER_COUNTRY = re.compile(
    r"\b(?:in the country|into the country|in that country)\b"
)  # the other country of the pair the article is about
BILATERAL = re.compile(r"\b(?:bilateral|both countries|the two countries|two-way)\b", re.IGNORECASE)
# a figure of a whole region, a continent or a province, not of two states: "India's trade with the EU's 27
# members", "Zhambyl region's trade with Kyrgyzstan"
AGGREGATE = re.compile(
    r"\b(?:region['’]s|province['’]s|oblast['’]s|akimat|(?:the )?EU['’]s 27 members|with the (?:whole|entire) "
    r"(?:continent|region)|total external trade|in total)\b",
    re.I,
)
SUBNATIONAL = re.compile(
    r"\b(?:province|provincial|people['’]s committee|state government|regional government|county|municipality|city council)\b",
    re.I,
)  # a province, a Land, a town: signs for itself, not its state
NON_STATE = re.compile(
    r"\b(?:company|companies|group|firm|firms|corporation|consortium|federation|federations|association|club|clubs|league|university|universities|startup|board|shareholders|operator|plant|energy group|"
    r"museum|museums|gallery|galleries|foundation|library|orchestra|theatre|theater|chamber|chambers)\b",
    re.IGNORECASE,
)
YEAR_CONTEXT = re.compile(
    r"\b(?:in|for|during|of|since)\s+(?P<year>(?:19|20)\d\d)\b|\b(?P<bare>(?:19|20)\d\d)\b"
)
REPORTED_ON = re.compile(  # the day of the report, not of the event: "the ministry said in a statement on Wednesday"
    r"\b(?:said|says|announced|stated|reported)\s+in\s+an?\s+(?:written\s+)?(?:statement|readout|press release)"
    r"\s+(?:late\s+|early\s+)?$"
)
SPEECH_VERBS = re.compile(
    r"\b(?:said|says|told|stated|stressed|noted|added|declared|emphasised|emphasized|underlined|wrote|"
    r"remarked|explained|according to|insisted|warned|announced)\b",
    re.IGNORECASE,
)
HONORIFICS = frozenset(
    "Sheikh Sheikha Sayyid Sayyida Prince Princess Mr Mrs Ms Dr Dr. His Her Highness Excellency Majesty "
    "Hon. Hon H.E. YB Dato' Dato’ Dato Datuk Datin Seri Sri Utama Haji Hajjah Tun Shri Smt Smt. Shrimati "
    "Kumari Senator Sen.".split()
)  # courtesy titles before a name, never part of it
CONJUNCTION = re.compile(r"^\s*(?:and|&|[-–—])\s*$")  # "Deputy Prime Minister – Minister of Foreign Affairs"
NAME_STOPWORDS = HONORIFICS | frozenset(
    """
    Besides Despite Unlike Like Beside Today Yesterday Tomorrow Now Also Only Even Then Later Meanwhile
    The A An In On At By For With From To Of And Or But As After Before During While Since Until Under Over
    Between Mr Mrs Ms Dr Minister President Foreign Prime Deputy Secretary State Ambassador His Her Their Its
    This That These Those It He She We They Both All Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Government
    Ministry Embassy Delegation Republic Federation Kingdom Central Asia Europe Africa America West East North
    South Capital Agency News Press Office Council Union Sides Countries Nations Summit Meeting Talks Undersecretary Under-Secretary
    When Where Whether If Once Though Although Because Until Unless Shortly Soon Just Last Next
    """.split()
)
NOUN_SUFFIXES = ("tion", "ment", "ness", "ship", "ity", "ism", "ence", "ance", "ing")
