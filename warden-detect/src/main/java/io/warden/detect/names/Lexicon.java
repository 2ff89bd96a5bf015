package io.warden.detect.names;

import io.warden.detect.ScanText;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dictionaries behind the name recognizers, merged into one table of words and phrases with flag bits: a
 * capitalised token is looked up once and its flags say whether it is a known first name, a surname, a country,
 * an organisation suffix, a common English word, and so on.
 *
 * <p>Built from Datafaker's dictionaries and the lists shipped next to this class. Parsing Datafaker's YAML takes
 * about half a second, on the start-up path of every scan, so the build stores the finished table as a snapshot
 * resource ({@link LexiconSnapshot}) that loads in a few milliseconds; without the snapshot (a build that skipped
 * that step) the table is built from the sources. Loaded once, on first use. Immutable and thread-safe.
 */
final class Lexicon {
    static final int FIRST = 1;
    static final int LAST = 1 << 1;
    /** One of the 5000 most frequent lower-case English words. */
    static final int COMMON = 1 << 2;
    /** One of the 300 most frequent English words: never part of a name or organisation by itself. */
    static final int STOP = 1 << 3;
    /** A name that is also an ordinary word although usually capitalised (Mark, Rose, Brown). */
    static final int AMBIGUOUS_NAME = 1 << 4;
    /** Mr, Mrs, Dr, Prof, ...: a title in its short form. */
    static final int TITLE_ABBR = 1 << 5;
    /** Sir, Miss, Lord, Doctor, Captain, ...: a title that is also a word. */
    static final int TITLE_WORD = 1 << 6;
    static final int COUNTRY = 1 << 7;
    static final int US_STATE = 1 << 8;
    /** A state, province, county or region outside the US. */
    static final int REGION = 1 << 9;
    static final int CITY = 1 << 10;
    /** Continents and large regions (Europe, Middle East). */
    static final int AREA = 1 << 11;
    static final int NRP = 1 << 12;
    static final int NRP_AMBIGUOUS = 1 << 13;
    /** Inc, LLC, Ltd, GmbH, PLC, ...: a legal form that ends a company name. */
    static final int ORG_LEGAL = 1 << 14;
    /** AG, SA, NV, Co, ...: a legal form that is also a short word or code. */
    static final int ORG_LEGAL_WEAK = 1 << 15;
    /** Bank, University, Group, Hospital, ...: a word that ends many organisation names. */
    static final int ORG_KIND = 1 << 16;
    /** University, Bank, Department, ...: heads an "X of Y" name. */
    static final int ORG_OF_HEAD = 1 << 17;
    static final int ORG_KNOWN = 1 << 18;
    static final int ORG_KNOWN_AMBIGUOUS = 1 << 19;
    static final int STREET_SUFFIX = 1 << 20;
    /** Street, Avenue, Road, ...: a suffix that makes "number + words + suffix" an address by itself. */
    static final int STREET_STRONG = 1 << 21;
    static final int DIRECTION = 1 << 22;
    static final int UNIT = 1 << 23;
    static final int MONTH_DAY = 1 << 24;
    /** The first token of a phrase in the table; bits 26..28 hold the longest such phrase's token count. */
    static final int PHRASE_START = 1 << 25;
    private static final int PHRASE_LEN_SHIFT = 26;
    private static final int PHRASE_LEN_MASK = 0x7;
    /** "Box", as in "P.O. Box 12". */
    static final int PO_BOX = 1 << 31;
    /** Bits 29 and 30 are left for {@link TokenClasses}. */
    static final int PLACE = COUNTRY | US_STATE | REGION | CITY | AREA;
    static final int ORG_SUFFIX = ORG_LEGAL | ORG_LEGAL_WEAK | ORG_KIND;

