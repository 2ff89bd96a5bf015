package io.warden.protect.operator;

import java.text.Normalizer;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.datafaker.Faker;

/**
 * The word lists one locale's surrogates draw from, extracted from Datafaker once per locale (loading its YAML takes
 * a good part of a second) and shared by every {@link Surrogate} of that locale. Immutable.
 */
final class SurrogateData {
    private static final Map<String, SurrogateData> BY_LOCALE = new ConcurrentHashMap<>();

    final Locale locale;
    final FakeTemplate firstName;
    final FakeTemplate lastName;
    /** The same names folded to {@code [a-z0-9]} for e-mail local parts. */
    final FakeTemplate emailFirstName;
    final FakeTemplate emailLastName;
    final String[] emailDomains;
    final FakeTemplate city;
    final FakeTemplate company;
    /** Month names, full and short, in this locale and in English (index 0 = January). */
    final String[] months;
    final String[] shortMonths;
    final String[] englishMonths;
    final String[] englishShortMonths;

    private SurrogateData(Locale locale) {
        this.locale = locale;
        Faker faker = new Faker(locale);
        var plain = new FakeTemplate.Compiler(faker, s -> s);
        var folded = new FakeTemplate.Compiler(faker, SurrogateData::fold);
        firstName = plain.compile("name.first_name");
        lastName = plain.compile("name.last_name");
        emailFirstName = folded.compile("name.first_name");
        emailLastName = folded.compile("name.last_name");
        city = cityTemplate(plain);
        company = plain.compile("company.name");
        emailDomains = strings(faker, "internet.free_email", "gmail.com", "yahoo.com", "hotmail.com");
        months = monthNames(TextStyle.FULL, locale);
        shortMonths = monthNames(TextStyle.SHORT, locale);
        englishMonths = monthNames(TextStyle.FULL, Locale.ENGLISH);
        englishShortMonths = monthNames(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String[] monthNames(TextStyle style, Locale locale) {
        String[] names = new String[12];
        for (int m = 0; m < 12; m++) names[m] = Month.of(m + 1).getDisplayName(style, locale).replace(".", "");
        return names;
    }

    /** The data for {@code locale}, built on first use. */
    static SurrogateData of(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale.toLanguageTag(), tag -> new SurrogateData(locale));
    }

    /** Whether Datafaker has data for the locale's tag or its language (it falls back to English silently). */
    static boolean supported(Locale locale) {
        ClassLoader loader = Faker.class.getClassLoader();
        return !locale.getLanguage().isEmpty()
                && (loader.getResource(locale.toLanguageTag() + ".yml") != null
                        || loader.getResource(locale.getLanguage() + ".yml") != null);
    }

    private static FakeTemplate cityTemplate(FakeTemplate.Compiler plain) {
        try {
            return plain.compile("address.city");
        } catch (IllegalStateException e) {
            return plain.compile("address.city_name");
        }
    }

    private static String[] strings(Faker faker, String key, String... fallback) {
        Object raw = faker.fakeValuesService().fetchObject(key, faker.getContext());
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) if (o instanceof String s && !s.contains("#")) out.add(s);
        }
        return out.isEmpty() ? fallback : out.toArray(new String[0]);
    }

    /** {@code Zoë O'Brien-Müller} to {@code zoeobrienmuller}: lower case ASCII letters and digits only. */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replace("ß", "ss");
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = Character.toLowerCase(d.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
        }
        return sb.toString();
    }
}
