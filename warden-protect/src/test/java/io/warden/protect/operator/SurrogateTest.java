package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.crypto.Keyring;
import io.warden.protect.operator.Operator.Target;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

class SurrogateTest {
    private static final Keyring KEYRING = Keys.KEYRING;
    private static final Surrogate EN = new Surrogate(KEYRING);

    private static String fake(String entity, String value) {
        return EN.apply(value, new Target("f", entity));
    }

    @Test
    void surrogate_sameValue_sameFake_acrossInstancesAndFields() {
        for (String entity : Surrogate.ENTITIES) {
            String value = sample(entity);
            String a = fake(entity, value);
            assertThat(new Surrogate(KEYRING, "en", null).apply(value, new Target("other", entity)))
                    .as(entity).isEqualTo(a);
            assertThat(new Surrogate(KEYRING, "en", entity).apply(value, Target.cell("x"))).as(entity).isEqualTo(a);
        }
    }

    @Test
    void surrogate_blankValues_stayAsTheyAre() {
        assertThat(fake("PERSON", "")).isEmpty();
        assertThat(fake("EMAIL_ADDRESS", "  ")).isEqualTo("  ");
    }

    @Test
    void surrogate_otherKeyring_givesOtherFakes() {
        Surrogate other = new Surrogate(Keyring.generate());
        int same = 0;
        for (int i = 0; i < 50; i++) {
            String value = "Person Number" + i;
            if (fake("PERSON", value).equals(other.apply(value, new Target("f", "PERSON")))) same++;
        }
        assertThat(same).isLessThan(3);
    }

