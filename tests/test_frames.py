"""What each claim counts, what happened, how sure, where and who says it (extract/frames.py)."""

from __future__ import annotations

import pytest
from conftest import FRANCE24

from crosscheck import extract
from crosscheck.extract.frames import hierarchy
from crosscheck.report import report_dict, validate
from crosscheck.sources import find_outlet, make_source


def claims_of(text: str, **kwargs):
    return extract([make_source("t", "t.txt", text, **kwargs)]).claims


def quantity(text: str, span: str):
    return next(c for c in claims_of(text) if c.text == span)


# --------------------------------------------------------------------------- subject and class


@pytest.mark.parametrize(
    "sentence, span, subject_class",
    [
        ("Police arrested eight people after the march on Thursday.", "eight", "persons"),
        ("At least nine of the protesters were detained, police said.", "At least nine", "persons"),
        ("She and nine others were taken into custody on Friday.", "nine", "persons"),
        ("Police detained 20 protesters, up to 15 of whom were seen throwing stones.", "up to 15", "persons"),
        ("The attack killed 22 soldiers and 12 civilians, officials said.", "22", "soldiers"),
        ("The judge set bail at $200,000 for each of them.", "$200,000", "money"),
        ("He was sentenced to 3 ½ years in prison.", "3 ½ years", "time"),
        # lb167, lb112: a partitive counts what its whole counts, past the whole's figure and owner
        ("Only three of 340 prisoners sentenced to federal death row have been executed.", "three", "persons"),
        # multinews-more lb153, lb061, lb089: the head of a compound comes last; facilities, raccoons
        # and nations are buildings, animals and countries
        ("Borch is expected to receive the last of four rabies shots on Saturday.", "four", "shots"),
        ("The video was taken at four facilities in Virginia.", "four", "buildings"),
        ("Last summer, two raccoons in Lincolnville tested positive for rabies.", "two", "animals"),
        ("The station was built by a partnership of 16 nations.", "16", "countries"),
        (
            "Mount Tabor Park is home to three of the city's five uncovered drinking water reservoirs.",
            "three",
            "reservoirs",
        ),
        # lb000: the number of something grown to a figure counts that something
        (
            "The overall number of protesters, some wearing gas masks, had grown to at least 2,000 by late Sunday.",
            "at least 2,000",
            "persons",
        ),
        # lb023, lb118: "a six-figure sum" and "five figures" are amounts of money
        ("His purchase back in 2009 is set to command a six-figure sum.", "six-figure", "money"),
        ("To do so, she gave him five figures to cover the canine costs.", "five figures", "money"),
        # lb118: "three other movies" are movies, not others
        ("They went on to make three other movies together.", "three", "movies"),
        # lb033: the five 2-year-olds are children
        ("The video showed Cosme putting hot glue on the hands of the five 2-year-olds.", "five", "children"),
        # lb000, lb033: ages said as an "-old" after a hyphen and after "the ages of"
        ("Protesters aligned with a 2-month-old national movement camped there.", "2-month", "age"),
        ("The facility serves children between the ages of 6 weeks and 6 years.", "6 weeks", "age"),
        # multinews-more lb167, lb061: a figure written as a rank is a rank, whatever it ranks
        ("Dzhokhar Tsarnaev has become the 62nd inmate on federal death row.", "62nd", "rank"),
        ("Perdue, the nation\u2019s third-largest chicken producer, announced plans.", "third-largest", "rank"),
        # lb109, lb084: cops and detectives are police
        ("Two detectives and three cops arrived within minutes.", "Two", "police"),
    ],
)
def test_subject_class(sentence, span, subject_class):
    assert quantity(sentence, span).subject_class == subject_class


@pytest.mark.parametrize(
    "sentence, span",
    [
        ('"When I was 16, we got a champagne-colored Cocker Spaniel," Bacall wrote.', "16"),  # lb118
        ("Of the 61 inmates on federal death row, at 21 he will be the youngest.", "21"),  # lb167
        ("At 89, she still went to the theater every week.", "89"),
    ],
)
def test_an_age_said_with_at_or_when_i_was(sentence, span):
    assert quantity(sentence, span).subject_class == "age"
    assert quantity("The store opens at 9 and closes at 5.", "9").subject_class != "age"


