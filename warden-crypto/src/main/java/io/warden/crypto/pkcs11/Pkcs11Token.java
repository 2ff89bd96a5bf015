package io.warden.crypto.pkcs11;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.pkcs11.Pkcs11Module.KeyObject;
import io.warden.crypto.pkcs11.Pkcs11Module.Pkcs11Failure;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginException;

/**
 * One token as this process uses it: the SunPKCS11 provider configured for its slot (one per library and slot, kept
 * for the life of the process, since the JDK offers no way to unload one) and its login state.
 *
 * <p>PKCS#11 logs in per process and token, and SunPKCS11 skips {@code C_Login} when the token is already logged
 * in — so a second login with a wrong PIN would silently succeed. This class keeps an HMAC of the PIN that logged
 * in (under a random key that never leaves the process) and compares later PINs against it in constant time.
 *
 * <p>The provider generates AES keys as sensitive, non-extractable session objects; {@code KeyStore.setEntry}
 * then copies one onto the token with its label ({@code C_CopyObject}).
 */
final class Pkcs11Token {
    private static final Pattern SHARED_LABEL =
            Pattern.compile("found (\\d+) secret keys sharing CKA_LABEL \\[(.*)\\]");
    private static final Map<Path, Pkcs11Module> MODULES = new ConcurrentHashMap<>();
    private static final Map<String, Pkcs11Token> TOKENS = new ConcurrentHashMap<>();

    private final String label;
    private final long slot;
    private final Pkcs11Module module;
    private final AuthProvider provider;
    private final byte[] verifierKey = new byte[32];
    private byte[] pinVerifier;

    private Pkcs11Token(String label, long slot, Pkcs11Module module, AuthProvider provider) {
        this.label = label;
        this.slot = slot;
        this.module = module;
        this.provider = provider;
        new SecureRandom().nextBytes(verifierKey);
    }

