package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameRecognizerTest {
    private final DomainNameRecognizer domain = new DomainNameRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "example.com", "bbc.co.uk", "foo-bar.io", "mail.google.com", "Example.org", "x1.example.net"
    })
    void domain_underPublicSuffix_reported(String value) {
        var span = Scan.single(domain, "hosted at " + value + ".");
        assertThat(span.end() - span.start()).isEqualTo(value.length());
        assertThat(span.score()).isEqualTo(DomainNameRecognizer.SCORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "report.pdf", "script.py", "setup.sh", "README.md", "main.rs", "e.g.", "i.e.", "a.m.", "U.S.", "java.io",
        "com.example.app", "self.name", "user.email", "Berlin.It", "ASP.NET", "3.14", "co.uk", "localhost.localdomain",
        "foo.bar()", "my_var.name", "example.com@x", "Utils.java", "Makefile.in", "build.zip"
    })
    void domain_lookalike_notReported(String value) {
        assertThat(Scan.values(domain, "see " + value + " here")).isEmpty();
    }

    @Test
    void domain_insideEmailUrlOrPath_leftToOthers() {
        assertThat(Scan.values(domain, "jane@example.com https://example.org/x /var/www/example.net")).isEmpty();
    }

    @Test
    void domain_withContext_scoresHigher() {
        assertThat(Scan.single(domain, "domain example.com").score()).isGreaterThan(DomainNameRecognizer.SCORE);
    }
}