def test_a_title_in_quotes_owns_no_age(make_source):
    """multinews-more lb158: 'The 19-year-old "Modern Family" star' is the age of the actress, not
    of a Family: a name in quotation marks is a title, never the person the article is about."""
    text = (
        'The 19-year-old "Modern Family" star is known for her posts. '
        "Let's talk about the 19-year-old \"Modern Family\" star's presence on social media."
    )
    assert {c.subject for c in claims_of(text)} == {"age"}


def test_a_count_after_a_place_and_a_comma_is_no_age():
    """lb167: "Texas, which has put 11 prisoners there; Missouri, nine; and Virginia, seven": ages
    after a name are written in figures ("Durst, 73,"), so "Virginia, seven" counts prisoners."""
    c = quantity("Texas has put 11 prisoners there; Missouri, nine; and Virginia, seven.", "seven")
    assert c.subject_class != "age" and c.unit is None
    assert quantity("Durst, 73, was sentenced.", "73").subject == "age of durst"
    assert quantity("The crowd had swelled to 2,000 overnight.", "2,000").subject is None


def test_an_age_between_a_figure_and_its_noun_describes_it():
    """lb033: "caused injury to the five 2-year-old children": five children, each two years old."""
    claims = claims_of("Cosme allegedly caused injury to the five 2-year-old children on Dec. 1.")
    assert [(c.text, c.subject, c.subject_class) for c in claims if c.type == "quantity"] == [
        ("five", "children", "children"),
        ("2-year-old", "age", "age"),
    ]


def test_a_name_before_a_noun_says_which_not_whose_age():
    """lb109: "a 22-year-old Disneyland employee" is no age of Disneyland; "27-year-old Susana
    Gonzalez" is Gonzalez's."""
    assert quantity("Police arrested a 22-year-old Disneyland employee on Wednesday.", "22-year-old").subject == "age"
    c = quantity("The 27-year-old Susana Gonzalez was charged.", "27-year-old")
    assert c.subject == "age of susana gonzalez"
    assert quantity("His body was found over 150 metres lower down.", "over 150 metres").subject is None
    assert quantity("He spent one day there.", "one day").subject is None


def test_an_age_after_a_name_with_a_suffix_is_that_persons():
    """lb161: "Kenny Caulder Jr., 19, of Fairmont" is Caulder's age, as "Austin Seth Hunt, 19," is Hunt's."""
    c = quantity("Kenny Caulder Jr., 19, of Fairmont was charged with two counts of arson.", "19")
    assert (c.unit, c.subject, c.subject_class) == ("year", "age of kenny caulder", "age")


def test_whom_stands_for_its_antecedent():
    c = quantity("Police detained 20 protesters, up to 15 of whom were seen throwing stones.", "up to 15")
    assert c.subject == "protesters" and c.high == 15


def test_a_class_named_by_its_noun_is_named_in_the_plural():
    """lb123, lb089: the gold names "statements", "neighborhoods"; one lesson and two lessons are one kind."""
    from crosscheck.extract.frames import hierarchy, plural

    assert [hierarchy().classify(n) for n in ("lesson", "lessons", "statement", "county")] == [
        "lessons",
        "lessons",
        "statements",
        "counties",
    ]
    assert [plural(n) for n in ("box", "day", "boss", "cooling loops", "series")] == [
        "boxes",
        "days",
        "bosses",
        "cooling loops",
        "series",
    ]


def test_hierarchy_narrower_classes_are_persons():
    h = hierarchy()
    assert h.is_a("soldiers", "persons") and h.is_a("police", "persons") and not h.is_a("vehicles", "persons")
    assert h.compatible("persons", "militants") and not h.compatible("soldiers", "militants")
    assert h.classify("dollars") == "money" == h.classify(None, "dollar") and h.classify("widgets") == "widgets"


# --------------------------------------------------------------------------- event, modality, attribution


def test_each_figure_of_a_coordinated_sentence_gets_its_own_event():
    claims = claims_of("Six people died and 14 were hurt in the blast, police said.")
    assert [(c.text, c.event) for c in claims if c.type == "quantity"] == [("Six", "killed"), ("14", "wounded")]


