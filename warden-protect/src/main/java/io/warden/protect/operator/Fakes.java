package io.warden.protect.operator;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The surrogate generators, one per entity: each turns an original value and its {@link Picks} into a fake of the
 * same shape. Every choice comes from the picks, so equal seeds give equal fakes.
 */
final class Fakes {
    private Fakes() {}

    // ---- names, places, organisations ------------------------------------------------------------------------

    /** One word becomes a first name; n words become n-1 first names and a last name; "Last, First" keeps its comma. */
    static String person(String value, Picks p, SurrogateData d) {
        int words = countWords(value);
        StringBuilder sb = new StringBuilder(value.length() + 8);
        if (words <= 1) {
            d.firstName.append(sb, p);
        } else if (words == 2 && value.indexOf(',') >= 0) {
            d.lastName.append(sb, p);
            sb.append(", ");
            d.firstName.append(sb, p);
        } else {
            for (int i = 0; i < words - 1; i++) {
                d.firstName.append(sb, p);
                sb.append(' ');
            }
            d.lastName.append(sb, p);
        }
        return withCaseOf(value, sb.toString(), d.locale);
    }

    static String location(String value, Picks p, SurrogateData d) {
        return withCaseOf(value, d.city.pick(p), d.locale);
    }

    static String organization(String value, Picks p, SurrogateData d) {
        return withCaseOf(value, d.company.pick(p), d.locale);
    }

    /** {@code first.last}, {@code first_last}, {@code flast} or {@code firstlast}, half of them with a number. */
    static String email(Picks p, SurrogateData d) {
        StringBuilder sb = new StringBuilder(40);
        int style = p.below(4);
        d.emailFirstName.append(sb, p);
        if (sb.isEmpty()) sb.append("user");
        switch (style) {
            case 0 -> sb.append('.');
            case 1 -> sb.append('_');
            case 2 -> sb.setLength(1);
            default -> { }
        }
        int lastStart = sb.length();
        d.emailLastName.append(sb, p);
        if (sb.length() == lastStart) sb.append("mail");
        if (p.below(2) == 0) sb.append(p.between(1, 9999));
        return sb.append('@').append(p.pick(d.emailDomains)).toString();
    }

    // ---- numbers ---------------------------------------------------------------------------------------------

    /**
     * Same characters, new digits: a leading {@code +} and country code stay (the whole first group when it has at
     * most 3 digits, else 1 digit for +1/+7 and 2 otherwise), so does a trunk {@code 0} opening the national number;
     * the first new digit of each group is 2-9 (no group starts with 0 or 1, as NANP area codes and exchanges).
     */
    static String phone(String value, Picks p) {
        char[] c = value.toCharArray();
        int i = 0;
        while (i < c.length && !isDigit(c[i]) && c[i] != '+') i++;
        if (i < c.length && c[i] == '+') {
            i++;
            int end = i;
            while (end < c.length && isDigit(c[end])) end++;
            int run = end - i;
            int keep = run <= 3 ? run : (c[i] == '1' || c[i] == '7' ? 1 : 2);
            i += keep;
        }
        while (i < c.length && !isDigit(c[i])) i++;
        if (i < c.length && c[i] == '0') i++; // trunk prefix
        boolean groupStart = true; // what follows a kept country code or trunk 0 opens the number
        for (; i < c.length; i++) {
            if (isDigit(c[i])) {
                c[i] = groupStart ? (char) ('2' + p.below(8)) : p.digit();
                groupStart = false;
            } else {
                groupStart = true;
            }
        }
        return new String(c);
    }

    /** Nine digits in the SSA's valid ranges (area 001-899 but 666, group 01-99, serial 0001-9999), same separators. */
    static String usSsn(String value, Picks p) {
        int[] at = digitPositions(value);
        if (at.length != 9) return generic(value, p);
        int area = p.between(1, 898);
        if (area >= 666) area++;
        String digits = pad(area, 3) + pad(p.between(1, 99), 2) + pad(p.between(1, 9999), 4);
        char[] c = value.toCharArray();
        for (int k = 0; k < 9; k++) c[at[k]] = digits.charAt(k);
        return new String(c);
    }

    /** Same length and separators, same first digit (the card network), random digits, a valid Luhn check digit. */
    static String creditCard(String value, Picks p) {
        int[] at = digitPositions(value);
        if (at.length < 12 || at.length > 19) return generic(value, p);
        char[] c = value.toCharArray();
        byte[] payload = new byte[at.length - 1];
        payload[0] = (byte) (c[at[0]] - '0');
        for (int k = 1; k < payload.length; k++) {
            payload[k] = (byte) p.below(10);
            c[at[k]] = (char) ('0' + payload[k]);
        }
        c[at[at.length - 1]] = (char) ('0' + Fpe.luhnDigit(payload));
        return new String(c);
    }

