package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A DSSE envelope (secure-systems-lab/dsse v1.0): a typed payload and signatures over its pre-authentication
 * encoding {@link #pae}.
 *
 * <p>Arrays are copied in and out; the record is immutable.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {
    /** The payload type of in-toto statements, the only one OMS signatures carry. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /** One signature: its bytes and the key id (OMS bundles leave it empty; the bundle names the key). */
    public record Signature(byte[] sig, String keyid) {
        public Signature {
            sig = requireNonNull(sig, "sig").clone();
            keyid = keyid == null ? "" : keyid;
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }
    }

    public DsseEnvelope {
        requireNonNull(payloadType, "payloadType");
        payload = requireNonNull(payload, "payload").clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes that are signed: {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}, lengths in bytes. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** {@link #pae} of this envelope's type and payload. */
    public byte[] pae() {
        return pae(payloadType, payload);
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + payloadType + ", " + payload.length + " payload bytes, " + signatures.size()
                + " signature(s)]";
    }
}
