package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRecognizerTest {
    private final UrlRecognizer url = new UrlRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com", "http://example.com/path?q=1&r=2#frag", "https://user:pw@example.com:8443/a/b",
        "http://localhost:8080/x", "ftp://files.example.org/a.txt", "http://192.168.0.1/admin",
        "http://[2001:db8::1]:443/", "jdbc:postgresql://db.example.com:5432/app", "file:///etc/hosts",
        "https://en.wikipedia.org/wiki/Foo_(bar)", "HTTPS://EXAMPLE.COM/A"
    })
    void url_withScheme_reportedWhole(String value) {
        String text = "see " + value + " now";
        var span = Scan.single(url, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.score()).isEqualTo(UrlRecognizer.WITH_SCHEME);
    }

    @Test
    void url_trailingPunctuation_trimmedLikeLinkifiers() {
        assertThat(Scan.values(url, "Go to https://example.com/a.")).containsExactly("https://example.com/a");
        assertThat(Scan.values(url, "(see https://example.com/a)")).containsExactly("https://example.com/a");
        assertThat(Scan.values(url, "(see https://en.wikipedia.org/wiki/Foo_(bar))"))
                .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
        assertThat(Scan.values(url, "[docs](https://example.com/docs), and"))
                .containsExactly("https://example.com/docs");
        assertThat(Scan.values(url, "\"https://example.com\";")).containsExactly("https://example.com");
        assertThat(Scan.values(url, "<https://example.com/x>")).containsExactly("https://example.com/x");
    }

    @Test
    void url_bareWww_reportedLower() {
        var span = Scan.single(url, "Visit www.example.com.");
        assertThat(span.score()).isEqualTo(UrlRecognizer.WWW);
        assertThat(Scan.values(url, "Visit www.example.co.uk/shop?id=1, today"))
                .containsExactly("www.example.co.uk/shop?id=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "foo://example.com", "http://", "http:// example.com", "www.example", "www.example.notatld",
        "xhttp://example.com", "a.www.example.com", "http://-bad-.com", "://example.com"
    })
    void url_nearMiss_notReported(String value) {
        assertThat(Scan.values(url, "see " + value + " now")).isEmpty();
    }

    @Test
    void url_schemeUrlContainingWww_reportedOnce() {
        assertThat(Scan.values(url, "https://www.example.com/a www.example.org"))
                .containsExactly("https://www.example.com/a", "www.example.org");
    }
}
