package io.warden.server.identity;

import io.warden.core.WardenException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format the reference {@code argon2} tool writes:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in standard base64 without padding.
 *
 * <p>Parsing is strict: only Argon2id version 19, the parameters in the order m, t, p as decimal numbers without
 * leading zeros, canonical unpadded base64, a salt of 8 to 64 bytes and a hash of 16 to 64 bytes. Nothing is computed
 * for a string that fails.
 */
record PhcHash(Argon2Params params, byte[] salt, byte[] hash) {
    static final int MAX_LENGTH = 256;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final String NUMBER = "(0|[1-9][0-9]{0,9})";
    private static final Pattern PARAMS = Pattern.compile("m=" + NUMBER + ",t=" + NUMBER + ",p=" + NUMBER);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+");

    PhcHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** The PHC string of {@code text}, or a one-line MALFORMED_INPUT error that does not quote it. */
    static PhcHash parse(String text) {
        Inputs.printableAscii(text, "the password hash", MAX_LENGTH);
        String[] parts = text.split("\\$", -1);
        if (parts.length < 2 || !parts[0].isEmpty() || !parts[1].equals("argon2id")) {
            throw Inputs.malformed("the password hash is not an Argon2id PHC string");
        }
        if (!text.startsWith(PREFIX)) throw Inputs.malformed("the password hash is not Argon2id version 19");
        if (parts.length != 6) throw Inputs.malformed("the password hash does not have the five PHC fields");
        Matcher m = PARAMS.matcher(parts[3]);
        if (!m.matches()) throw Inputs.malformed("the password hash's parameters are not m=<KiB>,t=<passes>,p=<lanes>");
        long memory = Long.parseLong(m.group(1));
        long iterations = Long.parseLong(m.group(2));
        long parallelism = Long.parseLong(m.group(3));
        if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE || parallelism > Integer.MAX_VALUE) {
            throw Inputs.malformed("the password hash's Argon2id parameters are out of range");
        }
        Argon2Params params;
        try {
            params = new Argon2Params((int) memory, (int) iterations, (int) parallelism);
        } catch (WardenException e) {
            throw Inputs.malformed("the password hash's " + e.getMessage());
        }
        byte[] salt = base64(parts[4], "salt");
        byte[] hash = base64(parts[5], "hash");
        if (salt.length < 8 || salt.length > 64) throw Inputs.malformed("the password hash's salt is not 8 to 64 bytes");
        if (hash.length < 16 || hash.length > 64) throw Inputs.malformed("the password hash's hash is not 16 to 64 bytes");
        return new PhcHash(params, salt, hash);
    }

    /** The PHC string. */
    String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism() + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] base64(String field, String name) {
        if (!BASE64.matcher(field).matches()) {
            throw Inputs.malformed("the password hash's " + name + " is not unpadded base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw Inputs.malformed("the password hash's " + name + " is not valid base64");
        }
        // The decoder ignores stray low bits in the last character; the PHC format wants one spelling per value.
        if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(field)) {
            throw Inputs.malformed("the password hash's " + name + " is not canonical base64");
        }
        return bytes;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public String toString() {
        return "PhcHash[" + params + "]";
    }
}
