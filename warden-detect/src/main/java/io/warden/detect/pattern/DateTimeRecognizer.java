package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds dates and times: numeric dates, dates with month names, clock times and ISO 8601 timestamps, each as one
 * span; a year on its own only next to a context word.
 *
 * <p>Rule: ISO 8601-1:2019 extended format ({@code 2024-01-31}, {@code 2024-01-31T10:00:00Z}, {@code 14:30:05},
 * offsets {@code ±hh:mm}) and the common national orders {@code m/d/y}, {@code d/m/y}, {@code d.m.y},
 * {@code d-m-y} (CLDR's short date patterns for en-US, en-GB, de, fr), English month and weekday names. Day and
 * month must be in range for the month (29 February only in leap years when the year is known). Weekday names
 * alone are not dates; before a date they join its span. Hand-written because {@code java.time} parsers need a
 * fixed pattern and throw on mismatch; here every token is a candidate.
 *
 * <p>Scores: ISO date or timestamp and month-name dates with a year 0.85; numeric dates with a four-digit year
 * 0.75; month and year ({@code March 2020}) 0.7; times with seconds, am/pm or a zone 0.7; two-digit-year dates,
 * month and day without year, plain {@code hh:mm} 0.6; a year alone ({@code 1900}–{@code 2100}) 0.3, which needs
 * a context word ("born", "since", "dob", ...).
 */
public final class DateTimeRecognizer implements Recognizer {
    static final String ENTITY = "DATE_TIME";
    static final double ISO = 0.85;
    static final double NAMED_FULL = 0.85;
    static final double NUMERIC = 0.75;
    static final double MONTH_YEAR = 0.7;
    static final double TIME_QUALIFIED = 0.7;
    static final double PARTIAL = 0.6;
    static final double YEAR = 0.3;

    private static final String[] MONTH_NAMES = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december"
    };
    private static final String[] WEEKDAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun"
    };
    private static final int[] MONTH_KEYS = java.util.Arrays.stream(MONTH_NAMES).mapToInt(DateTimeRecognizer::key)
            .toArray();
    private static final int[] WEEKDAY_KEYS = {
        key("mon"), key("tue"), key("wed"), key("thu"), key("fri"), key("sat"), key("sun")
    };
    private static final Set<String> ZONES = Set.of(
            "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt",
            "cet", "cest", "eet", "eest", "wet", "west", "bst", "ist", "jst", "kst", "aest", "aedt", "acst", "awst",
            "nzst", "nzdt", "msk", "sgt", "hkt");

    @Override
    public String name() {
        return "date_time";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("date", "dates", "dob", "born", "birth", "birthday", "birthdate", "on", "since", "dated",
                "time", "year", "when", "until");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int resume = 0;
        Found f = new Found();
        // a date starts at a number or a capitalised word (a month or day name): walk both anchor lists in order
        int nd = text.digitTokenCount();
        int nu = text.upperTokenCount();
        for (int kd = 0, ku = 0; kd < nd || ku < nu; ) {
            int i;
            if (ku >= nu || (kd < nd && text.digitToken(kd) < text.upperToken(ku))) {
                i = text.digitToken(kd++);
            } else {
                i = text.upperToken(ku++);
                if (kd < nd && text.digitToken(kd) == i) kd++;
            }
            int start = text.tokenStart(i);
            if (start < resume) continue;
            f.end = -1;
            int flags = text.tokenFlags(i);
            if ((flags & ScanText.HAS_DIGIT) != 0) {
                atNumber(text, i, f);
            } else if ((flags & ScanText.UPPER_FIRST) != 0 && text.tokenLength(i) >= 3 && text.tokenLength(i) <= 9) {
                atWord(text, i, f);
            }
            if (f.end > start) {
                sink.report(start, f.end, ENTITY, f.score);
                resume = f.end;
            }
        }
    }

    /** A match under construction: where it ends and what it scores. */
    private static final class Found {
        int end;
        double score;

        void set(int end, double score) {
            this.end = end;
            this.score = score;
        }
    }

    // ---- anchors ----

    private static void atNumber(ScanText t, int i, Found f) {
        String s = t.text();
        int p = t.tokenStart(i);
        int len = t.tokenLength(i);
        if (!t.isDigits(i)) {
            // "5th of May", "10am"
            int d = dayEnd(s, p);
            if (d > 0 && Chars.isLetter(s.charAt(d - 1))) {
                dayFirst(t, p, d, f);
            } else {
                int e = hourAmPm(s, p);
                if (e > 0) f.set(e, PARTIAL);
            }
            return;
        }
        if (Chars.attachedBefore(s, p)) return;
        if (len == 4) {
            int e = isoDate(s, p);
            if (e > 0) {
                double score = s.charAt(p + 4) == '-' ? ISO : NUMERIC;
                int te = timeAfter(s, e, true);
                finish(s, p, te > 0 ? te : e, score, f);
                return;
            }
            int v = (int) Chars.digits(s, p, p + 4);
            if (v >= 1900 && v <= 2100 && !Chars.attached(s, p, p + 4) && !Chars.charIs(s, p - 1, '$')) {
                f.set(p + 4, YEAR);
            }
            return;
        }
        if (len > 2) return;
        int e = numericDate(s, p);
        if (e > 0) {
            double score = Chars.allDigits(s, e - 4, e) ? NUMERIC : PARTIAL;
            int te = timeAfter(s, e, false);
            finish(s, p, te > 0 ? te : e, score, f);
            return;
        }
        e = time(s, p);
        if (e > 0) {
            finish(s, p, e, qualified(s, p, e) ? TIME_QUALIFIED : PARTIAL, f);
            return;
        }
        e = dayEnd(s, p);
        if (e > 0 && dayFirst(t, p, e, f)) return;
        e = hourAmPm(s, p);
        if (e > 0) f.set(e, PARTIAL);
    }

    private static void atWord(ScanText t, int i, Found f) {
        String s = t.text();
        int month = monthOf(t, i);
        if (month > 0) {
            monthFirst(t, i, month, f);
            return;
        }
        if (!isWeekday(t, i)) return;
        // "Monday, January 5, 2021", "Tue 5 Jan", "Fri 01/02/2021": the weekday joins a date that follows
        int p = t.tokenEnd(i);
        if (Chars.charIs(s, p, '.')) p++;
        if (Chars.charIs(s, p, ',')) p++;
        if (!Chars.charIs(s, p, ' ') || i + 1 >= t.tokenCount() || t.tokenStart(i + 1) != p + 1) return;
        Found next = new Found();
        next.end = -1;
        if (t.isDigits(i + 1) || (t.tokenFlags(i + 1) & ScanText.HAS_DIGIT) != 0) {
            atNumber(t, i + 1, next);
        } else {
            int m = monthOf(t, i + 1);
            if (m > 0) monthFirst(t, i + 1, m, next);
        }
        if (next.end > 0 && next.score > YEAR) f.set(next.end, next.score);
    }

    // ---- shapes ----

    /** {@code [start, e)} is a match if nothing glues it to a longer token. */
    private static void finish(String s, int start, int e, double score, Found f) {
        if (Chars.attached(s, start, e)) return;
        f.set(e, score);
    }

    /** {@code yyyy-mm-dd}, {@code yyyy/mm/dd} or {@code yyyy.mm.dd} at p; its end or -1. */
    static int isoDate(String s, int p) {
        int y = run(s, p, 4, 4);
        if (y < 0 || y + 1 >= s.length()) return -1;
        char sep = s.charAt(y);
        if (sep != '-' && sep != '/' && sep != '.') return -1;
        int m = run(s, y + 1, 1, 2);
        if (m < 0 || !Chars.charIs(s, m, sep)) return -1;
        int d = run(s, m + 1, 1, 2);
        if (d < 0) return -1;
        int year = (int) Chars.digits(s, p, y);
        int month = (int) Chars.digits(s, y + 1, m);
        int day = (int) Chars.digits(s, m + 1, d);
        return year >= 1000 && year <= 2999 && validDay(day, month, year) ? d : -1;
    }

    /** {@code m/d/yyyy}, {@code d.m.yyyy}, {@code d-m-yyyy}, or with a two-digit year; its end or -1. */
    static int numericDate(String s, int p) {
        int a = run(s, p, 1, 2);
        if (a < 0 || a + 1 >= s.length()) return -1;
        char sep = s.charAt(a);
        if (sep != '-' && sep != '/' && sep != '.') return -1;
        int b = run(s, a + 1, 1, 2);
        if (b < 0 || !Chars.charIs(s, b, sep)) return -1;
        int y = run(s, b + 1, 2, 4);
        if (y < 0 || y - b - 1 == 3) return -1;
        boolean shortYear = y - b - 1 == 2;
        if (shortYear && sep != '/' && (a - p != 2 || b - a - 1 != 2)) return -1; // "1.2.24" is a version
        int x = (int) Chars.digits(s, p, a);
        int z = (int) Chars.digits(s, a + 1, b);
        int year = shortYear ? -1 : (int) Chars.digits(s, b + 1, y);
        if (!shortYear && (year < 1000 || year > 2999)) return -1;
        return validDay(z, x, year) || validDay(x, z, year) ? y : -1;
    }

    /** {@code h:mm}, {@code hh:mm:ss(.fff)}, then optional am/pm and zone; its end or -1. */
    static int time(String s, int p) {
        int h = run(s, p, 1, 2);
        if (h < 0 || !Chars.charIs(s, h, ':')) return -1;
        int m = run(s, h + 1, 2, 2);
        if (m < 0) return -1;
        int hour = (int) Chars.digits(s, p, h);
        if (hour > 23 || Chars.digits(s, h + 1, m) > 59) return -1;
        int e = m;
        boolean seconds = false;
        if (Chars.charIs(s, e, ':')) {
            int sec = run(s, e + 1, 2, 2);
            if (sec < 0 || Chars.digits(s, e + 1, sec) > 60) return -1;
            e = sec;
            seconds = true;
            if (Chars.charIs(s, e, '.')) {
                int frac = run(s, e + 1, 1, 9);
                if (frac > 0) e = frac;
            }
        }
        if (Chars.charIs(s, e, ':') && Chars.wordAt(s, e + 1)) return -1; // a MAC, IPv6 or longer colon run
        int ap = amPm(s, e);
        if (ap > 0) {
            if (hour < 1 || hour > 12) return -1;
            e = ap;
        }
        int z = zone(s, e, seconds);
        return z > 0 ? z : e;
    }

    private static boolean qualified(String s, int p, int e) {
        int colons = 0;
        for (int i = p; i < e; i++) {
            char c = s.charAt(i);
            if (c == ':') colons++;
            if (Chars.isLetter(c)) return true;
        }
        return colons > 1;
    }

    /** A time after a date: {@code T10:00}, {@code  10:00}, {@code , 10:00 am}, {@code  at 10:00}; its end or -1. */
    private static int timeAfter(String s, int e, boolean iso) {
        int p = e;
        if (iso && Chars.charIs(s, p, 'T')) return time(s, p + 1);
        if (Chars.charIs(s, p, ',')) p++;
        if (!Chars.charIs(s, p, ' ')) return -1;
        p++;
        if (s.regionMatches(true, p, "at ", 0, 3)) p += 3;
        return Chars.digitAt(s, p) ? time(s, p) : -1;
    }

    /** " am", "pm", " a.m.", "p.m." at p; its end or -1. */
    private static int amPm(String s, int p) {
        int q = Chars.charIs(s, p, ' ') ? p + 1 : p;
        if (q + 2 > s.length()) return -1;
        char c = Character.toLowerCase(s.charAt(q));
        if (c != 'a' && c != 'p') return -1;
        char m = Character.toLowerCase(s.charAt(q + 1));
        if (m == 'm' && !Chars.wordAt(s, q + 2)) return q + 2;
        if (m == '.' && q + 4 <= s.length() && (s.charAt(q + 2) | 0x20) == 'm' && s.charAt(q + 3) == '.') {
            return q + 4;
        }
        return -1;
    }

    /**
     * "Z", "+02:00" / "-0500" (after seconds only: "10:00-11:00" is a range), " -0700" (RFC 5322, after seconds),
     * " UTC", " CET"; its end or -1.
     */
    private static int zone(String s, int p, boolean seconds) {
        if (Chars.charIs(s, p, 'Z') && !Chars.wordAt(s, p + 1)) return p + 1;
        if (seconds && (Chars.charIs(s, p, '+') || Chars.charIs(s, p, '-'))) {
            int h = run(s, p + 1, 2, 2);
            if (h < 0) return -1;
            if (Chars.charIs(s, h, ':')) {
                int m = run(s, h + 1, 2, 2);
                return m > 0 ? m : -1;
            }
            int m = run(s, h, 2, 2);
            return m > 0 ? m : h;
        }
        if (!Chars.charIs(s, p, ' ')) return -1;
        int q = p + 1;
        if (seconds && (Chars.charIs(s, q, '+') || Chars.charIs(s, q, '-'))) { // RFC 5322: "14:46:17 -0700"
            int hhmm = run(s, q + 1, 4, 4);
            return hhmm > 0 && !Chars.wordAt(s, hhmm) ? hhmm : -1;
        }
        int w = q;
        while (w < s.length() && w - q < 5 && Chars.isUpper(s.charAt(w))) w++;
        if (w - q < 3 || Chars.wordAt(s, w)) return -1;
        if (!ZONES.contains(s.substring(q, w).toLowerCase(java.util.Locale.ROOT))) return -1;
        if ((Chars.charIs(s, w, '+') || Chars.charIs(s, w, '-')) && Chars.digitAt(s, w + 1)) {
            int h = run(s, w + 1, 1, 2);
            if (h > 0) {
                w = h;
                if (Chars.charIs(s, w, ':') && run(s, w + 1, 2, 2) > 0) w = run(s, w + 1, 2, 2);
            }
        }
        return w;
    }

    /** "5 pm", "10am", "7 a.m." with an hour 1–12; its end or -1. */
    private static int hourAmPm(String s, int p) {
        int h = run(s, p, 1, 2);
        if (h < 0) {
            // run() refuses digits glued to letters; "10am" is one token
            h = p;
            while (h < s.length() && h - p < 3 && Chars.isDigit(s.charAt(h))) h++;
            if (h == p || h - p > 2) return -1;
        }
        int hour = (int) Chars.digits(s, p, h);
        if (hour < 1 || hour > 12) return -1;
        int e = amPm(s, h);
        return e > 0 && !Chars.attachedBefore(s, p) ? e : -1;
    }

    /** End of a day number 1–31 with an optional ordinal suffix at p ("5", "05", "5th", "21st"), or -1. */
    private static int dayEnd(String s, int p) {
        int q = p;
        while (q < s.length() && q - p < 3 && Chars.isDigit(s.charAt(q))) q++;
        int len = q - p;
        if (len == 0 || len > 2) return -1;
        int day = (int) Chars.digits(s, p, q);
        if (day < 1 || day > 31) return -1;
        if (q + 2 <= s.length() && Chars.isLower(s.charAt(q))) {
            String suffix = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd"
                    : day % 10 == 3 && day != 13 ? "rd" : "th";
            if (!s.startsWith(suffix, q) || Chars.wordAt(s, q + 2)) return -1;
            return q + 2;
        }
        return Chars.wordAt(s, q) ? -1 : q;
    }

    /** "5 January 2021", "5th of Jan", "05 Jan. 2021" starting with the day at p (day ends at d). */
    private static boolean dayFirst(ScanText t, int p, int d, Found f) {
        String s = t.text();
        if (Chars.attachedBefore(s, p) || !Chars.charIs(s, d, ' ')) return false;
        int q = d + 1;
        if (s.regionMatches(true, q, "of ", 0, 3)) q += 3;
        int tok = t.tokenAtOrAfter(q);
        if (tok >= t.tokenCount() || t.tokenStart(tok) != q) return false;
        int month = monthOf(t, tok);
        if (month == 0) return false;
        int day = (int) Chars.digits(s, p, d);
        int e = t.tokenEnd(tok);
        if (Chars.charIs(s, e, '.') && t.tokenLength(tok) <= 4) e++;
        int y = yearAfter(s, e);
        int year = y > 0 ? (int) Chars.digits(s, y - 4, y) : -1;
        if (!validDay(day, month, year)) return false;
        if (y > 0) {
            int te = timeAfter(s, y, false);
            f.set(te > 0 ? te : y, NAMED_FULL);
        } else {
            if (Chars.charIs(s, e - 1, '.') && !Chars.wordAt(s, e)) e--; // leave the sentence's full stop
            f.set(e, PARTIAL);
        }
        return true;
    }

    /** "January 5, 2021", "Jan. 5th", "March 2020", "January, 2021" starting with the month token i. */
    private static void monthFirst(ScanText t, int i, int month, Found f) {
        String s = t.text();
        int e = t.tokenEnd(i);
        boolean abbreviated = t.tokenLength(i) <= 4;
        if (abbreviated && Chars.charIs(s, e, '.')) e++;
        int y = yearAfter(s, e);
        if (y > 0) {
            f.set(y, MONTH_YEAR);
            return;
        }
        if (!Chars.charIs(s, e, ' ') || !Chars.digitAt(s, e + 1)) return;
        int d = dayEnd(s, e + 1);
        if (d < 0) return;
        int day = (int) Chars.digits(s, e + 1, d);
        y = yearAfter(s, d);
        int year = y > 0 ? (int) Chars.digits(s, y - 4, y) : -1;
        if (!validDay(day, month, year)) return;
        if (y > 0) {
            int te = timeAfter(s, y, false);
            f.set(te > 0 ? te : y, NAMED_FULL);
        } else if (!Chars.charIs(s, d, ':') && !Chars.attachedAfter(s, d)) {
            f.set(d, PARTIAL);
        }
    }

    /** After a date part ending at e: {@code [,] yyyy} with a year 1000–2999 standing alone; its end or -1. */
    private static int yearAfter(String s, int e) {
        int p = e;
        if (Chars.charIs(s, p, ',')) p++;
        if (!Chars.charIs(s, p, ' ')) return -1;
        int y = run(s, p + 1, 4, 4);
        if (y < 0 || Chars.wordAt(s, y) || Chars.charIs(s, y, ':')) return -1;
        if (Chars.attachedAfter(s, y)) return -1; // "2021.5", "2021-22"
        int year = (int) Chars.digits(s, p + 1, y);
        return year >= 1000 && year <= 2999 ? y : -1;
    }

    /** End of a run of min..max ASCII digits at p not followed by another digit, or -1. */
    private static int run(String s, int p, int min, int max) {
        int q = p;
        while (q < s.length() && q - p <= max && Chars.isDigit(s.charAt(q))) q++;
        int len = q - p;
        return len >= min && len <= max ? q : -1;
    }

    static boolean validDay(int day, int month, int year) {
        if (month < 1 || month > 12 || day < 1) return false;
        int max = switch (month) {
            case 2 -> year < 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= max;
    }

    /** The month (1–12) token i names in title or upper case ("January", "JAN", "Sept"), or 0. */
    static int monthOf(ScanText t, int i) {
        int len = t.tokenLength(i);
        if (len < 3 || len > 9) return 0;
        int m = indexOfKey(MONTH_KEYS, key(t, i)) + 1;
        if (m == 0) return 0;
        String name = MONTH_NAMES[m - 1];
        boolean form = len == 3 || len == name.length() || (len == 4 && m == 9); // "Sep", "September", "Sept"
        if (!form || (t.tokenFlags(i) & ScanText.LETTERS) == 0) return 0;
        return t.text().regionMatches(true, t.tokenStart(i), name, 0, len) && caseOk(t, i) ? m : 0;
    }

    private static boolean isWeekday(ScanText t, int i) {
        int len = t.tokenLength(i);
        if (len < 3 || len > 9 || indexOfKey(WEEKDAY_KEYS, key(t, i)) < 0) return false;
        for (String w : WEEKDAYS) {
            if (t.tokenEqualsIgnoreCase(i, w)) return caseOk(t, i);
        }
        return false;
    }

    /** The first three chars of token i, lower-cased ASCII, packed into an int: a cheap first filter. */
    private static int key(ScanText t, int i) {
        String s = t.text();
        int p = t.tokenStart(i);
        return (s.charAt(p) | 0x20) << 16 | (s.charAt(p + 1) | 0x20) << 8 | (s.charAt(p + 2) | 0x20);
    }

    private static int key(String word) {
        return word.charAt(0) << 16 | word.charAt(1) << 8 | word.charAt(2);
    }

    private static int indexOfKey(int[] keys, int k) {
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] == k) return j;
        }
        return -1;
    }

    /** Title case ("March") or upper case ("MARCH"): lower-case "march" and "may" are verbs. */
    private static boolean caseOk(ScanText t, int i) {
        int flags = t.tokenFlags(i);
        if ((flags & ScanText.UPPER_FIRST) == 0) return false;
        if ((flags & ScanText.HAS_LOWER) == 0) return true;
        String s = t.text();
        for (int k = t.tokenStart(i) + 1; k < t.tokenEnd(i); k++) {
            if (!Chars.isLower(s.charAt(k))) return false;
        }
        return true;
    }
}