@pytest.mark.parametrize(
    "sentence, span, event",
    [
        # lb118: the verb of the sum, not the filing named at the head of the sentence
        (
            "According to papers filed Friday in Manhattan Surrogate's Court, the actress set aside $10,000 "
            "for the care for her Papillon.",
            "$10,000",
            "set",
        ),
        # lb118: the estate is split; the Dakota "where John Lennon lived and died" killed no one of it
        (
            "The majority of Bacall's sizable estate, which includes her apartment in the famed Dakota building "
            "(where John Lennon lived and died), is to be split between her three children.",
            "three",
            "split",
        ),
        ("Six people died and 14 were hurt in the blast, police said.", "14", "wounded"),
        # lb033: an event word across "after" belongs to the other clause; a span right before "after"
        # measures the time to what follows it (lb190)
        (
            "The Chicago Police Department said Lizandra Cosme, 32, and Susana Gonzalez, 27, face charges after"
            " five children were injured at the Children's Learning Place.",
            "five",
            "wounded",
        ),
        ("2 women charged after 5 toddlers injured with hot glue at day care", "5", "wounded"),
        (
            "Nearly 48 hours after he allegedly shot a man to death in Montpelier, police still don't know where he is.",
            "Nearly 48 hours",
            "killed",
        ),
    ],
)
def test_a_near_verb_beats_a_far_event_word(sentence, span, event):
    assert quantity(sentence, span).event == event


@pytest.mark.parametrize(
    "sentence, span, event",
    [
        # lb033, lb112: a progressive and an infinitive right before the figure name what happened,
        # in the past form annotators write
        ("She was watching 16 children at the time of the hot glue gun incident.", "16", "watched"),
        (
            "The bureau did not change its decision to dump 38 million gallons after a man peed.",
            "38 million gallons",
            "dumped",
        ),
        ("The city is paying $20,000 to the family.", "$20,000", "paid"),
        ("He said he thinks shipping 38 million gallons is a bad idea.", "38 million gallons", "shipped"),
        # a noun after "to" is no verb: "sentenced to prison for 10 years" was sentenced
        ("He was sentenced to prison for 10 years.", "10 years", "sentenced"),
        # multinews-more lb061: a relative clause describes the counted noun; the verb before says what
        # happened to it (and, with none before, the relative clause's verb still names it)
        ("Tyson says it has fired ten workers who can be seen in the video.", "ten", "fired"),
        ("Police found 20 animals which tested positive for rabies.", "20", "found"),
        # multinews-more lb000: a verb after a subject pronoun, in any tense; "had" is none
        ('"I work three part-time jobs with no benefits," she said.', "three", "worked"),
        # multinews-more lb048: the verb right before the figure beats one further on
        (
            "Mrs Wilson fell down a cliff, then tumbled about 150 metres down into an area known as Notch.",
            "about 150 metres",
            "tumbled",
        ),
        # multinews-more lb048: a participle is its verb's simple past, as the other outlet's "fell 30ft"
        ("Detective Bird said Mrs Wilson had fallen 20-30ft down a vertical cliff.", "20-30ft", "fell"),
        # ... only when no other verb is read, and never a verb of thinking
        ("They estimate 300 homes were destroyed in the fire.", "300", "destroyed"),
        ("He drinks three cups of coffee a day.", "three", "drank"),
        # multinews-more lb166: a modal's verb, in its base form ("would wear two rings")
        ("Betty Wagner would wear two rings: her wedding ring and engagement ring.", "two", "wore"),
        ("Cosme, who had 16 children under her care, was seen on video.", "16", None),
        ("There were 20 animals which tested positive for rabies.", "20", "tested"),
    ],
)
def test_a_verb_in_another_form_is_the_event_in_its_past_form(sentence, span, event):
    assert quantity(sentence, span).event == event


def test_a_comma_and_a_conjunction_end_the_figures_clause():
    """multinews-more lb020's summary: "married to Silva for 21 months, and she has been trying" did
    not try for 21 months."""
    (months,) = claims_of("Cobain was married to Silva for 21 months, and she has been trying to get the guitar back.")
    assert months.event != "tried"