    /** Same country code, same letter and digit positions in the BBAN, valid ISO 13616 (mod-97) check digits. */
    static String iban(String value, Picks p) {
        StringBuilder compact = new StringBuilder(34);
        int[] at = new int[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ' ' || ch == '-') continue;
            at[compact.length()] = i;
            compact.append(ch);
        }
        int n = compact.length();
        if (n < 15 || n > 34 || !isLetter(compact.charAt(0)) || !isLetter(compact.charAt(1))
                || !isDigit(compact.charAt(2)) || !isDigit(compact.charAt(3))) {
            return generic(value, p);
        }
        for (int k = 4; k < n; k++) {
            char ch = compact.charAt(k);
            if (isDigit(ch)) compact.setCharAt(k, p.digit());
            else if (ch >= 'A' && ch <= 'Z') compact.setCharAt(k, (char) ('A' + p.below(26)));
            else if (ch >= 'a' && ch <= 'z') compact.setCharAt(k, (char) ('a' + p.below(26)));
            else return generic(value, p);
        }
        int check = 98 - mod97(compact.substring(4) + compact.substring(0, 2) + "00");
        compact.setCharAt(2, (char) ('0' + check / 10));
        compact.setCharAt(3, (char) ('0' + check % 10));
        char[] c = value.toCharArray();
        for (int k = 0; k < n; k++) c[at[k]] = compact.charAt(k);
        return new String(c);
    }

    /** ISO 7064 MOD 97-10 remainder of an IBAN rearranged for checking (letters count 10 to 35). */
    static int mod97(CharSequence s) {
        int r = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isDigit(ch)) r = (r * 10 + (ch - '0')) % 97;
            else r = (r * 100 + (Character.toUpperCase(ch) - 'A' + 10)) % 97;
        }
        return r;
    }

    /**
     * IPv4: a random address of the same kind (the same private range, loopback, or public unicast outside the
     * reserved blocks). IPv6 and anything else with colons: new hex digits (upper case if the original's are),
     * layout kept.
     */
    static String ip(String value, Picks p) {
        int[] o = ipv4(value);
        if (o == null) {
            if (value.indexOf(':') < 0) return generic(value, p);
            char[] c = value.toCharArray();
            boolean upper = value.chars().anyMatch(ch -> ch >= 'A' && ch <= 'F')
                    && value.chars().noneMatch(ch -> ch >= 'a' && ch <= 'f');
            for (int i = 0; i < c.length; i++) {
                char ch = c[i];
                if (isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')) {
                    int h = p.below(16);
                    c[i] = h < 10 ? (char) ('0' + h) : (char) ((upper ? 'A' : 'a') + h - 10);
                }
            }
            return new String(c);
        }
        int a;
        int b;
        if (o[0] == 10) {
            a = 10;
            b = p.below(256);
        } else if (o[0] == 172 && o[1] >= 16 && o[1] <= 31) {
            a = 172;
            b = p.between(16, 31);
        } else if (o[0] == 192 && o[1] == 168) {
            a = 192;
            b = 168;
        } else if (o[0] == 127) {
            a = 127;
            b = p.below(256);
        } else {
            do {
                a = p.between(1, 223);
                b = p.below(256);
            } while (reserved(a, b));
        }
        return a + "." + b + "." + p.below(256) + "." + p.between(1, 254);
    }

    private static boolean reserved(int a, int b) {
        return a == 10 || a == 127 || a == 0 || (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 192 && b == 0)
                || (a == 198 && (b == 18 || b == 19 || b == 51)) || (a == 203 && b == 0);
    }

    private static int[] ipv4(String v) {
        int[] o = new int[4];
        int part = 0;
        int digits = 0;
        int acc = 0;
        for (int i = 0; i <= v.length(); i++) {
            char ch = i < v.length() ? v.charAt(i) : '.';
            if (isDigit(ch)) {
                acc = acc * 10 + (ch - '0');
                if (++digits > 3) return null;
            } else if (ch == '.') {
                if (digits == 0 || acc > 255 || part > 3) return null;
                o[part++] = acc;
                acc = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? o : null;
    }

    // ---- dates -----------------------------------------------------------------------------------------------

    private static final Pattern YMD = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern WORDS = Pattern.compile("\\p{L}+\\.?|\\d+");
    private static final long FIRST_DAY = LocalDate.of(1930, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(2029, 12, 31).toEpochDay();

    /**
     * A random date from 1930 to 2029 written like the original: {@code 2021-03-04}, {@code 4.3.2021},
     * {@code 03/04/21} ({@code /} and {@code -} read month first for English, day first otherwise), or with a month
     * name ({@code March 4, 2021}, {@code 4 Mar 2021}); times ({@code 14:05[:09]}) after the date get random valid
     * times. Other values fall back to {@link #generic}.
     */
    static String date(String value, Picks p, SurrogateData d) {
        LocalDate date = LocalDate.ofEpochDay(FIRST_DAY + p.below((int) (LAST_DAY - FIRST_DAY + 1)));
        Matcher m = YMD.matcher(value);
        if (m.lookingAt()) {
            String out = date.getYear() + m.group(2) + width(date.getMonthValue(), m.group(3)) + m.group(2)
                    + width(date.getDayOfMonth(), m.group(4));
            return out + times(value.substring(m.end()), p);
        }
        m = DMY.matcher(value);
        if (m.lookingAt()) {
            boolean monthFirst = !m.group(2).equals(".") && d.locale.getLanguage().equals("en")
                    && Integer.parseInt(m.group(1)) <= 12;
            String year = m.group(4).length() == 2 ? pad(date.getYear() % 100, 2) : String.valueOf(date.getYear());
            String first = monthFirst ? width(date.getMonthValue(), m.group(1)) : width(date.getDayOfMonth(), m.group(1));
            String second = monthFirst ? width(date.getDayOfMonth(), m.group(3)) : width(date.getMonthValue(), m.group(3));
            return first + m.group(2) + second + m.group(2) + year + times(value.substring(m.end()), p);
        }
        String named = namedMonth(value, date, d);
        return named != null ? times(named, p) : generic(value, p);
    }

    private static String namedMonth(String value, LocalDate date, SurrogateData d) {
        Matcher m = WORDS.matcher(value);
        StringBuilder sb = new StringBuilder(value.length() + 8);
        int last = 0;
        boolean month = false;
        boolean year = false;
        boolean day = false;
        while (m.find()) {
            String w = m.group();
            String replacement = null;
            if (isDigit(w.charAt(0))) {
                if (w.length() == 4 && !year) {
                    replacement = String.valueOf(date.getYear());
                    year = true;
                } else if (w.length() <= 2 && !day) {
                    replacement = width(date.getDayOfMonth(), w);
                    day = true;
                }
            } else if (!month) {
                replacement = monthName(w, date.getMonthValue() - 1, d);
                month = replacement != null;
            }
            if (replacement != null) {
                sb.append(value, last, m.start()).append(replacement);
                last = m.end();
            }
        }
        if (!month || !(year || day)) return null;
        return sb.append(value, last, value.length()).toString();
    }

    /** {@code word} rewritten as month {@code month} in the same language and style, or null if it names no month. */
    private static String monthName(String word, int month, SurrogateData d) {
        boolean dot = word.endsWith(".");
        String w = dot ? word.substring(0, word.length() - 1) : word;
        for (String[] names : new String[][] {d.months, d.shortMonths, d.englishMonths, d.englishShortMonths}) {
            for (String name : names) {
                if (w.equalsIgnoreCase(name)) return withCaseOf(w, names[month], d.locale) + (dot ? "." : "");
            }
        }
        return null;
    }

    private static String times(String rest, Picks p) {
        Matcher m = TIME.matcher(rest);
        if (!m.find()) return rest;
        StringBuilder sb = new StringBuilder(rest.length());
        sb.append(rest, 0, m.start()).append(width(p.below(24), m.group(1))).append(':').append(pad(p.below(60), 2));
        if (m.group(3) != null) sb.append(':').append(pad(p.below(60), 2));
        return sb.append(rest, m.end(), rest.length()).toString();
    }

    // ---- anything else ---------------------------------------------------------------------------------------

    /** Letters become random letters of the same case, digits random digits; everything else stays. */
    static String generic(String value, Picks p) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) sb.append(p.digit());
            else if (Character.isUpperCase(cp)) sb.append((char) ('A' + p.below(26)));
            else if (Character.isLowerCase(cp)) sb.append((char) ('a' + p.below(26)));
            else if (Character.isLetter(cp) && cp >= 0x4E00 && cp <= 0x9FFF) sb.append((char) (0x4E00 + p.below(0x5200)));
            else if (Character.isLetter(cp)) sb.append((char) ('a' + p.below(26)));
            else sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** {@code fake} in upper or lower case when the original's letters all are; as it is otherwise. */
    static String withCaseOf(String original, String fake, Locale locale) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < original.length(); i++) {
            char ch = original.charAt(i);
            if (Character.isUpperCase(ch)) upper = true;
            else if (Character.isLowerCase(ch)) lower = true;
        }
        if (upper && !lower && original.length() > 1) return fake.toUpperCase(locale);
        if (lower && !upper) return fake.toLowerCase(locale);
        return fake;
    }

    static int countWords(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) words++;
            in = !space;
        }
        return words;
    }

    static int[] digitPositions(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (isDigit(s.charAt(i))) n++;
        int[] at = new int[n];
        for (int i = 0, k = 0; i < s.length(); i++) if (isDigit(s.charAt(i))) at[k++] = i;
        return at;
    }

    /** {@code value} zero-padded to the width of {@code like} (1 digit stays 1 digit when it fits). */
    private static String width(int value, String like) {
        return pad(value, like.length());
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