    static final List<String> TITLE_ABBREVIATIONS =
            List.of("mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "capt", "sgt", "lt", "col", "gen", "mme",
                    "mlle", "messrs", "revd");
    static final List<String> TITLE_WORDS = List.of("miss", "sir", "dame", "lord", "lady", "professor", "doctor",
            "captain", "sergeant", "lieutenant", "colonel", "general", "reverend", "madam", "madame", "herr", "frau",
            "senator", "governor", "president", "judge", "justice", "officer", "detective", "father", "sister");
    static final List<String> LEGAL_FORMS = List.of("Inc", "Incorporated", "LLC", "L.L.C.", "Ltd", "Limited",
            "Corp", "Corporation", "GmbH", "PLC", "LLP", "L.L.P.", "S.A.", "S.A.S.", "SARL", "S.p.A.", "SpA", "Srl",
            "S.L.", "N.V.", "B.V.", "Pty", "Pte", "AG & Co. KG", "GmbH & Co. KG", "Company", "Companies");
    static final List<String> WEAK_LEGAL_FORMS =
            List.of("Co", "AG", "SA", "SE", "NV", "BV", "KG", "AB", "ASA", "Oy", "SAS", "KK", "SL", "LP", "Cie");
    static final List<String> ORG_KINDS = List.of("Group", "Holdings", "Holding", "Bank", "Bancorp", "University",
            "Institute", "Foundation", "Hospital", "College", "Association", "Society", "Agency", "Council",
            "Committee", "Partners", "Technologies", "Technology", "Systems", "Industries", "Labs", "Laboratories",
            "Enterprises", "Ministry", "Department", "Trust", "Church", "School", "Academy", "Club", "Airlines",
            "Airways", "Motors", "Pharmaceuticals", "Pharma", "Insurance", "Capital", "Ventures", "Consulting",
            "Solutions", "Software", "Networks", "Communications", "Media", "Studios", "Entertainment", "Energy",
            "Financial", "Investments", "Associates", "Federation", "Bureau", "Commission", "Authority", "Clinic",
            "Museum", "Fund", "Partnership", "Brothers", "Bros", "Sons", "Medical Center", "Medical Centre",
            "Health System", "Credit Union", "Law Firm", "Cooperative", "Co-operative", "Conservancy",
            "Observatory", "Seminary", "Polytechnic");
    static final List<String> OF_HEADS = List.of("University", "Bank", "Institute", "Department", "Ministry",
            "College", "School", "Museum", "Academy", "Church", "Bureau", "Board", "Council", "Commission",
            "Society", "Association", "Federation", "Office", "Court", "Government", "Agency", "Chamber",
            "League", "Company", "Corporation", "Foundation", "Hospital", "Library", "Conservatory",
            "Faculty", "Parliament", "Senate", "Army", "Navy");
    static final List<String> STREET_STRONG_SUFFIXES = List.of("Street", "St", "Avenue", "Ave", "Av", "Road", "Rd",
            "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Place", "Pl", "Highway", "Hwy",
            "Parkway", "Pkwy", "Terrace", "Ter", "Terr", "Circle", "Cir", "Crescent", "Cres", "Square", "Sq", "Way",
            "Trail", "Trl", "Expressway", "Expy", "Freeway", "Fwy", "Turnpike", "Tpke", "Pike", "Alley", "Aly",
            "Plaza", "Plz", "Close", "Mews", "Row", "Gardens", "Grove", "Strasse", "Straße", "Str", "Rue", "Via",
            "Calle", "Avenida");
    static final List<String> STREET_WEAK_SUFFIXES =
            List.of("Ctr", "Pt", "Rte", "Xing", "Sta", "Ext", "Hts", "Jct", "Mtn", "Vly", "Vw", "Walk", "Hill");
    static final List<String> DIRECTIONS = List.of("N", "S", "E", "W", "NE", "NW", "SE", "SW", "North", "South",
            "East", "West", "Northeast", "Northwest", "Southeast", "Southwest");
    static final List<String> UNITS = List.of("Apt", "Apartment", "Suite", "Ste", "Unit", "Fl", "Floor", "Rm",
            "Room", "Bldg", "Building", "Lot", "Flat", "Dept");
    static final List<String> MONTHS_AND_DAYS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
            "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
            "Sun");
    static final List<String> COUNTRY_ALIASES = List.of("USA", "U.S.", "U.S.A.", "US", "United States", "America",
            "UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England", "Scotland", "Wales",
            "Northern Ireland", "Russia", "South Korea", "North Korea", "Korea", "Iran", "Syria", "Laos", "Vietnam",
            "Czech Republic", "Czechia", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Macedonia", "Ivory Coast",
            "Burma", "Holland", "Vatican", "Palestine", "Taiwan", "Kosovo", "Puerto Rico", "Greenland", "UAE",
            "Emirates", "Congo", "DRC", "Micronesia", "Brunei", "Cape Verde", "East Timor", "Swaziland",
            "The Netherlands", "The Gambia", "The Bahamas", "Deutschland", "España", "Italia", "Nederland");
    static final List<String> AREAS = List.of("Europe", "Asia", "Africa", "North America", "South America",
            "Latin America", "Central America", "Middle East", "Near East", "Far East", "Antarctica", "Oceania",
            "Australasia", "Scandinavia", "Caribbean", "Balkans", "Sub-Saharan Africa", "Southeast Asia",
            "East Asia", "South Asia", "Central Asia", "Western Europe", "Eastern Europe", "European Union",
            "Silicon Valley", "Bay Area", "New England", "Midwest", "Pacific Northwest");
    /** Datafaker locales whose first and last names are loaded. */
    static final List<String> NAME_LOCALES = List.of("en-AU", "en-IE", "en-IN", "en-NG", "en-ZA", "de", "fr", "es",
            "it", "nl", "pt", "pt-BR", "sv", "pl", "da-DK", "nb-NO", "fi-FI", "cs", "sk", "hr", "lv", "et", "sq", "tr",
            "vi", "id");
    private static final List<String> FIRST_NAME_KEYS =
            List.of("first_name", "male_first_name", "female_first_name", "man_first_name", "woman_first_name");
    private static final List<String> LAST_NAME_KEYS =
            List.of("last_name", "male_last_name", "female_last_name", "man_last_name", "woman_last_name");
    private static final int STOP_WORDS = 300;

    private final WordTable table;

    private Lexicon(WordTable table) {
        this.table = table;
    }

    /** The lexicon, loaded on first call. */
    static Lexicon get() {
        return Holder.INSTANCE;
    }

    /** Starts loading the lexicon on a background daemon thread, if nobody has loaded it yet. */
    static void loadInBackground() {
        if (!BACKGROUND_STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(Lexicon::get, "warden-name-dictionaries");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> {}); // a failed load fails again, visibly, on first use
        t.start();
    }

    private static final AtomicBoolean BACKGROUND_STARTED = new AtomicBoolean();

    private static final class Holder {
        static final Lexicon INSTANCE = load();
    }

    /** Flags of one word {@code text[start, end)}; 0 if unknown. */
    int word(CharSequence text, int start, int end) {
        return table.get(text, start, end);
    }

    /** Flags of a word or phrase given as a string, in any case and spacing. */
    int lookup(String s) {
        return table.get(s);
    }

    /**
     * Flags of the phrase formed by {@code count} tokens from {@code first}; 0 if unknown or if the tokens are not
     * joined as one phrase (see {@link #phraseGap}).
     */
    int phrase(ScanText st, int first, int count) {
        if (first + count > st.tokenCount()) return 0;
        for (int t = first + 1; t < first + count; t++) {
            if (!phraseGap(st.text(), st.tokenEnd(t - 1), st.tokenStart(t))) return 0;
        }
        return table.getTokens(st, first, count);
    }

    /**
     * Length in tokens (2 or more) of the longest known phrase starting at token {@code first} whose flags share a
     * bit with {@code mask}; 0 if there is none. {@code headFlags} are the first token's flags, which record how long
     * its phrases get. With {@code capitalisedEnd}, only phrases whose last token starts with a capital count.
     */
    int longestPhrase(ScanText st, int first, int headFlags, int mask, boolean capitalisedEnd) {
        for (int len = maxPhraseLength(headFlags); len >= 2; len--) {
            int last = first + len - 1;
            if (last >= st.tokenCount()) continue;
            if (capitalisedEnd && (st.tokenFlags(last) & ScanText.UPPER_FIRST) == 0) continue;
            if ((phrase(st, first, len) & mask) != 0) return len;
        }
        return 0;
    }

    /** Longest phrase (in tokens) starting with a word whose flags are {@code flags}; 0 if none. */
    static int maxPhraseLength(int flags) {
        return (flags & PHRASE_START) == 0 ? 0 : (flags >>> PHRASE_LEN_SHIFT) & PHRASE_LEN_MASK;
    }

    /**
     * Whether {@code text[from, to)} may join two words of one name: one space, hyphen, apostrophe or period, a
     * period and a space ({@code "St. Louis"}), or {@code " & "}.
     */
    static boolean phraseGap(String text, int from, int to) {
        switch (to - from) {
            case 1 -> {
                char c = text.charAt(from);
                return c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\u2019';
            }
            case 2 -> {
                return text.charAt(from) == '.' && text.charAt(from + 1) == ' ';
            }
            case 3 -> {
                return text.charAt(from) == ' ' && text.charAt(from + 1) == '&' && text.charAt(from + 2) == ' ';
            }
            default -> {
                return false;
            }
        }
    }

    private static Lexicon load() {
        WordTable snapshot = LexiconSnapshot.read();
        return new Lexicon(snapshot != null ? snapshot : buildFromSources());
    }

    /** The table, built from the dictionaries (what the snapshot holds). */
    static WordTable buildFromSources() {
        var b = new LexiconBuilder();
        var src = new DictionarySources();
        List<String> common = DictionarySources.shipped("common-words.txt");
        for (int i = 0; i < common.size(); i++) b.add(common.get(i), i < STOP_WORDS ? COMMON | STOP : COMMON);
        b.addAll(DictionarySources.shipped("ambiguous-names.txt"), AMBIGUOUS_NAME);

        for (String key : List.of("first_name", "male_first_name", "female_first_name")) {
            b.addAll(src.datafaker("en/name.yml", "en", "faker", "name", key), FIRST);
        }
        b.addAll(src.datafaker("en/name.yml", "en", "faker", "name", "last_name"), LAST);
        for (String loc : NAME_LOCALES) {
            String res = loc + ".yml";
            for (String key : FIRST_NAME_KEYS) b.addAll(src.datafaker(res, loc, "faker", "name", key), FIRST);
            for (String key : LAST_NAME_KEYS) b.addAll(src.datafaker(res, loc, "faker", "name", key), LAST);
        }

        b.addAll(TITLE_ABBREVIATIONS, TITLE_ABBR);
        b.addAll(TITLE_WORDS, TITLE_WORD);

        b.addAllCleaned(src.datafaker("en/address.yml", "en", "faker", "address", "country"), COUNTRY);
        b.addAllCleaned(src.datafaker("en/country.yml", "en", "faker", "country", "name"), COUNTRY);
        b.addAll(COUNTRY_ALIASES, COUNTRY);
        b.addAll(AREAS, AREA);
        for (String[] s : Places.US_STATES) b.add(s[0], US_STATE);
        for (String[] r : new String[][] {{"en-CA", "state"}, {"en-AU", "state"}, {"en-GB", "county"},
                {"en-IE", "county"}, {"en-IN", "state"}, {"de", "state"}, {"fr", "state"}, {"es", "state"},
                {"nl", "state"}, {"en-ZA", "province"}, {"en-NG", "state"}}) {
            b.addAllCleaned(src.datafaker(r[0] + ".yml", r[0], "faker", "address", r[1]), REGION);
        }
        b.addAllCleaned(src.datafaker("en-GB.yml", "en-GB", "faker", "address", "uk_country"), COUNTRY);
        b.addAllCleaned(src.datafaker("en/nation.yml", "en", "faker", "nation", "capital_city"), CITY);
        b.addAllCleaned(src.datafaker("en/country.yml", "en", "faker", "country", "capital"), CITY);
        b.addAllCleaned(src.datafaker("fr.yml", "fr", "faker", "address", "city_name"), CITY);
        b.addAllCleaned(src.datafaker("en-IN.yml", "en-IN", "faker", "address", "city"), CITY);
        b.addAllCleaned(src.datafaker("en-ZA.yml", "en-ZA", "faker", "address", "cities"), CITY);
        b.addAll(DictionarySources.shipped("cities.txt"), CITY);

        b.addAllCleaned(src.datafaker("en/demographic.yml", "en", "faker", "demographic", "demonym"), NRP);
        b.addAllCleaned(src.datafaker("en/nation.yml", "en", "faker", "nation", "nationality"), NRP);
        for (String line : DictionarySources.shipped("nrp.txt")) {
            if (line.startsWith("?")) b.add(line.substring(1), NRP | NRP_AMBIGUOUS);
            else b.add(line, NRP);
        }

        b.addAll(LEGAL_FORMS, ORG_LEGAL);
        b.addAll(WEAK_LEGAL_FORMS, ORG_LEGAL_WEAK);
        b.addAll(ORG_KINDS, ORG_KIND);
        b.addAll(OF_HEADS, ORG_OF_HEAD);
        for (String line : DictionarySources.shipped("organizations.txt")) {
            if (line.startsWith("?")) b.add(line.substring(1), ORG_KNOWN | ORG_KNOWN_AMBIGUOUS);
            else b.add(line, ORG_KNOWN);
        }

        b.addAll(src.datafaker("en/address.yml", "en", "faker", "address", "street_suffix"), STREET_SUFFIX);
        b.addAll(STREET_WEAK_SUFFIXES, STREET_SUFFIX);
        b.addAll(STREET_STRONG_SUFFIXES, STREET_SUFFIX | STREET_STRONG);
        b.addAll(DIRECTIONS, DIRECTION);
        b.addAll(UNITS, UNIT);
        b.addAll(MONTHS_AND_DAYS, MONTH_DAY);
        b.add("Box", PO_BOX);
        return b.build();
    }

    /** Collects words and phrases, marking the first word of each phrase with the phrase's length. */
    private static final class LexiconBuilder {
        private final WordTable.Builder table = new WordTable.Builder();

        void add(String raw, int flags) {
            String key = WordTable.normalize(raw);
            if (key.startsWith("the ")) key = key.substring(4); // "The Hague" is found from "Hague"
            if (key.isEmpty()) return;
            int n = WordTable.tokenCount(key);
            if (n == 1) {
                if (key.length() < 2 && (flags & (FIRST | LAST)) != 0) return; // initials are not names
                table.addKey(key, flags);
                return;
            }
            if (n > PHRASE_LEN_MASK) return;
            table.addKey(key, flags);
            String head = key.substring(0, key.indexOf(' '));
            int old = table.flagsOf(head);
            int len = Math.max(n, maxPhraseLength(old));
            int merged = (old & ~(PHRASE_LEN_MASK << PHRASE_LEN_SHIFT)) | PHRASE_START | (len << PHRASE_LEN_SHIFT);
            table.replace(head, merged); // replace, not OR: the length bits must not mix
        }

        void addAll(List<String> words, int flags) {
            for (String w : words) add(w, flags);
        }

        /** Adds dictionary entries written like "Korea, Republic of" or "Bolivia (Plurinational State of)". */
        void addAllCleaned(List<String> entries, int flags) {
            for (String e : entries) {
                String s = e;
                int paren = s.indexOf('(');
                if (paren > 0) s = s.substring(0, paren);
                int comma = s.indexOf(',');
                if (comma > 0) s = s.substring(0, comma);
                s = s.replace(" citizens", "").replace(" nationals", "").strip();
                add(s, flags);
            }
        }

        WordTable build() {
            return table.build();
        }
    }
}