def test_the_verb_of_another_clause_is_no_event_of_the_figure():
    """lb118, lb165: "because the family plans to auction" and ", but was blocked" are other clauses."""
    claims = claims_of(
        "The estate documents, filed Friday in Manhattan Surrogate's Court because the family plans to auction "
        "artwork, were released."
    )
    assert {c.text: c.event for c in claims}["Friday"] == "filed"
    claims = claims_of(
        'The university has referred to the hall simply as "Memorial Hall" since 2002, but was blocked in court.'
    )
    assert {c.text: c.event for c in claims}["2002"] != "blocked"


def test_past_forms_of_verbs_read_in_other_forms():
    from crosscheck.extract.frames import as_past

    assert [
        as_past(w) for w in ("flushing", "examining", "stopping", "carrying", "leaving", "flush", "pay", "raise")
    ] == [
        "flushed",
        "examined",
        "stopped",
        "carried",
        "left",
        "flushed",
        "paid",
        "raised",
    ]


def test_an_announcement_is_a_statement():
    """lb165: "made the announcement Monday" dates the statement Vanderbilt made, as "announced" does."""
    claims = claims_of("Chancellor Nicholas S. Zeppos made the announcement Monday, capping a yearlong effort.")
    assert {c.text: c.event for c in claims}["Monday"] == "statement"


def test_a_participle_of_another_noun_is_no_event_of_the_figure():
    """Seeds (RFE/RL): "After several years of fighting, American troops, supported by Sunni Arab
    tribes, ...": the support was the troops', the years were not "approved"; "$5 million,
    approved by the council" was."""
    c = quantity(
        "After several years of fighting, American troops, supported by Sunni Arab tribes, left.", "several years"
    )
    assert c.event is None
    assert quantity("The budget of $5 million, approved by the council, was spent.", "$5 million").event == "approved"


def test_passed_away_is_a_death():
    claims = claims_of("The actress, who passed away in her Manhattan home last week, was 89.")
    assert {c.text: c.event for c in claims}["last week"] == "killed"


def test_synonyms_name_one_event():
    """lb165, lb112: a slaying is a killing; flushing water is dumping it (lexicon.json events)."""
    slain = claims_of("Calls multiplied after last year's slaying of nine black churchgoers in Charleston.")
    assert {c.text: c.event for c in slain}["nine"] == "killed"
    flushed = claims_of("Kent Craford said he thinks flushing 38 million gallons is a bad idea.")
    dumped = claims_of("The city says it will dump a total of 38 million gallons of water.")
    assert {c.event for c in flushed + dumped if c.type == "quantity"} == {"dumped"}
    # multinews-more lb042, lb105: an assault of people is no military offensive; an assault on a city is
    sued = claims_of("He is suing Bryan Singer for the alleged sexual assault of two clients.")
    assert {c.text: c.event for c in sued}["two"] == "assaulted"
    siege = claims_of("The army launched a major assault on the city, and 30 militants were killed.")
    assert {c.text: c.event for c in siege}["30"] == "killed"
    # multinews-more lb105: the men of "charged in the killings of three men" were killed
    killings = claims_of("Police officers were charged in the killings of three adolescent black men.")
    assert {c.text: c.event for c in killings}["three"] == "killed"


def test_a_conversion_in_brackets_says_what_its_figure_says():
    """multinews-more lb140: "compensated 520,000 yuan ($83,000)": both sums were compensated."""
    claims = claims_of("A villager in Gansu province has been compensated 520,000 yuan ($83,000) after an attack.")
    assert [(c.text, c.event) for c in claims] == [("520,000 yuan", "compensated"), ("$83,000", "compensated")]


def test_an_event_word_in_a_name_is_no_event():
    """multinews-more lb061: the group Compassion Over Killing kills no one; a headline in title
    case still says what happened ("Lauren Bacall Bequeathed $10,000 ...", lb118)."""
    (several,) = [
        c for c in claims_of("A Compassion Over Killing investigator worked inside several Tyson facilities.")
    ]
    assert several.event != "killed"
    (ten,) = claims_of("Lauren Bacall Bequeathed $10,000 for Care of Beloved Dog Sophie")
    assert ten.event == "bequeathed"
    # a sentence full of names is no headline
    (five,) = claims_of("Compassion Over Killing said Tyson Foods fired 5 workers.")
    assert five.event == "fired"


