package io.warden.core.policy;

import java.util.List;

/** Matches names against simple globs where {@code *} stands for any run of characters (case-sensitive). */
public final class Globs {
    private Globs() {}

    public static boolean anyMatch(List<String> globs, String name) {
        for (String g : globs) {
            if (matches(g, name)) return true;
        }
        return false;
    }

    public static boolean matches(String glob, String name) {
        return matches(glob, 0, name, 0);
    }

    private static boolean matches(String g, int gi, String s, int si) {
        while (gi < g.length()) {
            char c = g.charAt(gi);
            if (c == '*') {
                for (int k = s.length(); k >= si; k--) {
                    if (matches(g, gi + 1, s, k)) return true;
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) return false;
            gi++;
            si++;
        }
        return si == s.length();
    }
}
