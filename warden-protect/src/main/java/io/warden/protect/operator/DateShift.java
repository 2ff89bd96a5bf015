package io.warden.protect.operator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.prf.Prf;
import io.warden.crypto.Keyring;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Moves dates by one offset per subject (Google DLP's date shifting): every date of one patient moves by the same
 * number of days, so intervals between a subject's events are kept while the dates themselves are not.
 *
 * <p>The offset is drawn from the keyed PRF of the subject id: {@code PRF("warden/date-shift/v1\0" + field +
 * "\0" + subject)}'s first 8 bytes, reduced to {@code [-maxDays, maxDays]} without 0 (the bias of the reduction is
 * below 2^-40 for any {@code maxDays} allowed). The same key and subject give the same offset in every run and file.
 * Without a subject column, the field name alone seeds it: one offset for the whole column.
 *
 * <p>ISO-8601 dates ({@code 2024-06-11}), local date-times ({@code 2024-06-11T10:15[:30]}, also with a space) and
 * offset date-times keep their form; anything else becomes {@code *}.
 */
public final class DateShift implements Operator {
    public static final String NAME = "date-shift";
    /** The largest shift allowed, about 27 years. */
    public static final int MAX_DAYS_LIMIT = 10_000;

    private static final DateTimeFormatter NO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter NO_SECONDS_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");

    private final Prf prf;
    private final int maxDays;

    /**
     * @param keyring the keys
     * @param maxDays the largest shift in days, 1..{@link #MAX_DAYS_LIMIT}
     */
    public DateShift(Keyring keyring, int maxDays) {
        this.prf = requireNonNull(keyring, "date-shift needs a keyring").prf();
        if (maxDays < 1 || maxDays > MAX_DAYS_LIMIT) {
            throw new IllegalArgumentException("date-shift: max_days must be between 1 and " + MAX_DAYS_LIMIT);
        }
        this.maxDays = maxDays;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The shift in days for {@code subject} in {@code field}: never 0, at most {@code maxDays} either way. */
    public int offset(String field, String subject) {
        String label = "warden/date-shift/v1\0" + (field == null ? "" : field) + "\0" + (subject == null ? "" : subject);
        long r;
        try {
            r = ByteBuffer.wrap(prf.compute(label.getBytes(UTF_8), 8)).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PRF failed", e);
        }
        int k = (int) Long.remainderUnsigned(r, 2L * maxDays); // 0 .. 2*maxDays-1
        return k < maxDays ? k - maxDays : k - maxDays + 1;    // -maxDays..-1, 1..maxDays
    }

    @Override
    public String apply(String value, Target target) {
        String s = value.strip();
        int days = offset(target.field(), target.subject());
        try {
            if (s.length() == 10) return LocalDate.parse(s).plusDays(days).toString();
            String iso = s.replace(' ', 'T');
            boolean spaced = s.indexOf(' ') >= 0;
            boolean seconds = iso.length() >= 19 && iso.charAt(16) == ':';
            String shifted;
            if (s.length() > 10 && (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                OffsetDateTime t = OffsetDateTime.parse(iso).plusDays(days);
                shifted = (seconds ? DateTimeFormatter.ISO_OFFSET_DATE_TIME : NO_SECONDS_OFFSET).format(t);
            } else {
                LocalDateTime t = LocalDateTime.parse(iso).plusDays(days);
                shifted = (seconds ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : NO_SECONDS).format(t);
            }
            return spaced ? shifted.replace('T', ' ') : shifted;
        } catch (DateTimeParseException e) {
            return Generalize.UNKNOWN;
        }
    }

    @Override
    public String toString() {
        return "DateShift[maxDays=" + maxDays + "]";
    }
}
