package io.warden.detect.eval;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * Validates labelled values of checksum- and range-validated entities, so a corpus label never claims an invalid
 * number is a real one. Verification is written against the specifications, separately from the generation code
 * in {@link FakeValues} where that is practical (Luhn, mod 97 via BigInteger, base58 decoding).
 */
final class LabelChecks {
    private LabelChecks() {}

    /** Why {@code value} is not a valid {@code entity}, or {@code null} if it is (or the entity has no check). */
    static String invalid(String entity, String value) {
        return switch (entity) {
            case "CREDIT_CARD" -> luhnValid(value.replaceAll("[ -]", "")) ? null : "fails Luhn";
            case "IBAN_CODE" -> ibanValid(value.replace(" ", "")) ? null : "fails IBAN mod 97";
            case "UK_NHS" -> nhsValid(value.replaceAll("[ -]", "")) ? null : "fails NHS mod 11";
            case "US_SSN" -> ssnValid(value.replaceAll("[ -]", "")) ? null : "SSN outside the issued ranges";
            case "US_ITIN" -> itinValid(value.replaceAll("[ -]", "")) ? null : "not an ITIN";
            case "CRYPTO" -> cryptoValid(value) ? null : "fails the address checksum";
            default -> null;
        };
    }

    static boolean luhnValid(String digits) {
        if (!digits.matches("[0-9]{12,19}")) return false;
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean ibanValid(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) return false;
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : moved.toCharArray()) numeric.append(Character.getNumericValue(c));
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean nhsValid(String digits) {
        if (!digits.matches("[0-9]{10}")) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
        int check = (11 - sum % 11) % 11;
        return check != 10 && check == digits.charAt(9) - '0';
    }

    static boolean ssnValid(String digits) {
        if (!digits.matches("[0-9]{9}")) return false;
        int area = Integer.parseInt(digits.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !digits.startsWith("00", 3) && !digits.endsWith("0000");
    }

    static boolean itinValid(String digits) {
        if (!digits.matches("9[0-9]{8}")) return false;
        int group = Integer.parseInt(digits.substring(3, 5));
        return group >= 50 && group <= 65 || group >= 70 && group <= 88 || group >= 90 && group <= 92
                || group >= 94 && group <= 99;
    }

    static boolean cryptoValid(String a) {
        if (a.startsWith("0x")) {
            String hex = a.substring(2);
            if (!hex.matches("[0-9a-fA-F]{40}")) return false;
            boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
            return !mixed || FakeValues.eip55(hex.toLowerCase(Locale.ROOT)).equals(hex);
        }
        if (a.startsWith("bc1")) return bech32Valid(a);
        return base58checkValid(a);
    }

    private static boolean bech32Valid(String a) {
        int sep = a.lastIndexOf('1');
        String hrp = a.substring(0, sep);
        String data = a.substring(sep + 1);
        int[] hrpx = FakeValues.hrpExpand(hrp);
        int[] values = Arrays.copyOf(hrpx, hrpx.length + data.length());
        for (int i = 0; i < data.length(); i++) {
            int v = FakeValues.BECH32.indexOf(data.charAt(i));
            if (v < 0) return false;
            values[hrpx.length + i] = v;
        }
        return FakeValues.bech32Polymod(values) == 1;
    }

    private static boolean base58checkValid(String a) {
        BigInteger n = BigInteger.ZERO;
        for (char c : a.toCharArray()) {
            int v = FakeValues.BASE58.indexOf(c);
            if (v < 0) return false;
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(v));
        }
        byte[] raw = n.toByteArray();
        int leadingOnes = 0;
        while (leadingOnes < a.length() && a.charAt(leadingOnes) == '1') leadingOnes++;
        byte[] body = raw.length > 0 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
        byte[] full = new byte[leadingOnes + body.length];
        System.arraycopy(body, 0, full, leadingOnes, body.length);
        if (full.length != 25) return false;
        byte[] check = FakeValues.sha256(FakeValues.sha256(Arrays.copyOf(full, 21)));
        return Arrays.equals(Arrays.copyOf(check, 4), Arrays.copyOfRange(full, 21, 25));
    }
}
