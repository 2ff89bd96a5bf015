package io.warden.core.report;

/**
 * HTML escaping for the HTML report: every string that comes from data, file names or findings passes through
 * {@link #esc} before it reaches the page, in text and in attribute values alike.
 */
final class Html {
    private Html() {}

    /**
     * {@code s} safe as HTML text or a quoted attribute value: {@code & < > " '} become entities, control
     * characters and lone surrogates become U+FFFD; {@code null} becomes the empty string.
     */
    static String esc(String s) {
        if (s == null) return "";
        String p = ReportText.printable(s);
        StringBuilder b = new StringBuilder(p.length() + 16);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