    /** The token {@code login} names, found by its label among the slots of its library. */
    static Pkcs11Token of(Pkcs11Login login) {
        Path library = login.library();
        // One module, provider and login state per file, however it is named (links included).
        Path real;
        try {
            real = library.toRealPath();
        } catch (java.io.IOException e) {
            real = null;
        }
        if (real == null || !Files.isRegularFile(real)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "PKCS#11 library " + library + " does not exist");
        }
        Path file = real;
        Pkcs11Module module = MODULES.computeIfAbsent(file, r -> loadModule(r, library));
        List<Long> slots;
        try {
            slots = module.slotsLabelled(login.tokenLabel());
            if (slots.isEmpty()) {
                List<String> present = module.tokenLabels();
                throw new WardenException(ErrorCode.BAD_KEY, "no PKCS#11 token labelled \"" + login.tokenLabel()
                        + "\" in " + library + (present.isEmpty() ? " (it has no initialised token)"
                                : " (its tokens: " + String.join(", ", present.stream().map(l -> "\"" + l + "\"")
                                        .toList()) + ")"));
            }
        } catch (Pkcs11Failure e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot list the tokens of PKCS#11 library " + library
                    + " (" + e.getMessage() + ")");
        }
        if (slots.size() > 1) {
            throw new WardenException(ErrorCode.BAD_USAGE, slots.size() + " PKCS#11 tokens in " + library
                    + " are labelled \"" + login.tokenLabel() + "\"; relabel one so the label names one token");
        }
        long slot = slots.get(0);
        return TOKENS.computeIfAbsent(file + "\n" + slot, k -> new Pkcs11Token(login.tokenLabel(), slot, module,
                configure(file, slot)));
    }

    /** Loads the module in {@code file}; messages name it as the user did, {@code shown}. */
    private static Pkcs11Module loadModule(Path file, Path shown) {
        checkConfigurable(file);
        // Let SunPKCS11 load and initialise the module (C_Initialize) with its own arguments first; the wrapper then
        // hands out that same instance. The first slot may be unusable (no token, uninitialised): that is fine here.
        try {
            configure(file, null);
        } catch (ProviderException | java.security.InvalidParameterException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.io.IOException) throw Pkcs11Module.notPkcs11(shown);
            }
        }
        return Pkcs11Module.load(file, shown);
    }

    /** SunPKCS11 configuration for {@code slot}, or for the first slot when it is null. */
    private static AuthProvider configure(Path library, Long slot) {
        String config = "--name=warden-pkcs11" + (slot == null ? "-probe" : "-" + slot) + "\n"
                + "library = \"" + library + "\"\n"
                + (slot == null ? "slotListIndex = 0\n" : "slot = " + slot + "\n")
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_TOKEN = false\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n"
                + "  CKA_ENCRYPT = true\n  CKA_DECRYPT = true\n  CKA_WRAP = false\n  CKA_UNWRAP = false\n}\n"
                + "attributes(import, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new WardenException(ErrorCode.BAD_USAGE, "this JVM has no SunPKCS11 provider (module "
                    + "jdk.crypto.cryptoki)");
        }
        if (slot == null) return (AuthProvider) base.configure(config);
        try {
            return (AuthProvider) base.configure(config);
        } catch (ProviderException | java.security.InvalidParameterException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot configure SunPKCS11 for slot " + slot + " of "
                    + library + " (" + Pkcs11Module.ckr(e) + ")");
        }
    }

    /** Refuses a path SunPKCS11's configuration syntax could not carry unchanged. */
    private static void checkConfigurable(Path library) {
        String s = library.toString();
        if (s.contains("\"") || s.contains("\\") || s.contains("${") || s.chars().anyMatch(Character::isISOControl)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the PKCS#11 library path contains a quote, backslash, "
                    + "\"${\" or a control character; move or link the library elsewhere");
        }
    }

    long slot() {
        return slot;
    }

    String label() {
        return label;
    }

    Provider provider() {
        return provider;
    }

    /**
     * Logs the user in with {@code pin}, or, if this process already did, checks {@code pin} against the one that
     * did. Wrong PIN, locked PIN and other refusals are {@link ErrorCode#BAD_KEY}.
     */
    synchronized void login(char[] pin) {
        byte[] tag = verifier(pin);
        if (pinVerifier != null && !MessageDigest.isEqual(tag, pinVerifier)) throw wrongPin();
        try {
            // Not logged in by us: log out whatever else in this process logged in, so the token checks this PIN.
            if (pinVerifier == null) provider.logout();
            provider.login(null, callbacks -> {
                for (var c : callbacks) if (c instanceof PasswordCallback p) p.setPassword(pin);
            });
            pinVerifier = tag;
        } catch (LoginException | ProviderException e) {
            String ckr = Pkcs11Module.ckr(e);
            if (ckr.equals("CKR_PIN_INCORRECT") || ckr.equals("CKR_PIN_LEN_RANGE")
                    || e instanceof javax.security.auth.login.FailedLoginException) {
                throw wrongPin();
            }
            if (ckr.equals("CKR_PIN_LOCKED")) {
                throw new WardenException(ErrorCode.BAD_KEY, "the PIN of PKCS#11 token \"" + label + "\" is locked");
            }
            throw new WardenException(ErrorCode.BAD_KEY, "cannot log in to PKCS#11 token \"" + label + "\" (" + ckr
                    + ")");
        }
    }

    private WardenException wrongPin() {
        return new WardenException(ErrorCode.BAD_KEY, "wrong PIN for PKCS#11 token \"" + label + "\"");
    }

    private byte[] verifier(char[] pin) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifierKey, "HmacSHA256"));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "HmacSHA256 is unavailable (" + e.getClass().getSimpleName()
                    + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The token's keystore (aliases are the labels of its keys), loaded after {@link #login}. SunPKCS11 refuses to
     * load a token on which two secret keys share a label, or two certificates an ID, whichever keys they are.
     */
    KeyStore keyStore(char[] pin) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS11", provider);
        try {
            ks.load(null, pin);
        } catch (java.io.IOException | ProviderException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                Matcher m = c.getMessage() == null ? null : SHARED_LABEL.matcher(c.getMessage());
                if (m != null && m.find()) {
                    String shared = m.group(2).matches("[\\x20-\\x7e]{1,64}") ? " \"" + m.group(2) + "\"" : "";
                    throw new WardenException(ErrorCode.BAD_KEY, "SunPKCS11 cannot use PKCS#11 token \"" + label
                            + "\": " + m.group(1) + " secret keys on it share the label" + shared + "; relabel them");
                }
            }
            throw new WardenException(ErrorCode.BAD_KEY, "SunPKCS11 cannot read the keys of PKCS#11 token \"" + label
                    + "\" (" + Pkcs11Module.ckr(e) + ")");
        }
        return ks;
    }

    /** The objects labelled {@code keyLabel} this login can see. */
    List<KeyObject> objectsLabelled(String keyLabel) {
        try {
            return module.objectsLabelled(slot, keyLabel);
        } catch (Pkcs11Failure e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot search PKCS#11 token \"" + label + "\" ("
                    + e.getMessage() + ")");
        }
    }
}
