package io.warden.protect.operator;

import java.nio.charset.StandardCharsets;

/** Byte helpers for building PRF inputs. */
final class Bytes {
    private Bytes() {}

    /** {@code prefix || UTF-8(value)} in one array. */
    static byte[] concat(byte[] prefix, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + v.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(v, 0, out, prefix.length, v.length);
        return out;
    }

    /** UTF-8 of a field name; the empty array when there is none. */
    static byte[] field(String field) {
        return field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
    }
}