def test_death_row_is_a_sentence():
    """multinews-more lb167: "the 62nd inmate on federal death row" was sentenced, not killed; and a
    bare count of the sentenced counts people ("Missouri, nine")."""
    claims = {c.text: c for c in claims_of("Dzhokhar Tsarnaev has become the 62nd inmate on federal death row.")}
    assert claims["62nd"].event == "sentenced"
    (nine,) = [c for c in claims_of("Missouri has sentenced nine to death row.") if c.text == "nine"]
    assert (nine.event, nine.subject_class) == ("sentenced", "persons")


def test_a_sum_left_to_someone_is_bequeathed():
    """multinews-more lb118: "left $10,000 to one of her sons" (lexicon.json events_of_money); people
    who left, and minutes later, are no bequest."""
    events = {c.text: c.event for c in claims_of("Bacall left $10,000 to one of her sons, and £5,000 to her maid.")}
    assert events == {"$10,000": "bequeathed", "£5,000": "bequeathed"}
    assert {c.event for c in claims_of("Dozens of people left the square 20 minutes later.")} == {"left"}
    # a sum carried off or left over was given to no one
    assert [c.event for c in claims_of("The robbers left with $3,000 in cash.")] == ["left"]
    assert [c.event for c in claims_of("The fund has only $3,000 left.")] != ["bequeathed"]


def test_a_shared_predicate_is_one_event():
    claims = claims_of("On Sunday 22 soldiers and 12 civilians were killed in Ramadi.")
    assert {c.text: c.event for c in claims if c.type == "quantity"} == {"22": "killed", "12": "killed"}


def test_officials_who_talk_are_not_killed(seed_extracted):
    two = next(c for c in seed_extracted.claims if c.source == FRANCE24 and c.text == "Two")
    assert two.subject_class == "officials" and two.event is None


def test_plans_are_not_counts(seed_extracted):
    drones = [c for c in seed_extracted.claims if c.subject == "drones"]
    assert drones and all(c.modality == "planned" for c in drones)
    toll = next(c for c in seed_extracted.claims if c.text == "more than 34")
    assert toll.modality == "stated" and toll.attribution == "officials"


@pytest.mark.parametrize(
    "sentence, span, kind",
    [
        ("If the strike goes ahead, 300 flights could be cancelled.", "300", "hypothetical"),
        ("An estimated 2,000 people attended the rally.", "An estimated 2,000", "estimated"),
        ("The company expects 5,000 visitors next year.", "5,000", "expected"),
        ("The city will hire 40 teachers this fall.", "40", "planned"),
    ],
)
def test_modality(sentence, span, kind):
    assert quantity(sentence, span).modality == kind


def test_attribution_and_place():
    c = quantity("Five people were killed in Kabul on Monday, according to Voice of America.", "Five")
    assert c.attribution == "Voice of America" and c.place == "Kabul" and "Kabul" in c.actors
    assert quantity("Police said 12 people were hurt.", "12").attribution == "Police"


def test_who_is_counted_and_sentence_openers_are_no_actors():
    """multinews-more lb105: "Three young Black men left dead" names no actor that another outlet's
    "Detroit" or "Bigelow's" could differ from (a one-word "Black" says who is counted; "White House"
    and "Morris Black" stay names); nor does "My" or "Photos" open a name."""
    from crosscheck.align.scoring import _actor_keys

    assert _actor_keys(quantity("Three young Black men left dead and many questions.", "Three")) == frozenset()
    said = quantity("White House spokesman Jay Carney said 10 drones would be sent to Morris Black.", "10")
    assert {"White House", "Morris Black"} <= set(said.actors)
    assert quantity("My mother gave Ella Fitzgerald 20 dollars.", "20 dollars").actors == ("Ella Fitzgerald",)


# --------------------------------------------------------------------------- figures read right


