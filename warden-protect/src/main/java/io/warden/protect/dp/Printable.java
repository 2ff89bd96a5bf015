package io.warden.protect.dp;

/** Names from files (query labels, dataset ids, column names) made safe for a one-line message. */
final class Printable {
    private Printable() {}

    /** {@code s} with every control character (newlines included) written as {@code ?}. */
    static String oneLine(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
