package io.warden.detect.pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * libphonenumber's verdicts, reached with less work: exactly what {@code isValidNumber(parse("+" + digits, "ZZ"))}
 * and {@code isValidNumber(number)} answer, checked against them on random numbers in PhoneValidityTest.
 *
 * <p>Why this exists: validating phone-shaped candidates was a third of a scan's time. {@code parse()} spends
 * most of its ~6 µs in regular expressions that normalise free-form input, which a candidate made only of digits
 * and {@code space - . ( ) /} does not need; and {@code isValidNumber()} for a country code shared by many regions
 * (+1 has 25) looks up each region's metadata by file name and matches its patterns one by one. Here the plain
 * cases are done directly through libphonenumber's public metadata, and everything else goes to the library.
 */
final class PhoneValidity {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final int MIN_LENGTH_FOR_NSN = 2; // PhoneNumberUtil's own limits
    private static final int MAX_LENGTH_FOR_NSN = 17;
    private static final int MAX_LENGTH_COUNTRY_CODE = 3;
    private static final ConcurrentHashMap<Integer, CallingCode> CODES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Region> REGIONS = new ConcurrentHashMap<>();

    private PhoneValidity() {}

    /**
     * Whether "+" followed by {@code digits} (ASCII digits only, as taken from a candidate of digits and
     * separators) is a valid number, as {@code isValidNumber(parse(...,"ZZ"))} says.
     */
    static boolean validInternational(String digits) {
        PhoneNumber n = plainInternational(digits);
        if (n != null) return valid(n);
        try {
            return UTIL.isValidNumber(UTIL.parse("+" + digits, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * The number {@code parse("+" + digits, "ZZ")} gives when that is simply country code and national number;
     * {@code null} when parse() might do more (a leading zero, a national prefix it could strip, a non-geographic
     * code, lengths it rejects) and must be asked.
     */
    static PhoneNumber plainInternational(String digits) {
        if (digits.isEmpty() || digits.charAt(0) == '0') return null;
        for (int len = 1; len <= MAX_LENGTH_COUNTRY_CODE && len < digits.length(); len++) {
            CallingCode code = callingCode(Integer.parseInt(digits, 0, len, 10));
            if (code == null) continue; // country codes are prefix-free: at most one length matches
            int nsnLength = digits.length() - len;
            if (!code.plain || nsnLength < MIN_LENGTH_FOR_NSN || nsnLength > MAX_LENGTH_FOR_NSN) return null;
            if (digits.charAt(len) == '0') return null;
            for (String prefix : code.nationalPrefixes) {
                if (digits.startsWith(prefix, len)) return null;
            }
            return new PhoneNumber().setCountryCode(code.code).setNationalNumber(Long.parseLong(digits, len,
                    digits.length(), 10));
        }
        return null;
    }

    /**
     * The number {@code parseAndKeepRawInput(candidate, region)} gives for a candidate written nationally (no
     * {@code +}) whose digits are {@code digits}, when parse() would simply take them as the national number of the
     * region's country code (source FROM_DEFAULT_COUNTRY); {@code null} when it might do more — strip an
     * international or national prefix, find the country code in the number, keep a leading zero — and must be
     * asked. The raw input is not kept: callers use the number, not its original formatting.
     */
    static PhoneNumber plainNational(String digits, String region) {
        Region r = REGIONS.computeIfAbsent(region, Region::of);
        if (!r.plain || digits.length() < MIN_LENGTH_FOR_NSN || digits.length() > MAX_LENGTH_FOR_NSN) return null;
        if (digits.charAt(0) == '0' || digits.startsWith(r.countryCode)) return null;
        for (String prefix : r.prefixes) {
            if (digits.startsWith(prefix)) return null;
        }
        return new PhoneNumber().setCountryCode(r.code).setNationalNumber(Long.parseLong(digits))
                .setCountryCodeSource(PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY);
    }

    /**
     * A region's calling code and the literal prefixes parse() may strip from a national number — international
     * ({@code 00}, {@code 011}) and national ({@code 0}) — when all of them are fixed digit strings ({@code plain}).
     */
    private record Region(int code, String countryCode, boolean plain, List<String> prefixes) {
        static Region of(String region) {
            PhoneMetadata md = METADATA.getMetadataForRegion(region);
            List<String> prefixes = new ArrayList<>();
            boolean plain = literals(md.getInternationalPrefix(), prefixes)
                    && literals(md.getNationalPrefixForParsing(), prefixes);
            return new Region(md.getCountryCode(), Integer.toString(md.getCountryCode()), plain, List.copyOf(prefixes));
        }
    }

    /** Adds the alternatives of {@code pattern} to {@code out}; false unless each is a non-empty run of digits. */
    private static boolean literals(String pattern, List<String> out) {
        if (pattern == null || pattern.isEmpty()) return true;
        for (String p : pattern.split("\\|")) {
            if (p.isEmpty() || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return false;
            out.add(p);
        }
        return true;
    }

    /**
     * {@code isValidNumber(number)}: the number's region is the first region of its calling code whose leading
     * digits match it (or, for a region without leading digits, in whose plan the number has a type), and the
     * number is valid there.
     */
    static boolean valid(PhoneNumber number) {
        CallingCode code = callingCode(number.getCountryCode());
        if (code == null || code.regions.size() == 1) return UTIL.isValidNumber(number);
        String nsn = UTIL.getNationalSignificantNumber(number);
        for (int i = 0; i < code.regions.size(); i++) {
            String region = code.regions.get(i);
            Pattern leading = code.leadingDigits[i];
            if (leading == null) {
                if (UTIL.isValidNumberForRegion(number, region)) return true;
            } else if (leading.matcher(nsn).lookingAt()) {
                return UTIL.isValidNumberForRegion(number, region);
            }
        }
        return false;
    }

    private static CallingCode callingCode(int code) {
        CallingCode c = CODES.get(code);
        if (c != null) return c.regions.isEmpty() ? null : c;
        c = CallingCode.of(code);
        CODES.put(code, c);
        return c.regions.isEmpty() ? null : c;
    }

    /**
     * A country calling code's regions in libphonenumber's order, each region's compiled leading-digits pattern
     * (null when it has none), and whether its numbers parse plainly: a geographic code whose national prefix for
     * parsing is absent or fixed runs of digits ({@code 0}, or GB's {@code 0|180020}), so parse() strips one only
     * from a number that starts with it.
     */
    private record CallingCode(int code, List<String> regions, Pattern[] leadingDigits, boolean plain,
            List<String> nationalPrefixes) {
        static CallingCode of(int code) {
            List<String> regions = UTIL.getRegionCodesForCountryCode(code);
            if (regions.isEmpty()) return new CallingCode(code, List.of(), new Pattern[0], false, List.of());
            Pattern[] leading = new Pattern[regions.size()];
            for (int i = 0; i < regions.size(); i++) {
                if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(regions.get(i))) continue;
                PhoneMetadata md = METADATA.getMetadataForRegion(regions.get(i));
                if (md != null && md.hasLeadingDigits()) leading[i] = Pattern.compile(md.getLeadingDigits());
            }
            String main = UTIL.getRegionCodeForCountryCode(code);
            PhoneMetadata md = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main)
                    ? null : METADATA.getMetadataForRegion(main);
            List<String> prefixes = new ArrayList<>();
            boolean plain = md != null && literals(md.getNationalPrefixForParsing(), prefixes);
            return new CallingCode(code, List.copyOf(regions), leading, plain, plain ? List.copyOf(prefixes) : List.of());
        }
    }
}
