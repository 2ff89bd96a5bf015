package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A Sigstore bundle (media type {@code application/vnd.dev.sigstore.bundle.v0.3+json}) holding a DSSE envelope and
 * the material that names its signer — the {@code model.sig} file of OMS signatures.
 *
 * <p>Written exactly as {@code model_signing} 1.1 writes key and certificate signatures: {@code publicKey.hint} or
 * {@code x509CertificateChain.certificates[].rawBytes} (DER, signing certificate first), {@code tlogEntries: []}, and
 * the envelope with one signature whose {@code keyid} is empty. Read leniently where older {@code model_signing}
 * versions differ ({@code publicKey.rawBytes}, {@code keyid: null}, a single {@code certificate}); bundles with
 * transparency-log entries (Sigstore keyless signing) are refused, since Warden cannot check the log.
 */
public record SigstoreBundle(VerificationMaterial material, DsseEnvelope envelope) {
    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    /** Largest bundle read. A million files make a bundle of about 200 MB. */
    public static final long MAX_BYTES = OmsJson.MAX_DOCUMENT_BYTES;

    public SigstoreBundle {
        requireNonNull(material, "material");
        requireNonNull(envelope, "envelope");
    }

    /** The bundle as compact JSON. */
    public byte[] toJson() {
        ObjectNode root = OmsJson.mapper().createObjectNode();
        root.put("mediaType", MEDIA_TYPE);
        ObjectNode vm = root.putObject("verificationMaterial");
        switch (material) {
            case VerificationMaterial.PublicKeyHint k -> vm.putObject("publicKey").put("hint", k.hint());
            case VerificationMaterial.CertificateChain c -> {
                ArrayNode certs = vm.putObject("x509CertificateChain").putArray("certificates");
                for (X509Certificate cert : c.certificates()) certs.addObject().put("rawBytes", der(cert));
            }
        }
        vm.putArray("tlogEntries");
        ObjectNode env = root.putObject("dsseEnvelope");
        env.put("payload", Base64.getEncoder().encodeToString(envelope.payload()));
        env.put("payloadType", envelope.payloadType());
        ArrayNode sigs = env.putArray("signatures");
        for (DsseEnvelope.Signature s : envelope.signatures()) {
            sigs.addObject().put("sig", Base64.getEncoder().encodeToString(s.sig())).put("keyid", s.keyid());
        }
        return OmsJson.compact(root);
    }

    /** Reads and parses the bundle in {@code file}: INPUT_NOT_FOUND when it cannot be read, MALFORMED_INPUT when it is no bundle. */
    public static SigstoreBundle read(Path file) {
        requireNonNull(file, "file");
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "signature " + file + " is a directory, not a bundle");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "signature " + file
                        + " is larger than 256 MiB; not a signature bundle");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "signature " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read signature " + file + ": permission denied");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read signature " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return parse(bytes, "signature " + file);
    }

    /** Parses bundle JSON; {@code what} names it in errors (e.g. {@code "signature model.sig"}). */
    public static SigstoreBundle parse(byte[] json, String what) {
        JsonNode root = OmsJson.parseObject(json, what);
        String mediaType = OmsJson.text(root, "mediaType", what);
        if (!MEDIA_TYPE.equals(mediaType)) {
            throw malformed(what, "not a Sigstore v0.3 bundle (mediaType " + DisplayNames.of(mediaType) + ")");
        }
        JsonNode vm = OmsJson.object(root, "verificationMaterial", what);
        JsonNode tlog = vm.get("tlogEntries");
        if (tlog != null && tlog.isArray() && !tlog.isEmpty()) {
            throw malformed(what, "it is a Sigstore keyless signature with transparency-log entries; Warden verifies "
                    + "signatures made with a key or a certificate");
        }
        if (root.has("messageSignature")) throw malformed(what, "it signs a message digest, not a DSSE envelope");
        return new SigstoreBundle(material(vm, what), envelope(OmsJson.object(root, "dsseEnvelope", what), what));
    }

    private static VerificationMaterial material(JsonNode vm, String what) {
        if (vm.has("publicKey")) {
            JsonNode pk = OmsJson.object(vm, "publicKey", what);
            JsonNode hint = pk.get("hint");
            if (hint != null && !hint.isNull() && !hint.isTextual()) throw malformed(what, "publicKey.hint must be a string");
            return new VerificationMaterial.PublicKeyHint(hint == null || hint.isNull() ? "" : hint.textValue());
        }
        List<X509Certificate> certs = new ArrayList<>();
        if (vm.has("x509CertificateChain")) {
            for (JsonNode c : OmsJson.array(OmsJson.object(vm, "x509CertificateChain", what), "certificates", what)) {
                if (!c.isObject()) throw malformed(what, "each certificate must be an object");
                certs.add(certificate(base64(OmsJson.text(c, "rawBytes", what), what, "a certificate"), what));
            }
            if (certs.isEmpty()) throw malformed(what, "its certificate chain is empty");
        } else if (vm.has("certificate")) {
            certs.add(certificate(base64(OmsJson.text(OmsJson.object(vm, "certificate", what), "rawBytes", what), what,
                    "the certificate"), what));
        } else {
            throw malformed(what, "it names no signer (no publicKey, x509CertificateChain or certificate)");
        }
        return new VerificationMaterial.CertificateChain(certs);
    }

    private static DsseEnvelope envelope(JsonNode env, String what) {
        String payloadType = OmsJson.text(env, "payloadType", what);
        byte[] payload = base64(OmsJson.text(env, "payload", what), what, "the payload");
        List<DsseEnvelope.Signature> sigs = new ArrayList<>();
        for (JsonNode s : OmsJson.array(env, "signatures", what)) {
            if (!s.isObject()) throw malformed(what, "each signature must be an object");
            JsonNode keyid = s.get("keyid");
            sigs.add(new DsseEnvelope.Signature(base64(OmsJson.text(s, "sig", what), what, "a signature"),
                    keyid != null && keyid.isTextual() ? keyid.textValue() : ""));
        }
        if (sigs.isEmpty()) throw malformed(what, "its envelope has no signature");
        return new DsseEnvelope(payloadType, payload, sigs);
    }

    private static byte[] base64(String s, String what, String field) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(s); // protobuf's JSON mapping accepts both alphabets
            } catch (IllegalArgumentException e2) {
                throw malformed(what, field + " is not base64");
            }
        }
    }

    private static X509Certificate certificate(byte[] der, String what) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw malformed(what, "it holds a malformed X.509 certificate");
        }
    }

    private static String der(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot encode certificate " + cert.getSubjectX500Principal());
        }
    }

    private static WardenException malformed(String what, String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, what + " is not usable: " + why);
    }
}
