package io.warden.crypto.sign;

import java.util.Comparator;

/**
 * The order of resources in a statement: POSIX paths compared component by component, each by Unicode code point,
 * a path before its own children — how Python's {@code PurePosixPath} sorts, and so how {@code model_signing} lists
 * resources and computes the subject digest ({@code "a/b"} comes before {@code "a-c"}, unlike plain string order).
 */
public final class PathOrder implements Comparator<String> {
    /** The one instance. */
    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            int ea = end(a, i);
            int eb = end(b, j);
            int c = compareCodePoints(a, i, ea, b, j, eb);
            if (c != 0) return c;
            boolean moreA = ea < a.length();
            boolean moreB = eb < b.length();
            if (!moreA || !moreB) return Boolean.compare(moreA, moreB);
            i = ea + 1;
            j = eb + 1;
        }
    }

    private static int end(String s, int from) {
        int k = s.indexOf('/', from);
        return k < 0 ? s.length() : k;
    }

    private static int compareCodePoints(String a, int i, int ea, String b, int j, int eb) {
        while (i < ea && j < eb) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < ea, j < eb);
    }
}
