package io.warden.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * What report renderers know about entity names: a readable title and how directly an entity identifies someone.
 *
 * <p>Unknown names (users' own recognizers) get a title derived from the name and count as direct identifiers.
 */
final class Entities {
    private Entities() {}

    /** How an entity relates to a person, which decides its default severity in reports. */
    enum Kind {
        /** Credentials and keys: {@code SECRET_*}. */
        SECRET,
        /** Identifies a person on its own: email, phone, card, national ids, names. */
        IDENTIFIER,
        /** Identifies only in combination with others: dates, ages, places, organisations, titles, URLs. */
        QUASI_IDENTIFIER
    }

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("EMAIL_ADDRESS", "Email address"),
            Map.entry("PHONE_NUMBER", "Phone number"),
            Map.entry("CREDIT_CARD", "Credit card number"),
            Map.entry("IBAN_CODE", "IBAN bank account number"),
            Map.entry("US_SSN", "US Social Security number"),
            Map.entry("US_ITIN", "US Individual Taxpayer Identification number"),
            Map.entry("US_PASSPORT", "US passport number"),
            Map.entry("US_DRIVER_LICENSE", "US driver's licence number"),
            Map.entry("UK_NHS", "UK NHS number"),
            Map.entry("IP_ADDRESS", "IP address"),
            Map.entry("MAC_ADDRESS", "MAC address"),
            Map.entry("URL", "URL"),
            Map.entry("DOMAIN_NAME", "Domain name"),
            Map.entry("DATE_TIME", "Date or time"),
            Map.entry("AGE", "Age"),
            Map.entry("ZIP_CODE", "ZIP / postal code"),
            Map.entry("CRYPTO", "Cryptocurrency wallet address"),
            Map.entry("PERSON", "Person name"),
            Map.entry("LOCATION", "Location or street address"),
            Map.entry("ORGANIZATION", "Organisation name"),
            Map.entry("NRP", "Nationality, religious or political group"),
            Map.entry("TITLE", "Personal title"));

    private static final java.util.Set<String> QUASI = java.util.Set.of(
            "DATE_TIME", "AGE", "ZIP_CODE", "LOCATION", "ORGANIZATION", "NRP", "TITLE", "URL", "DOMAIN_NAME");

    static Kind kind(String entity) {
        if (entity.startsWith("SECRET_")) return Kind.SECRET;
        return QUASI.contains(entity) ? Kind.QUASI_IDENTIFIER : Kind.IDENTIFIER;
    }

    /** {@code "Email address"}, {@code "Secret: AWS access key"}, {@code "My custom id"} for unknown names. */
    static String title(String entity) {
        String known = TITLES.get(entity);
        if (known != null) return known;
        if (entity.startsWith("SECRET_") && entity.length() > 7) {
            return "Secret: " + words(entity.substring(7));
        }
        String w = words(entity);
        return w.isEmpty() ? entity : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** {@code AWS_ACCESS_KEY} → {@code "AWS access key"}: short all-caps parts stay acronyms. */
    private static String words(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("_")) {
            if (part.isEmpty()) continue;
            if (!b.isEmpty()) b.append(' ');
            boolean acronym = part.length() <= 3 && !part.equals("KEY") && !part.equals("ID");
            b.append(acronym ? part : part.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
