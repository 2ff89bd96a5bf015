package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import java.util.List;

/** Explicit registration of the built-in checksum- and pattern-based PII recognizers. */
public final class PatternRecognizers {
    private PatternRecognizers() {}

    /**
     * The built-in recognizers of this package, in priority order: checksum-validated and strong patterns first,
     * so they win ties in overlap resolution, weak context-dependent ones last.
     */
    public static List<Recognizer> all() {
        return List.of(
                new EmailRecognizer(),
                new UrlRecognizer(),
                new CreditCardRecognizer(),
                new IbanRecognizer(),
                new CryptoRecognizer(),
                new IpAddressRecognizer(),
                new MacAddressRecognizer(),
                new UkNhsRecognizer(),
                new UsSsnRecognizer(),
                new UsItinRecognizer(),
                new PhoneRecognizer(),
                new DateTimeRecognizer(),
                new AgeRecognizer(),
                new ZipCodeRecognizer(),
                new UsPassportRecognizer(),
                new UsDriverLicenseRecognizer(),
                new DomainNameRecognizer());
    }
}