@pytest.mark.parametrize(
    "sentence, span, value, low, high",
    [
        ("Police said up to two dozen people were hurt.", "up to two dozen", 24, None, 24),
        ("He was sentenced to 3 ½ years in prison.", "3 ½ years", 3.5, 3.5, 3.5),
        ("The city spent two-thirds of that on repairs.", "two-thirds", 66.67, 66.67, 66.67),
        ("The tools are 280,000-50,000 years old.", "280,000-50,000 years old", 50000, 50000, 280000),
        # multinews-more lb020: "mil" is million
        ("Isaiah claims Frances has upwards of $100 mil in her dad's estate.", "upwards of $100 mil", 1e8, 1e8, None),
    ],
)
def test_figures(sentence, span, value, low, high):
    c = quantity(sentence, span)
    assert (c.value, c.low, c.high) == (value, low, high)


def test_a_byline_with_a_date_is_metadata():
    """multinews-lb153: "By Alex Acquisto , BDN Staff • June 14, 2017 2:30 pm" dates the story."""
    source = make_source(
        "t", "t.txt", "By Alex Acquisto , BDN Staff \u2022 June 14, 2017 2:30 pm\nThe fire destroyed 40 homes."
    )
    assert str(source.published) == "2017-06-14"
    assert [c.text for c in extract([source]).claims] == ["40"]


@pytest.mark.parametrize(
    "sentence, span, event",
    [
        # lb109, lb000: none hurt, none arrested is a count, and it is 0
        ("No one was injured in the small blast, but Disneyland briefly evacuated the section.", "No one", "wounded"),
        ("No arrests have yet been made.", "No arrests", "arrested"),
        ("Nobody was seriously hurt, police said.", "Nobody", "wounded"),
    ],
)
def test_none_harmed_is_a_count_of_zero(sentence, span, event):
    c = quantity(sentence, span)
    assert (c.value, c.low, c.high, c.event, c.subject_class) == (0, 0, 0, event, "persons")
    assert [c.text for c in claims_of("No one knows why the blast happened.")] == []


def test_one_day_after_to_is_a_day_when_no_verb_follows():
    c = quantity("He was sentenced to one day in jail.", "one day")
    assert (c.value, c.unit) == (1, "day")
    assert [c.text for c in claims_of("She hopes to one day return to the stage.")] == []


def test_a_third_of_is_a_share():
    """lb000: "roughly a third of what originally was about 300 tents"; "a quarter of an hour" is no share."""
    c = quantity("By 7:15 p.m. Sunday, roughly a third of the tents were gone.", "roughly a third")
    assert (c.unit, round(c.value), c.subject) == ("percentage", 33, "tents")
    assert [c.text for c in claims_of("It ended in a quarter of an hour.") if c.unit == "percentage"] == []


def test_a_date_far_before_a_figure_does_not_scope_it():
    """lb123: Trump spoke on Saturday; the shooting that "left nine dead" was not on Saturday."""
    text = (
        "FRANKLIN, Tenn. (AP) \u2014 Republican presidential candidate Donald Trump on Saturday channeled 1970s "
        "action star Charles Bronson in defending Second Amendment rights in the aftermath of the shooting at "
        "an Oregon community college that left nine dead."
    )
    assert quantity(text, "nine").date is None
    assert quantity("Nine people were killed on Oct. 1, 2015.", "Nine").date == "2015-10-01"


def test_years_later_is_a_year_counted_from_the_last_one():
    """lb118: "... to her Maltese, Trouble, in 2007. Three years later, fashion designer Alexander
    McQueen ... left $82,000": 2010, a date, not a span of three years."""
    claims = claims_of(
        "Leona Helmsley left a whopping $12 million to her Maltese, Trouble, in 2007. Three years later, "
        "fashion designer Alexander McQueen left $82,000 to his dogs. Five years earlier she had married."
    )
    later = {c.text: (c.type, c.date) for c in claims}
    assert later["Three years later"] == ("date", "2010") and later["Five years earlier"] == ("date", "2005")
    assert [(c.type, c.unit) for c in claims_of("He was sentenced to three years.") if c.text == "three years"] == [
        ("quantity", "year")
    ]


def test_a_change_is_two_figures_not_a_range():
    claims = [c for c in claims_of("Ticket prices rose from $65 to $70 this year.") if c.type == "quantity"]
    assert [(c.text, c.value, c.low, c.high) for c in claims] == [("$65", 65, 65, 65), ("$70", 70, 70, 70)]


