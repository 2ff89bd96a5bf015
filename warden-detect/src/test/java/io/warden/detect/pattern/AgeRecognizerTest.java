package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRecognizerTest {
    private final AgeRecognizer age = new AgeRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "He is 42 years old.", "a 42-year-old man", "42 year old patient", "aged 42", "Age: 42", "age 42",
        "age=42", "at the age of 42", "42 yrs old", "42 years of age", "42 y/o male", "AGED 42",
        "Tanner turns 42 on Apr 9", "she turned 42."
    })
    void age_phrasings_reportNumberOnly(String text) {
        var span = Scan.single(age, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("42");
        assertThat(span.entity()).isEqualTo("AGE");
    }

    @Test
    void age_boundaries() {
        assertThat(Scan.values(age, "0 years old")).containsExactly("0");
        assertThat(Scan.values(age, "120 years old")).containsExactly("120");
        assertThat(Scan.values(age, "121 years old")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "42 years ago", "page 42", "2.5 years old", "1,000 years old", "42", "for 42 years", "ages 42",
        "42 years older", "stage 4", "the road turns 42 degrees", "it turned 42% higher"
    })
    void age_notAnAge_notReported(String text) {
        assertThat(Scan.values(age, text)).isEmpty();
    }

    @Test
    void age_bareNumberCell_onlyWithContext() {
        Analyzer a = new Analyzer(java.util.List.of(age), AnalyzerConfig.defaults());
        assertThat(a.analyze("42", "age")).extracting(Span::entity).containsExactly("AGE");
        assertThat(a.analyze("42", "customer_age")).hasSize(1);
        assertThat(a.analyze("42", "quantity")).isEmpty();
        assertThat(a.analyze("142", "age")).isEmpty();
        assertThat(a.analyze("42 42", "age")).isEmpty();
    }
}
