package io.warden.detect.names;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * US states and territories by name and postal abbreviation, for recognizers that need them (ZIP codes, street
 * addresses).
 *
 * <p>The lists are facts written out here rather than loaded, so these checks cost nothing at startup and do not
 * load the name dictionaries.
 */
public final class Places {
    private Places() {}

    /** The 50 states, the District of Columbia and the inhabited territories, with their USPS abbreviations. */
    static final List<String[]> US_STATES = List.of(
            new String[] {"Alabama", "AL"}, new String[] {"Alaska", "AK"}, new String[] {"Arizona", "AZ"},
            new String[] {"Arkansas", "AR"}, new String[] {"California", "CA"}, new String[] {"Colorado", "CO"},
            new String[] {"Connecticut", "CT"}, new String[] {"Delaware", "DE"}, new String[] {"Florida", "FL"},
            new String[] {"Georgia", "GA"}, new String[] {"Hawaii", "HI"}, new String[] {"Idaho", "ID"},
            new String[] {"Illinois", "IL"}, new String[] {"Indiana", "IN"}, new String[] {"Iowa", "IA"},
            new String[] {"Kansas", "KS"}, new String[] {"Kentucky", "KY"}, new String[] {"Louisiana", "LA"},
            new String[] {"Maine", "ME"}, new String[] {"Maryland", "MD"}, new String[] {"Massachusetts", "MA"},
            new String[] {"Michigan", "MI"}, new String[] {"Minnesota", "MN"}, new String[] {"Mississippi", "MS"},
            new String[] {"Missouri", "MO"}, new String[] {"Montana", "MT"}, new String[] {"Nebraska", "NE"},
            new String[] {"Nevada", "NV"}, new String[] {"New Hampshire", "NH"}, new String[] {"New Jersey", "NJ"},
            new String[] {"New Mexico", "NM"}, new String[] {"New York", "NY"},
            new String[] {"North Carolina", "NC"}, new String[] {"North Dakota", "ND"}, new String[] {"Ohio", "OH"},
            new String[] {"Oklahoma", "OK"}, new String[] {"Oregon", "OR"}, new String[] {"Pennsylvania", "PA"},
            new String[] {"Rhode Island", "RI"}, new String[] {"South Carolina", "SC"},
            new String[] {"South Dakota", "SD"}, new String[] {"Tennessee", "TN"}, new String[] {"Texas", "TX"},
            new String[] {"Utah", "UT"}, new String[] {"Vermont", "VT"}, new String[] {"Virginia", "VA"},
            new String[] {"Washington", "WA"}, new String[] {"West Virginia", "WV"},
            new String[] {"Wisconsin", "WI"}, new String[] {"Wyoming", "WY"},
            new String[] {"District of Columbia", "DC"}, new String[] {"Puerto Rico", "PR"},
            new String[] {"Guam", "GU"}, new String[] {"U.S. Virgin Islands", "VI"},
            new String[] {"American Samoa", "AS"}, new String[] {"Northern Mariana Islands", "MP"});

    private static final boolean[] ABBREVIATIONS = new boolean[26 * 26];
    private static final Set<String> NAMES;

    static {
        var names = new java.util.HashSet<String>();
        for (String[] s : US_STATES) {
            ABBREVIATIONS[(s[1].charAt(0) - 'A') * 26 + (s[1].charAt(1) - 'A')] = true;
            names.add(WordTable.normalize(s[0]));
        }
        names.add("washington d c");
        names.add("virgin islands");
        NAMES = Set.copyOf(names);
    }

    /**
     * Whether {@code s} is a US state or territory: its USPS abbreviation in upper case ({@code "CA"}) or its name
     * in any case and spacing ({@code "New York"}, {@code "new  york"}).
     */
    public static boolean isUsState(String s) {
        if (s == null) return false;
        String t = s.strip();
        if (t.length() == 2) return isUsStateAbbreviation(t, 0, 2);
        return NAMES.contains(WordTable.normalize(t.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code text[start, end)} is an upper-case USPS state or territory abbreviation; allocation-free. */
    public static boolean isUsStateAbbreviation(CharSequence text, int start, int end) {
        if (end - start != 2) return false;
        char a = text.charAt(start);
        char b = text.charAt(start + 1);
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return false;
        return ABBREVIATIONS[(a - 'A') * 26 + (b - 'A')];
    }
}