    @Test
    void surrogate_distinctValues_spreadOverManyFakes() {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(fake("PERSON", "First" + i + " Last"));
            emails.add(fake("EMAIL_ADDRESS", "user" + i + "@example.com"));
        }
        assertThat(names.size()).isGreaterThan(990);
        assertThat(emails.size()).isGreaterThan(995);
    }

    @Test
    void person_keepsWordCount_commaForm_andCase() {
        assertThat(fake("PERSON", "Jane").split(" ")).hasSize(1);
        assertThat(fake("PERSON", "Jane Doe")).matches("\\S+ \\S+");
        assertThat(fake("PERSON", "Jane Q Doe")).matches("\\S+ \\S+ \\S+");
        assertThat(fake("PERSON", "Doe, Jane")).matches("\\S+, \\S+");
        String upper = fake("PERSON", "JANE DOE");
        assertThat(upper).isEqualTo(upper.toUpperCase(Locale.ROOT));
        String lower = fake("PERSON", "jane doe");
        assertThat(lower).isEqualTo(lower.toLowerCase(Locale.ROOT));
        assertThat(fake("PERSON", "Jane Doe")).isNotEqualTo("Jane Doe");
    }

    @Test
    void person_locale_drawsFromThatLocalesLists() {
        Surrogate de = new Surrogate(KEYRING, "de", null);
        Faker faker = new Faker(Locale.GERMAN);
        List<Object> lastNames = faker.fakeValuesService().fetchObject("name.last_name", faker.getContext());
        for (int i = 0; i < 30; i++) {
            String name = de.apply("Max Mustermann" + i, new Target("f", "PERSON"));
            assertThat(lastNames).contains(name.substring(name.lastIndexOf(' ') + 1));
        }
        assertThat(de.locale()).isEqualTo("de");
        // the locale is part of the seed: another locale is another mapping
        assertThat(de.apply("Jane Doe", new Target("f", "PERSON"))).isNotEqualTo(fake("PERSON", "Jane Doe"));
        String city = new Surrogate(KEYRING, "fr", "LOCATION").apply("Lyon", Target.cell("city"));
        assertThat(city).isNotBlank();
    }

    @Test
    void locationAndOrganization_areDatafakersTemplatesFilledIn() {
        for (String locale : new String[] {"en", "de", "fr"}) {
            Surrogate s = new Surrogate(KEYRING, locale, null);
            for (int i = 0; i < 100; i++) {
                String city = s.apply("City" + i, new Target("f", "LOCATION"));
                String org = s.apply("Org" + i, new Target("f", "ORGANIZATION"));
                assertThat(city).as(locale).isNotBlank().doesNotContain("#", "{", "}");
                assertThat(org).as(locale).isNotBlank().doesNotContain("#", "{", "}");
            }
        }
        assertThat(FakeTemplate.Compiler.snake("cityPrefix")).isEqualTo("city_prefix");
        assertThat(FakeTemplate.Compiler.snake("PhoneNumber")).isEqualTo("phone_number");
        assertThat(FakeTemplate.Compiler.snake("first_name")).isEqualTo("first_name");
    }

    @Test
    void email_isAnAddressAtAFreeMailDomain() {
        for (int i = 0; i < 200; i++) {
            String email = fake("EMAIL_ADDRESS", "someone" + i + "@corp.example");
            assertThat(email).matches("[a-z0-9._]+@(gmail|yahoo|hotmail)\\.com");
        }
        assertThat(new Surrogate(KEYRING, "fr", null).apply("a@b.fr", new Target("f", "EMAIL_ADDRESS")))
                .matches("[a-z0-9._]+@[a-z.]+");
    }

    @Test
    void phone_keepsLayoutCountryCodeAndTrunkZero() {
        String us = fake("PHONE_NUMBER", "+1 (415) 555-2671");
        assertThat(us).matches("\\+1 \\([2-9]\\d\\d\\) [2-9]\\d\\d-[2-9]\\d{3}");
        assertThat(fake("PHONE_NUMBER", "+49 30 1234567")).matches("\\+49 [2-9]\\d [2-9]\\d{6}");
        assertThat(fake("PHONE_NUMBER", "030 1234567")).matches("0[2-9]\\d [2-9]\\d{6}");
        assertThat(fake("PHONE_NUMBER", "+447911123456")).matches("\\+44[2-9]\\d{9}");
    }

    @Test
    void usSsn_isInTheValidRanges_withTheOriginalLayout() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            String ssn = String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100), random.nextInt(10000));
            String f = fake("US_SSN", ssn);
            assertThat(f).matches("\\d{3}-\\d{2}-\\d{4}");
            int area = Integer.parseInt(f.substring(0, 3));
            assertThat(area).isBetween(1, 899).isNotEqualTo(666);
            assertThat(Integer.parseInt(f.substring(4, 6))).isBetween(1, 99);
            assertThat(Integer.parseInt(f.substring(7))).isBetween(1, 9999);
        }
        assertThat(fake("US_SSN", "123456789")).matches("\\d{9}");
    }

    @Test
    void creditCard_keepsLengthLayoutAndNetwork_withAValidLuhnDigit() {
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            int n = 13 + random.nextInt(7);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                if (k > 0 && k % 4 == 0) sb.append(' ');
                sb.append(random.nextInt(10));
            }
            String card = sb.toString();
            String f = fake("CREDIT_CARD", card);
            assertThat(f).hasSameSizeAs(card).startsWith(card.substring(0, 1));
            assertThat(f.replaceAll("\\d", "9")).isEqualTo(card.replaceAll("\\d", "9"));
            assertThat(FpeTest.luhnValid(f)).as(f).isTrue();
        }
    }

    @Test
    void iban_keepsCountryAndLayout_withValidMod97() {
        for (String iban : new String[] {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
            "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300"}) {
            for (int i = 0; i < 50; i++) {
                String value = iban.substring(0, iban.length() - 1) + (i % 10);
                String f = fake("IBAN_CODE", value);
                assertThat(f).hasSameSizeAs(value).startsWith(value.substring(0, 2));
                assertThat(f.replaceAll("\\d", "9").replaceAll("[A-Z]", "A"))
                        .isEqualTo(value.replaceAll("\\d", "9").replaceAll("[A-Z]", "A"));
                String compact = f.replace(" ", "");
                assertThat(Fakes.mod97(compact.substring(4) + compact.substring(0, 4))).as(f).isEqualTo(1);
            }
        }
    }

    @Test
    void ipAddress_staysOfTheSameKind() {
        for (int i = 0; i < 200; i++) {
            String priv = fake("IP_ADDRESS", "192.168.1." + i);
            assertThat(priv).startsWith("192.168.");
            assertThat(fake("IP_ADDRESS", "10.0.0." + i)).startsWith("10.");
            String pub = fake("IP_ADDRESS", "8.8." + i + ".8");
            int[] o = java.util.Arrays.stream(pub.split("\\.")).mapToInt(Integer::parseInt).toArray();
            assertThat(o).hasSize(4);
            assertThat(o[0]).isBetween(1, 223).isNotIn(10, 127);
            assertThat(pub).doesNotStartWith("192.168.");
            for (int octet : o) assertThat(octet).isBetween(0, 255);
        }
        assertThat(fake("IP_ADDRESS", "2001:DB8::FF00:42")).matches("[0-9A-F]{4}:[0-9A-F]{3}::[0-9A-F]{4}:[0-9A-F]{2}");
        assertThat(fake("IP_ADDRESS", "fe80::1ff:fe23:4567:890a")).matches("[0-9a-f]{4}::[0-9a-f]{3}(:[0-9a-f]{4}){3}");
    }

    @Test
    void dateTime_isAValidDateInTheOriginalFormat() {
        for (int i = 0; i < 200; i++) {
            String iso = fake("DATE_TIME", "2021-03-" + String.format("%02d", 1 + i % 28));
            LocalDate d = LocalDate.parse(iso);
            assertThat(d.getYear()).isBetween(1930, 2029);
            LocalDate.parse(fake("DATE_TIME", "04.03.20" + (10 + i % 10)), DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            LocalDate.parse(fake("DATE_TIME", "03/04/" + (10 + i % 10)), DateTimeFormatter.ofPattern("MM/dd/yy"));
        }
        assertThat(fake("DATE_TIME", "2021-03-04T14:05:09Z"))
                .matches("\\d{4}-\\d\\d-\\d\\dT([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\dZ");
        assertThat(fake("DATE_TIME", "March 4, 2021")).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
        assertThat(new Surrogate(KEYRING, "de", null).apply("4. März 2021", new Target("f", "DATE_TIME")))
                .matches("\\d{1,2}\\. \\p{L}+ \\d{4}");
    }

    @Test
    void generic_keepsCharacterClassesAndCase() {
        Random random = new Random(9);
        for (int i = 0; i < 300; i++) {
            String value = "Ab-" + random.nextInt(100000) + " xY_z " + (char) ('a' + random.nextInt(26));
            String f = EN.apply(value, Target.cell("id")); // a whole cell: no entity
            assertThat(f).hasSameSizeAs(value);
            for (int k = 0; k < value.length(); k++) {
                char in = value.charAt(k);
                char out = f.charAt(k);
                if (Character.isDigit(in)) assertThat(Character.isDigit(out)).isTrue();
                else if (Character.isUpperCase(in)) assertThat(Character.isUpperCase(out)).isTrue();
                else if (Character.isLowerCase(in)) assertThat(Character.isLowerCase(out)).isTrue();
                else assertThat(out).isEqualTo(in);
            }
        }
        // entities without a generator of their own use the generic one
        assertThat(fake("US_PASSPORT", "X1234567")).matches("[A-Z]\\d{7}");
    }

    @Test
    void surrogate_badParameters_failWhenBuilt() {
        assertThatThrownBy(() -> new Surrogate(KEYRING, "xx", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("surrogate: no Datafaker data for locale 'xx' (e.g. en, de, fr, en-GB)");
        assertThatThrownBy(() -> new Surrogate(KEYRING, "en", "PERSN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("surrogate: unknown entity 'PERSN' (one of PERSON, EMAIL_ADDRESS,");
        assertThatThrownBy(() -> new Surrogate(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void surrogate_toString_showsParametersOnly() {
        assertThat(new Surrogate(KEYRING, "de", "PERSON").toString()).isEqualTo("Surrogate[locale=de, entity=PERSON]");
        assertThat(EN.toString()).isEqualTo("Surrogate[locale=en, entity=(found)]");
        assertThat(EN.name()).isEqualTo("surrogate");
    }

    private static String sample(String entity) {
        return switch (entity) {
            case "PERSON" -> "Jane Doe";
            case "EMAIL_ADDRESS" -> "jane@example.com";
            case "PHONE_NUMBER" -> "+1 415 555 2671";
            case "LOCATION" -> "Springfield";
            case "ORGANIZATION" -> "Acme Corp";
            case "US_SSN" -> "123-45-6789";
            case "CREDIT_CARD" -> "4111 1111 1111 1111";
            case "IP_ADDRESS" -> "8.8.8.8";
            case "DATE_TIME" -> "2021-03-04";
            case "IBAN_CODE" -> "DE89 3704 0044 0532 0130 00";
            default -> "Ab-12 x";
        };
    }
}