# --------------------------------------------------------------------------- not claims


@pytest.mark.parametrize(
    "text",
    [
        "She told USA TODAY that the plan was bad.",
        "A study reported by Medical News Today found a link.",
        "He hosted Saturday Night Live in the spring.",
        '"If the election were held today, we would win," he said.',
        # lb123: "today" of a quoted generalisation is nowadays, no day
        "\"Today you can't make that movie because it's not politically correct,\" Trump said.",
        "Anyone with information should call 911.",
        "Write to P.O. Box 1234 with any tips.",
        "The story continued on page A - 10 of the paper.",
        # multinews-more lb018: a draft classification is a code, as "F-16" is
        "He learned he had been labeled 4-C, or enemy aliens, by the draft board.",
        "The office is at 200 Main St., Miami, FL 33169.",
        # multinews-more (not in the gold), read by a helper: names and titles, not amounts or days
        "Kinect for Xbox 360 was designed and built with strong privacy protections in place.",
        "She urged Maroon 5 to pull out of the Super Bowl Halftime Show.",
        "The current mission of the space station, officially called Expedition 38, is scheduled to go on.",
        "Her follow-up, Zero Dark Thirty, got a Best Picture nod, too.",
        # multinews-more lb159: a number word opening a title inside a sentence
        'The actor charmed his way into high society in "Six Degrees of Separation" years ago.',
        "He amplified the argument in an interview with George Stephanopoulos on ABC\u2019s This Week.",
        "Netflix renewed the series for seasons 5, 6 and 7.",
        "Ariel attended a screening of Modern Family\u2019s season eight finale.",
        "The researchers say the technology could one day be used to broadcast imagery.",
        "Ashes of the Apostle were found near the town of Debelt in today's Burgas District.",
        "\u201cThe No. 1 thing we try to remind people of is that it is fatal.\u201d",
    ],
)
def test_names_numbers_and_hypothetical_days_are_not_claims(text):
    assert [c.text for c in claims_of(text) if c.text not in ("200",)] == []


def test_a_capitalised_count_outside_a_title_still_counts():
    assert [c.text for c in claims_of("Police Arrest Six Men After Brawl")] == ["Six"]
    assert [c.text for c in claims_of("She met Two Americans at the border.")] == ["Two"]
    assert [c.text for c in claims_of('"Four Marines were killed in the attack," the officer said.')] == ["Four"]
    assert [c.text for c in claims_of('He said "Two Democrats joined us" on Friday.') if c.type == "quantity"] == [
        "Two"
    ]


def test_a_past_day_in_a_quoted_guess_is_a_day():
    """multinews-more lb190: the police are unsure of the bus, not of the morning."""
    quoted = '"He may have gotten on a bus yesterday morning in White River Junction," she said.'
    assert [c.text for c in claims_of(quoted)] == ["yesterday morning"]


@pytest.mark.parametrize(
    "line",
    [
        "Hide Caption 12 of 43",
        "Photos: 3 of 12",
        "0:00 / 1:23",
        "Throwback Thursday: 5 recipes",
        # multinews-more lb159, lb105: a gallery's counter, a review site's explainer
        "Fox Searchlight Pixar/Disney 1 of 30 Close expandIcon 1 30 Close",
        "The Tomatometer score \u2014 based on the opinions of hundreds of film and television critics \u2014 is a "
        "trusted measurement of critical recommendation for millions of fans.",
        # multinews-more, read by a helper
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
        "Related PHOTOS: No Apologies: All 102 Nirvana Songs Ranked",
        "Reach her at 442-1400, extension 317, or linda@northcoastjournal.com.",
        "An ICBM test by North Korea on Sept. 9? 9:04 PM ET Sun, 3 Sept 2017 | 02:51",
        "\U0001f618 A post shared by ARIEL WINTER (@arielwinter) on May 4, 2017 at 5:57pm PDT",
        "That's all for today's trending, do check back tomorrow for more!",
        "MPAA Definition of R: Restricted. Under 17 requires accompanying parent or adult guardian.",
        "994 mass shootings in 1,004 days: this is what America's gun crisis looks like Read more",
    ],
)
def test_page_furniture_yields_nothing(line):
    claims = claims_of(f"{line}\nThe fire destroyed 40 homes on Sunday.")
    assert [c.text for c in claims if c.type == "quantity"] == ["40"] and all(c.start > len(line) for c in claims)


