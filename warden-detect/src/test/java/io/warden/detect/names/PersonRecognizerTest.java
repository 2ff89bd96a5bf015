package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonRecognizerTest {
    private final PersonRecognizer person = new PersonRecognizer();

    @Test
    void firstAndLastName_reported() {
        assertThat(Spans.found(person, "The contract was signed by John Smith yesterday."))
                .containsExactly("PERSON:John Smith");
        assertThat(Spans.score(person, "Her colleague Maria Garcia left.", "Maria Garcia")).isEqualTo(0.85);
    }

    @Test
    void middleInitialAndThreeNames_oneSpan() {
        assertThat(Spans.found(person, "We remember John F. Kennedy well."))
                .containsExactly("PERSON:John F. Kennedy");
        assertThat(Spans.found(person, "Invite Mary Ann Johnson too."))
                .containsExactly("PERSON:Mary Ann Johnson");
    }

    @Test
    void hyphenatedAndApostropheSurnames_oneSpan() {
        assertThat(Spans.found(person, "Mary-Jane O'Brien arrived.")).containsExactly("PERSON:Mary-Jane O'Brien");
        assertThat(Spans.found(person, "Ask Sarah Smith-Jones.")).containsExactly("PERSON:Sarah Smith-Jones");
    }

    @Test
    void knownFirstNameAndUnknownCapitalisedWord_medium() {
        assertThat(Spans.score(person, "We met Jennifer Zaltrova there.", "Jennifer Zaltrova")).isEqualTo(0.6);
    }

    @Test
    void singleKnownName_needsContext() {
        assertThat(Spans.found(person, "The report mentions Jennifer twice.")).isEmpty();
        assertThat(Spans.found(person, "Dear Jennifer, thanks for the call.")).containsExactly("PERSON:Jennifer");
        assertThat(Spans.found(person, "patient: Jennifer")).containsExactly("PERSON:Jennifer");
    }

    @Test
    void sentenceInitialCommonWords_notNames() {
        assertThat(Spans.found(person, "Will you come? May I? Hope so. Grant access to the folder.")).isEmpty();
        assertThat(Spans.found(person, "Mark the box. Bill the customer later.")).isEmpty();
    }

    @Test
    void ambiguousFirstName_withSurname_reported() {
        assertThat(Spans.found(person, "Will Smith starred in it.")).containsExactly("PERSON:Will Smith");
        assertThat(Spans.found(person, "I saw Hope Martinez at noon.")).containsExactly("PERSON:Hope Martinez");
    }

    @Test
    void ambiguousName_alone_onlyWithContext() {
        assertThat(Spans.found(person, "We will grant it in May.")).isEmpty();
        assertThat(Spans.found(person, "I lost all Hope yesterday.")).isEmpty();
        assertThat(Spans.found(person, "Dear Hope, see you soon.")).containsExactly("PERSON:Hope");
    }

    @Test
    void monthsAndDays_neverSingleNames() {
        assertThat(Spans.found(person, "Dear colleague, the deadline is June and we meet on Monday.")).isEmpty();
    }

    @Test
    void title_raisesUnknownOrSingleName() {
        assertThat(Spans.found(person, "Please call Dr. Zaltrova today.")).containsExactly("PERSON:Zaltrova");
        assertThat(Spans.found(person, "Mrs Brown will see you now.")).containsExactly("PERSON:Brown");
        assertThat(Spans.found(person, "Met Mr. John Smith.")).containsExactly("PERSON:John Smith");
    }

    @Test
    void leadingWordsThatAreNotNames_excludedFromSpan() {
        assertThat(Spans.found(person, "Yesterday John Smith called.")).containsExactly("PERSON:John Smith");
        assertThat(Spans.found(person, "Thanks Mary Johnson, see you.")).containsExactly("PERSON:Mary Johnson");
    }

    @Test
    void allCaps_needsFullKnownName() {
        assertThat(Spans.found(person, "JOHN SMITH WILL ATTEND")).containsExactly("PERSON:JOHN SMITH");
        assertThat(Spans.found(person, "PLEASE MARK THE BOX AND GRANT ACCESS")).isEmpty();
    }

    @Test
    void streetAndOrganisationWords_blockNames() {
        assertThat(Spans.found(person, "Drive down John Smith Street to the end.")).isEmpty();
        assertThat(Spans.found(person, "She joined Johnson Smith Group in 2019.")).isEmpty();
    }

    @Test
    void namesWhereNamesStand_singleNameReported() {
        assertThat(Spans.found(person, "Thanks for the help.\nBest, Gayle")).containsExactly("PERSON:Gayle");
        assertThat(Spans.found(person, "[12:47] Myrta: hey, are we on?")).containsExactly("PERSON:Myrta");
        assertThat(Spans.found(person, "<Kellie> the key leaked")).containsExactly("PERSON:Kellie");
        assertThat(Spans.found(person, "Happy birthday, Amelie!")).containsExactly("PERSON:Amelie");
        assertThat(Spans.found(person, "Grant Hope signed the contract.")).containsExactly("PERSON:Grant Hope");
        assertThat(Spans.found(person, "Date: 2024-01-01\nNote: nothing")).isEmpty();
    }

    @Test
    void placesAndStreets_notPersons() {
        assertThat(Spans.found(person, "Flights to Los Angeles and San Diego.")).isEmpty();
        assertThat(Spans.found(person, "Meet at 3654 Dimple Cliffs tomorrow.")).isEmpty();
    }

    @Test
    void codeIdentifiers_notNames() {
        assertThat(Spans.found(person, "export JOHN_SMITH_TOKEN=1 and Dear_Mary")).isEmpty();
    }

    @Test
    void lowerCaseNames_notReported() {
        assertThat(Spans.found(person, "john smith wrote this")).isEmpty();
    }

    @Test
    void fieldNameCountsAsContext() {
        assertThat(Spans.found(java.util.List.of(person), "Jennifer", "first_name")).containsExactly("PERSON:Jennifer");
        assertThat(Spans.found(java.util.List.of(person), "Jennifer", "notes")).isEmpty();
    }
}
