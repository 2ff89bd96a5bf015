package io.warden.detect.eval;

/** Converts UTF-16 char offsets of one text to Unicode code-point offsets. */
final class CodePoints {
    private static final CodePoints IDENTITY = new CodePoints(null);

    /** charToCodePoint[i] = code points before char i; null when the text has no surrogates (identity). */
    private final int[] charToCodePoint;

    private CodePoints(int[] charToCodePoint) {
        this.charToCodePoint = charToCodePoint;
    }

    static CodePoints of(String text) {
        int n = text.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) return IDENTITY;
        int[] map = new int[n + 1];
        for (int i = 0; i <= first; i++) map[i] = i;
        int cp = first;
        for (int i = first; i < n; i++) {
            // a low surrogate after a high one continues the same code point
            if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                cp++;
            }
            map[i + 1] = cp;
        }
        return new CodePoints(map);
    }

    /** The code-point index of char index {@code charIndex} (0..length). */
    int index(int charIndex) {
        return charToCodePoint == null ? charIndex : charToCodePoint[charIndex];
    }
}
