package io.warden.protect.operator;

/**
 * Hides a value's characters behind a masking character, keeping its length (Google DLP's character mask):
 * {@code 4111 1111 1111 1234} with keep 4 from the end becomes {@code **** **** **** 1234}.
 *
 * <p>Counts Unicode code points, so a masked value has as many characters as the original. Characters listed in
 * {@code ignore} (separators such as {@code " -"}) are neither masked nor counted, so the value keeps its shape.
 *
 * @param maskChar the code point written in place of each hidden character (not a surrogate)
 * @param keep how many characters stay visible (0 hides all)
 * @param keepAtEnd whether the visible characters are the last ones (true) or the first ones (false)
 * @param ignore characters left as they are (may be empty)
 */
public record Mask(int maskChar, int keep, boolean keepAtEnd, String ignore) implements Operator {
    public static final String NAME = "mask";

    public Mask {
        if (!Character.isValidCodePoint(maskChar) || Character.isSurrogate((char) maskChar) && maskChar < 0x10000) {
            throw new IllegalArgumentException("mask: the masking character must be one valid character");
        }
        if (keep < 0) throw new IllegalArgumentException("mask: keep must be 0 or more, not " + keep);
        ignore = ignore == null ? "" : ignore;
    }

    /** Hides every character with {@code *}. */
    public static Mask all() {
        return new Mask('*', 0, true, "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        int[] cps = value.codePoints().toArray();
        int counted = 0;
        for (int cp : cps) if (!ignored(cp)) counted++;
        int hide = Math.max(0, counted - keep);
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int cp : cps) {
            if (ignored(cp)) {
                out.appendCodePoint(cp);
                continue;
            }
            boolean hidden = keepAtEnd ? seen < hide : seen >= keep;
            out.appendCodePoint(hidden ? maskChar : cp);
            seen++;
        }
        return out.toString();
    }

    private boolean ignored(int cp) {
        return !ignore.isEmpty() && ignore.indexOf(cp) >= 0;
    }
}
