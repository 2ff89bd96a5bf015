package io.warden.detect.eval;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import net.datafaker.Faker;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Deterministic fake values for the development corpus: everything with a checksum carries a valid one.
 *
 * <p>The checksums are computed here from their specifications (Luhn, ISO 13616 mod 97, NHS mod 11,
 * Bitcoin base58check and BIP-173 bech32, EIP-55) because Datafaker does not generate all of them, and the corpus
 * must not depend on how a future Datafaker formats them. Hashes come from the JDK (SHA-256) and Bouncy Castle
 * (Keccak-256, which is not SHA3-256).
 */
final class FakeValues {
    static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64 = ALNUM + "+/";
    private static final String URLSAFE = ALNUM + "_-";
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final List<String> US_AREA_CODES = List.of("212", "415", "312", "617", "206", "303", "512",
            "713", "305", "404", "503", "702", "646", "718", "510", "408", "650", "202", "215", "602", "919", "614");
    private static final List<String> PHONE_REGIONS = List.of("GB", "DE", "FR", "IN", "AU", "ES", "NL", "BR",
            "JP", "IE", "IT", "MX", "ZA", "SG", "CA");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    final Random random;
    final Faker faker;

    FakeValues(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.US, random);
    }

    // ---- small helpers

    int between(int lo, int hiInclusive) {
        return lo + random.nextInt(hiInclusive - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) ('0' + random.nextInt(10)));
        return sb.toString();
    }

    String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---- payment and identity numbers

    /** A card number with a valid Luhn digit (Visa, Mastercard, Amex or Discover), plain or grouped. */
    String creditCard() {
        int brand = random.nextInt(4);
        String body = switch (brand) {
            case 0 -> "4" + digits(14);
            case 1 -> "5" + between(1, 5) + digits(13);
            case 2 -> "3" + (chance(0.5) ? "4" : "7") + digits(12);
            default -> "6011" + digits(11);
        };
        String number = body + luhnDigit(body);
        int style = random.nextInt(3);
        if (style == 0) return number;
        char sep = style == 1 ? ' ' : '-';
        int[] groups = number.length() == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
        return group(number, groups, sep);
    }

    /** The Luhn check digit for {@code body} (the digits before it). */
    static char luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** An IBAN with valid ISO 7064 mod 97-10 check digits, compact or in groups of four. */
    String iban() {
        String country;
        String bban;
        switch (random.nextInt(7)) {
            case 0 -> { country = "DE"; bban = digits(18); }
            case 1 -> { country = "GB"; bban = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + digits(14); }
            case 2 -> { country = "FR"; bban = digits(23); }
            case 3 -> { country = "NL"; bban = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + digits(10); }
            case 4 -> { country = "ES"; bban = digits(20); }
            case 5 -> { country = "IT"; bban = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + digits(22); }
            default -> { country = "CH"; bban = digits(17); }
        }
        String iban = country + ibanCheckDigits(country, bban) + bban;
        return chance(0.5) ? iban : groupsOf4(iban);
    }

    static String ibanCheckDigits(String country, String bban) {
        int mod = ibanMod97(bban + country + "00");
        return String.format(Locale.ROOT, "%02d", 98 - mod);
    }

    /** The remainder mod 97 of an IBAN-style string with letters as 10..35. */
    static int ibanMod97(String s) {
        int mod = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
            mod = v < 10 ? (mod * 10 + v) % 97 : (mod * 100 + v) % 97;
        }
        return mod;
    }

    /** A US SSN in a valid range: area 001–899 except 666, group 01–99, serial 0001–9999. */
    String ssn() {
        int area;
        do {
            area = between(1, 899);
        } while (area == 666);
        String s = String.format(Locale.ROOT, "%03d-%02d-%04d", area, between(1, 99), between(1, 9999));
        return chance(0.85) ? s : s.replace('-', ' ');
    }

    /** A US ITIN: 9XX-[70-88]-XXXX. */
    String itin() {
        return String.format(Locale.ROOT, "9%02d-%02d-%04d", between(0, 99), between(70, 88), between(0, 9999));
    }

    /** A US passport number: nine digits, or a letter and eight digits (2021 format). */
    String usPassport() {
        return chance(0.6) ? between(1, 9) + digits(8) : (char) ('A' + random.nextInt(26)) + digits(8);
    }

    /** A US driver's licence in a common state shape: a letter and 7 or 12 digits. */
    String usDriverLicense() {
        return (char) ('A' + random.nextInt(26)) + digits(chance(0.7) ? 7 : 12);
    }

    /** An NHS number with a valid mod-11 check digit, as 3-3-4 groups or 10 plain digits. */
    String nhs() {
        while (true) {
            String body = "" + pick(List.of(4, 6, 7)) + digits(8);
            int sum = 0;
            for (int i = 0; i < 9; i++) sum += (body.charAt(i) - '0') * (10 - i);
            int check = 11 - sum % 11;
            if (check == 11) check = 0;
            if (check == 10) continue;
            String n = body + check;
            return switch (random.nextInt(3)) {
                case 0 -> n;
                case 1 -> group(n, new int[] {3, 3, 4}, ' ');
                default -> group(n, new int[] {3, 3, 4}, '-');
            };
        }
    }

    // ---- network

    String ipv4() {
        return switch (random.nextInt(4)) {
            case 0 -> "10." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
            case 1 -> "192.168." + between(0, 255) + "." + between(1, 254);
            default -> {
                int first;
                do {
                    first = between(11, 223);
                } while (first == 127 || first == 100 || first == 169 || first == 172);
                yield first + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
            }
        };
    }

    /** An IPv6 address in RFC 5952 text form (lower case, longest zero run as "::"). */
    String ipv6() {
        int[] g = new int[8];
        if (chance(0.5)) {
            g[0] = 0x2001;
            g[1] = 0x0db8;
        } else {
            g[0] = 0x2000 + random.nextInt(0x1000);
            g[1] = random.nextInt(0x10000);
        }
        for (int i = 2; i < 8; i++) g[i] = random.nextInt(0x10000);
        if (chance(0.7)) { // a run of zero groups
            int len = between(2, 4);
            int at = between(2, 8 - len);
            for (int i = at; i < at + len; i++) g[i] = 0;
        }
        return rfc5952(g);
    }

    static String rfc5952(int[] g) {
        int bestAt = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    String mac() {
        byte[] b = bytes(6);
        b[0] &= (byte) 0xFC; // unicast, globally administered
        String hex = HexFormat.of().formatHex(b);
        if (chance(0.5)) hex = hex.toUpperCase(Locale.ROOT);
        char sep = chance(0.7) ? ':' : '-';
        return group(hex, new int[] {2, 2, 2, 2, 2, 2}, sep);
    }

    String domain() {
        String tld = pick(List.of("com", "com", "net", "org", "io", "co.uk", "de", "dev"));
        String name = letters(faker.name().lastName());
        if (chance(0.4)) name += "-" + pick(List.of("labs", "group", "health", "shop", "systems", "media", "bank"));
        return name + "." + tld;
    }

    String url() {
        String host = (chance(0.5) ? "www." : "") + domain();
        StringBuilder sb = new StringBuilder(chance(0.85) ? "https://" : "http://").append(host);
        int segments = between(0, 3);
        for (int i = 0; i < segments; i++) sb.append('/').append(letters(faker.lorem().word()));
        if (segments == 0 && chance(0.5)) sb.append('/');
        if (chance(0.3)) sb.append("?id=").append(digits(between(3, 6)));
        return sb.toString();
    }

    String apiUrl() {
        return "https://api." + domain() + "/v" + between(1, 3) + "/" + pick(List.of("users", "orders", "accounts",
                "invoices")) + "/" + between(1, 99999);
    }

    String gitUrl(String user) {
        return "https://github.com/" + user + "/" + pick(List.of("api", "infra", "billing", "website", "etl"))
                + ".git";
    }

    String username(String first, String last) {
        return switch (random.nextInt(3)) {
            case 0 -> letters(first).charAt(0) + letters(last);
            case 1 -> letters(first) + "-" + letters(last);
            default -> letters(first) + between(1, 99);
        };
    }

    String email(String first, String last) {
        String f = letters(first);
        String l = letters(last);
        String local = switch (random.nextInt(4)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + l;
            case 2 -> f + "_" + l + between(1, 99);
            default -> f + between(70, 99);
        };
        String host = chance(0.5)
                ? pick(List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me", "icloud.com"))
                : domain();
        return local + "@" + host;
    }

    static String letters(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z') sb.append(c);
        }
        return sb.isEmpty() ? "x" : sb.toString();
    }

    // ---- phones (libphonenumber decides validity)

    /** A valid US number in one of the usual written forms. */
    String usPhone() {
        while (true) {
            String national = pick(US_AREA_CODES) + between(2, 9) + digits(2) + digits(4);
            PhoneNumber n = new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(national));
            if (!PHONES.isValidNumber(n)) continue;
            String a = national.substring(0, 3);
            String b = national.substring(3, 6);
            String c = national.substring(6);
            return switch (random.nextInt(5)) {
                case 0 -> "(" + a + ") " + b + "-" + c;
                case 1 -> a + "-" + b + "-" + c;
                case 2 -> a + "." + b + "." + c;
                case 3 -> "+1 " + a + "-" + b + "-" + c;
                default -> "+1 (" + a + ") " + b + "-" + c;
            };
        }
    }

    /** A valid number of another country, in international form. */
    String internationalPhone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumberType type = chance(0.6) ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE;
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        String nsn = PHONES.getNationalSignificantNumber(example);
        for (int attempt = 0; attempt < 1000; attempt++) {
            String candidate = nsn.substring(0, 2) + digits(nsn.length() - 2);
            PhoneNumber n = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(Long.parseLong(candidate));
            if (!PHONES.isValidNumberForRegion(n, region)) continue;
            return PHONES.format(n, chance(0.8) ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.E164);
        }
        return PHONES.format(example, PhoneNumberFormat.INTERNATIONAL);
    }

    // ---- dates and numbers

    LocalDate date(int fromYear, int toYear) {
        LocalDate start = LocalDate.of(fromYear, 1, 1);
        long days = LocalDate.of(toYear, 12, 31).toEpochDay() - start.toEpochDay();
        return start.plusDays((long) (random.nextDouble() * days));
    }

    String formatDate(LocalDate d) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> d.toString();
            case 2 -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
            case 3 -> MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
            case 4 -> d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
            default -> MONTHS[d.getMonthValue() - 1].substring(0, 3) + " " + d.getDayOfMonth() + ", " + d.getYear();
        };
    }

    String dateTime() {
        LocalDateTime t = date(2019, 2025).atTime(between(0, 23), between(0, 59), between(0, 59));
        return switch (random.nextInt(3)) {
            case 0 -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT));
            case 1 -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));
            default -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        };
    }

    String time() {
        int h = between(0, 23);
        int m = between(0, 59);
        if (chance(0.6)) return String.format(Locale.ROOT, "%02d:%02d", h, m);
        int h12 = h % 12 == 0 ? 12 : h % 12;
        return String.format(Locale.ROOT, "%d:%02d %s", h12, m, h < 12 ? "AM" : "PM");
    }

    String zip() {
        String zip = String.format(Locale.ROOT, "%05d", between(1001, 99950));
        return chance(0.8) ? zip : zip + "-" + digits(4);
    }

    String ukPostcode() {
        String area = pick(List.of("SW1A", "NW1", "EC2A", "M1", "B33", "LS1", "G2", "EH1", "CF10", "BS8", "W1D"));
        return area + " " + between(1, 9) + chars("ABDEFGHJLNPQRSTUWXYZ", 2);
    }

    // ---- cryptocurrency addresses

    /** A Bitcoin address: P2PKH or P2SH in base58check, or P2WPKH in bech32. */
    String bitcoin() {
        return switch (random.nextInt(3)) {
            case 0 -> base58check((byte) 0x00, bytes(20));
            case 1 -> base58check((byte) 0x05, bytes(20));
            default -> bech32Segwit("bc", 0, bytes(20));
        };
    }

    static String base58check(byte version, byte[] payload) {
        byte[] data = new byte[1 + payload.length + 4];
        data[0] = version;
        System.arraycopy(payload, 0, data, 1, payload.length);
        byte[] check = sha256(sha256(java.util.Arrays.copyOf(data, 1 + payload.length)));
        System.arraycopy(check, 0, data, 1 + payload.length, 4);
        return base58(data);
    }

    static String base58(byte[] data) {
        BigInteger n = new BigInteger(1, data);
        StringBuilder sb = new StringBuilder();
        BigInteger radix = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(radix);
            sb.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) sb.append('1');
        return sb.reverse().toString();
    }

    /** A segwit address per BIP-173 (bech32, witness version 0). */
    static String bech32Segwit(String hrp, int version, byte[] program) {
        int[] converted = convertBits(program, 8, 5);
        int[] data = new int[1 + converted.length];
        data[0] = version;
        System.arraycopy(converted, 0, data, 1, converted.length);
        int[] checksum = bech32Checksum(hrp, data);
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (int v : data) sb.append(BECH32.charAt(v));
        for (int v : checksum) sb.append(BECH32.charAt(v));
        return sb.toString();
    }

    static int bech32Polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) chk ^= gen[i];
            }
        }
        return chk;
    }

    static int[] hrpExpand(String hrp) {
        int[] out = new int[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = hrp.charAt(i) >> 5;
            out[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        return out;
    }

    private static int[] bech32Checksum(String hrp, int[] data) {
        int[] hrpx = hrpExpand(hrp);
        int[] values = new int[hrpx.length + data.length + 6];
        System.arraycopy(hrpx, 0, values, 0, hrpx.length);
        System.arraycopy(data, 0, values, hrpx.length, data.length);
        int mod = bech32Polymod(values) ^ 1;
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) out[i] = (mod >>> 5 * (5 - i)) & 31;
        return out;
    }

    private static int[] convertBits(byte[] in, int from, int to) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        int[] out = new int[(in.length * from + to - 1) / to];
        int k = 0;
        for (byte b : in) {
            acc = acc << from | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out[k++] = (acc >>> bits) & maxv;
            }
        }
        if (bits > 0) out[k++] = (acc << (to - bits)) & maxv;
        return java.util.Arrays.copyOf(out, k);
    }

    /** An Ethereum address: mostly EIP-55 mixed-case checksummed, sometimes all lower case. */
    String ethereum() {
        String hex = HexFormat.of().formatHex(bytes(20));
        return "0x" + (chance(0.85) ? eip55(hex) : hex);
    }

    /** Applies EIP-55 to 40 lower-case hex digits: a letter is upper case when its Keccak-256 nibble is >= 8. */
    static String eip55(String lowerHex) {
        byte[] hash = keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    static byte[] keccak256(byte[] in) {
        KeccakDigest k = new KeccakDigest(256);
        k.update(in, 0, in.length);
        byte[] out = new byte[32];
        k.doFinal(out, 0);
        return out;
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- secret-shaped strings (fake: random, never issued by any provider)

    String awsAccessKeyId() {
        return "AKIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    String awsSecretKey() {
        return chars(BASE64, 40);
    }

    /** A classic GitHub token: ghp_, 30 base62 chars, then their CRC32 in 6 base62 digits. */
    String githubToken() {
        String body = chars(BASE62, 30);
        return "ghp_" + body + githubChecksum(body);
    }

    static String githubChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    String gitlabToken() {
        return "glpat-" + chars(URLSAFE, 20);
    }

    String slackToken() {
        return "xoxb-" + digits(between(10, 12)) + "-" + digits(between(10, 13)) + "-" + chars(ALNUM, 24);
    }

    String stripeKey() {
        return (chance(0.8) ? "sk_live_" : "rk_live_") + chars(ALNUM, between(24, 34));
    }

    String googleApiKey() {
        return "AIza" + chars(URLSAFE, 35);
    }

    String jwt(String name) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + digits(8) + "\",\"name\":\"" + name + "\",\"iat\":"
                + (1_600_000_000L + random.nextInt(150_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(bytes(32));
    }

    String pemPrivateKey() {
        String kind = pick(List.of("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"));
        String body = Base64.getEncoder().encodeToString(bytes(between(120, 300)));
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(kind).append("-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            sb.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(kind).append("-----").toString();
    }

    /** A high-entropy password: 14–22 chars with upper, lower, digit and symbol. */
    String password() {
        while (true) {
            String p = chars(ALNUM + "!#%&*+-=?@^_", between(14, 22));
            boolean alnumEnds = Character.isLetterOrDigit(p.charAt(0))
                    && Character.isLetterOrDigit(p.charAt(p.length() - 1));
            boolean mixed = p.chars().anyMatch(Character::isUpperCase) && p.chars().anyMatch(Character::isLowerCase)
                    && p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
            if (alnumEnds && mixed) {
                return p;
            }
        }
    }

    /** A generic API key: 32–40 url-safe chars with digits and both cases. */
    String genericApiKey() {
        while (true) {
            String k = chars(ALNUM, between(32, 40));
            if (k.chars().anyMatch(Character::isUpperCase) && k.chars().anyMatch(Character::isLowerCase)
                    && k.chars().anyMatch(Character::isDigit)) {
                return k;
            }
        }
    }

    // ---- formatting

    static String group(String s, int[] sizes, char sep) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at > 0) sb.append(sep);
            sb.append(s, at, at + size);
            at += size;
        }
        return sb.toString();
    }

    static String groupsOf4(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) sb.append(' ');
            sb.append(s, i, Math.min(s.length(), i + 4));
        }
        return sb.toString();
    }
}
