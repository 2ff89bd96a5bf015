package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.prf.Prf;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces a value with a realistic fake of the same entity — a name with a name, a card number with a card number
 * — the same fake for the same value every time, so surrogate columns keep their joins and counts.
 *
 * <p>Seeding: {@code PRF(UTF-8("warden/surrogate/v1") || 0x00 || entity || 0x00 || locale tag || 0x00 || value)}
 * under the keyring's primary PRF key gives 32 bytes, which xoshiro256** stretches into the choices the entity's
 * generator makes; the fake is a function of (value, key, entity, locale) only, not of the field. Without the key
 * nobody can tell which original a fake stands for; but fakes are not unique (two originals can draw the same
 * name), so use {@code tokenize} where a reversible or collision-free mapping is needed.
 *
 * <p>Names, places, organisations and e-mail domains come from Datafaker's lists for the locale ({@code en},
 * {@code de}, {@code fr}, ...), read once and picked by index (no expression is evaluated per value). The entity is
 * the one forced by the {@code entity} parameter, else the one found at the value ({@link Target#entity()});
 * entities without a generator of their own (and whole cells without an entity) get the generic one. Blank values
 * stay as they are.
 * <ul>
 *   <li>{@code PERSON}: one word → a first name; n words → n-1 first names and a last name; "Last, First" kept;
 *       all-caps and all-lower-case originals give all-caps and all-lower-case fakes.
 *   <li>{@code EMAIL_ADDRESS}: {@code first.last}, {@code first_last}, {@code flast} or {@code firstlast}
 *       (ASCII-folded), sometimes with a number, at one of the locale's free-mail domains.
 *   <li>{@code PHONE_NUMBER}: same layout; {@code +} and country code and a trunk 0 kept; new digits, each group
 *       starting with 2-9.
 *   <li>{@code LOCATION}: a city; {@code ORGANIZATION}: a company name.
 *   <li>{@code US_SSN}: 9 digits with area 001-899 except 666, group 01-99, serial 0001-9999; separators kept.
 *   <li>{@code CREDIT_CARD}: same length and separators and first digit, valid Luhn check digit.
 *   <li>{@code IP_ADDRESS}: IPv4 of the same kind (private range, loopback, public); IPv6 with new hex digits.
 *   <li>{@code DATE_TIME}: a date from 1930 to 2029 in the original's format (numeric or with month names), times
 *       after it random.
 *   <li>{@code IBAN_CODE}: same country, same letter/digit layout, valid mod-97 check digits (national check digits
 *       inside the BBAN, as France's RIB key, are not recomputed).
 *   <li>generic: letters become letters of the same case, digits digits, other characters stay.
 * </ul>
 */
public final class Surrogate implements Operator {
    public static final String NAME = "surrogate";
    /** The entity name that forces the generic generator. */
    public static final String GENERIC = "GENERIC";
    /** Entities with a generator of their own, and {@link #GENERIC}: the values the {@code entity} parameter takes. */
    public static final List<String> ENTITIES = List.of("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION",
            "ORGANIZATION", "US_SSN", "CREDIT_CARD", "IP_ADDRESS", "DATE_TIME", "IBAN_CODE", GENERIC);

    private enum Kind {
        PERSON, EMAIL_ADDRESS, PHONE_NUMBER, LOCATION, ORGANIZATION, US_SSN, CREDIT_CARD, IP_ADDRESS, DATE_TIME,
        IBAN_CODE, GENERIC;

        static Kind of(String entity) {
            if (entity == null) return GENERIC;
            return switch (entity) {
                case "PERSON" -> PERSON;
                case "EMAIL_ADDRESS" -> EMAIL_ADDRESS;
                case "PHONE_NUMBER" -> PHONE_NUMBER;
                case "LOCATION" -> LOCATION;
                case "ORGANIZATION" -> ORGANIZATION;
                case "US_SSN" -> US_SSN;
                case "CREDIT_CARD" -> CREDIT_CARD;
                case "IP_ADDRESS" -> IP_ADDRESS;
                case "DATE_TIME" -> DATE_TIME;
                case "IBAN_CODE" -> IBAN_CODE;
                default -> GENERIC;
            };
        }
    }

    private static final int MAX_CACHED_ENTITIES = 256;

    private final Prf prf;
    private final String localeTag;
    private final String entity;
    private final SurrogateData data;
    private final Map<String, byte[]> seedPrefixes = new ConcurrentHashMap<>();

    /** English surrogates for the entity found at each value. */
    public Surrogate(Keyring keyring) {
        this(keyring, "en", null);
    }

    /**
     * @param keyring the keys; required
     * @param locale a language tag Datafaker has data for ({@code en}, {@code de}, {@code fr}, {@code en-GB}, ...);
     *     null for {@code en}
     * @param entity force this entity for every value (one of {@link #ENTITIES}); null to use the value's own
     * @throws IllegalArgumentException for an unknown locale or entity
     */
    public Surrogate(Keyring keyring, String locale, String entity) {
        this.prf = requireNonNull(keyring, "surrogate needs a keyring").prf();
        Locale loc = Locale.forLanguageTag(locale == null ? "en" : locale.strip());
        if (!SurrogateData.supported(loc)) {
            throw new IllegalArgumentException("surrogate: no Datafaker data for locale '" + locale
                    + "' (e.g. en, de, fr, en-GB)");
        }
        this.localeTag = loc.toLanguageTag();
        if (entity != null && !ENTITIES.contains(entity)) {
            throw new IllegalArgumentException("surrogate: unknown entity '" + entity + "' (one of "
                    + String.join(", ", ENTITIES) + ")");
        }
        this.entity = entity;
        this.data = SurrogateData.of(loc);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        if (value.isBlank()) return value; // nothing to stand in for; an empty cell stays empty
        String e = entity != null ? entity : target.entity();
        if (e == null) e = GENERIC;
        Picks p = new Picks(seed(e, value));
        return switch (Kind.of(e)) {
            case PERSON -> Fakes.person(value, p, data);
            case EMAIL_ADDRESS -> Fakes.email(p, data);
            case PHONE_NUMBER -> Fakes.phone(value, p);
            case LOCATION -> Fakes.location(value, p, data);
            case ORGANIZATION -> Fakes.organization(value, p, data);
            case US_SSN -> Fakes.usSsn(value, p);
            case CREDIT_CARD -> Fakes.creditCard(value, p);
            case IP_ADDRESS -> Fakes.ip(value, p);
            case DATE_TIME -> Fakes.date(value, p, data);
            case IBAN_CODE -> Fakes.iban(value, p);
            case GENERIC -> Fakes.generic(value, p);
        };
    }

    private byte[] seed(String entityName, String value) {
        byte[] prefix = seedPrefixes.get(entityName);
        if (prefix == null) {
            // entity names are Presidio-style ASCII; a NUL would make the input ambiguous
            prefix = ("warden/surrogate/v1\0" + entityName.replace('\0', ' ') + "\0" + localeTag + "\0")
                    .getBytes(StandardCharsets.UTF_8);
            if (seedPrefixes.size() < MAX_CACHED_ENTITIES) seedPrefixes.put(entityName, prefix);
        }
        try {
            return prf.compute(Bytes.concat(prefix, value), 32);
        } catch (GeneralSecurityException ex) {
            throw new WardenException(ErrorCode.INTERNAL, "surrogate: the PRF failed (" + ex.getClass().getSimpleName()
                    + ")");
        }
    }

    public String locale() {
        return localeTag;
    }

    /** The forced entity, or null. */
    public String entity() {
        return entity;
    }

    @Override
    public String toString() {
        return "Surrogate[locale=" + localeTag + ", entity=" + (entity == null ? "(found)" : entity) + "]";
    }
}
