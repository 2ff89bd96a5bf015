package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganizationRecognizerTest {
    private final OrganizationRecognizer org = new OrganizationRecognizer();

    @Test
    void legalSuffix_reportedWithPeriod() {
        assertThat(Spans.found(org, "She works at Acme Widgets Inc. in sales."))
                .containsExactly("ORGANIZATION:Acme Widgets Inc.");
        assertThat(Spans.score(org, "Invoice from Zentrix Labs LLC today", "Zentrix Labs LLC")).isEqualTo(0.85);
        assertThat(Spans.found(org, "Siemens AG and Dupont S.A. signed."))
                .containsExactly("ORGANIZATION:Siemens AG", "ORGANIZATION:Dupont S.A.");
        assertThat(Spans.found(org, "Paid Smith & Wesson Ltd, in full."))
                .containsExactly("ORGANIZATION:Smith & Wesson Ltd");
    }

    @Test
    void kindWord_reported() {
        assertThat(Spans.found(org, "A loan from First National Bank was approved."))
                .containsExactly("ORGANIZATION:First National Bank");
        assertThat(Spans.found(org, "Treated at Mercy Hospital overnight."))
                .containsExactly("ORGANIZATION:Mercy Hospital");
    }

    @Test
    void xOfY_reported() {
        assertThat(Spans.found(org, "She studied at the University of Oxford and MIT."))
                .contains("ORGANIZATION:University of Oxford");
        assertThat(Spans.found(org, "Massachusetts Institute of Technology admitted him."))
                .containsExactly("ORGANIZATION:Massachusetts Institute of Technology");
        assertThat(Spans.found(org, "A letter from the Department of Health and Human Services arrived."))
                .containsExactly("ORGANIZATION:Department of Health and Human Services");
    }

    @Test
    void knownOrganisations_reported() {
        assertThat(Spans.found(org, "He left Microsoft for Goldman Sachs."))
                .containsExactly("ORGANIZATION:Microsoft", "ORGANIZATION:Goldman Sachs");
    }

    @Test
    void knownNamesThatAreWords_needContext() {
        assertThat(Spans.found(org, "I ate an Apple and bought Shell fish.")).isEmpty();
        assertThat(Spans.found(org, "The company Apple reported earnings.")).containsExactly("ORGANIZATION:Apple");
    }

    @Test
    void suffixWithoutName_notReported() {
        assertThat(Spans.found(org, "Group therapy helps. The Bank is closed. Inc. is an abbreviation.")).isEmpty();
        assertThat(Spans.found(org, "went to the bank of the river")).isEmpty();
    }

    @Test
    void sentenceInitialOrdinaryWordBeforeKindWord_notReported() {
        assertThat(Spans.found(org, "Research Group meets weekly. Our Group is small.")).isEmpty();
        assertThat(Spans.score(org, "We called Mercy Hospital staff.", "Mercy Hospital")).isEqualTo(0.6);
    }
}
