package io.warden.crypto.sign;

/**
 * File names and other strings from signatures made fit for one line of a terminal: control characters, line
 * breaks and bidirectional overrides are escaped ({@code \n}, {@code \u202e}), so a hostile name cannot forge or
 * hide output lines; overlong strings are cut.
 */
public final class DisplayNames {
    private static final int MAX_CHARS = 300;

    private DisplayNames() {}

    /** {@code s} with unprintable characters escaped and at most 300 characters kept. */
    public static String of(String s) {
        if (s == null) return "(none)";
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 8);
        for (int i = 0; i < s.length() && b.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200e || c == 0x200f || c == 0x061c) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX_CHARS && s.length() > MAX_CHARS) b.append("...");
        return b.toString();
    }
}