def test_dateline_is_the_publication_date_and_no_claim():
    text = "Headline\nFERRISBURG, Vt., March 12, 2025 - Two people were killed on Tuesday, police said."
    source = make_source("t", "t.txt", text)
    assert source.published.isoformat() == "2025-03-12"
    claims = extract([source]).claims
    assert "March 12, 2025" not in [c.text for c in claims]
    assert next(c for c in claims if c.text == "Tuesday").date == "2025-03-11"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("A man walks past the shop. (CNN)", "CNN"),
        ("The lion rests in the park. (Associated Press)", "AP"),
        ("Reporting by a San Francisco Chronicle staff writer.", "San Francisco Chronicle"),
        # dev gold pages that credit themselves (lb000, lb166, lb118, lb190, lb084, lb112)
        (
            "Demonstrators sit near City Hall early Monday. Credit: Rick Loomis / Los Angeles Times\n",
            "Los Angeles Times",
        ),
        ("Related stories on AOL:\nExplorer says Griffin shipwreck may be found", "AOL"),
        ("[Related: Watch: Yahoo's Canine Reporter Investigates One Pet-Friendly Hotel]", "Yahoo"),
        ("WCAX News is learning the victim and the shooter may have been friends.", "WCAX"),
        ("Coronary artery disease care at Mayo Clinic\n", "Mayo Clinic"),
        ("In an exclusive, expletive-filled interview with Vocativ outside his home, he insisted.", "Vocativ"),
    ],
)
def test_outlet_credits(text, outlet):
    assert find_outlet(text) == outlet


def test_frames_are_in_the_json_contract(seed_compared):
    report = report_dict([seed_compared])
    validate(report)
    claim = next(c for c in report["claims"] if c["text"] == "more than 34")
    assert claim["subject_class"] == "persons" and claim["event"] == "killed" and claim["modality"] == "stated"
    assert claim["attribution"] == "officials" and isinstance(claim["actors"], list)


def _on(text: str):
    from dataclasses import replace
    from datetime import date

    return extract([replace(make_source("t", "t.txt", text), published=date(2016, 8, 15))]).claims


def test_relative_days_and_periods():
    claims = {c.text: c.date for c in _on("She vanished on Friday. She was found the next day, police said.")}
    assert claims == {"Friday": "2016-08-12", "the next day": "2016-08-13"}
    assert {c.text: c.date for c in _on("Crime has fallen over the past decade.")} == {"the past decade": "2006/2016"}
    assert {c.text: c.date for c in _on("Sales rose in the past two years.")} == {
        "the past two years": "2014-08/2016-08"
    }


def test_birthday_is_an_age_and_just_under_a_month_a_bound():
    (birthday,) = claims_of("He was killed on his 34th birthday, police said.")
    assert (birthday.text, birthday.value, birthday.subject_class) == ("34th", 34, "age")
    (month,) = claims_of("He spent just under a month in the hospital.")
    assert month.unit == "month" and month.high == 1 and month.low < 1


def test_a_listed_person_owns_the_figures_of_their_sentences():
    """lb161: "Melquan Williams, 21, of Fairmont. Williams, a former Maxton police officer is charged
    with ... His bond was set at $200,000.": every figure is Williams's; the next person's are not."""
    claims = claims_of(
        "Melquan Williams, 21, of Fairmont. Williams, a former Maxton police officer is charged with two counts"
        " of felony arson, three counts of felony conspiracy. His bond was set at $200,000. Police said the"
        " investigation took 18 months in Robeson County."
    )
    owners = {c.text + str(c.start): "Melquan Williams" in c.actors for c in claims}
    assert sum(owners.values()) == 4 and len(owners) == 5
    # a sentence with no figure between names another person: "Her bond" is not Huggins's
    claims = claims_of(
        "John Austin Huggins, 17, of Fairmont, is charged with four counts. Police also arrested Jane Marie Doe"
        " in the case. Her bond was set at $5,000."
    )
    assert ["John Austin Huggins" in c.actors for c in claims] == [True, True, False]
