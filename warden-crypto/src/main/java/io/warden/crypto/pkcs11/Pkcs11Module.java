package io.warden.crypto.pkcs11;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two things SunPKCS11's public API cannot do, done through the JDK's own PKCS#11 wrapper
 * ({@code sun.security.pkcs11.wrapper.PKCS11}, the class SunPKCS11 itself calls): find a slot by its token's label
 * (SunPKCS11's configuration knows only {@code slot} and {@code slotListIndex}), and read a key object's attributes
 * (SunPKCS11's keystore reports an AES key's length in bytes where it means bits, and shows extractability only in
 * {@code toString()}).
 *
 * <p>The wrapper lives in a package the {@code jdk.crypto.cryptoki} module does not export, so the JVM needs
 * {@value #EXPORT_OPTION}. Its methods used here have had the same signatures since JDK 5. The module instance is
 * the one SunPKCS11 shares: the wrapper keeps one per library path, initialised once per process.
 */
final class Pkcs11Module {
    static final String EXPORT_OPTION = "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    static final long CKA_CLASS = 0x0;
    static final long CKA_LABEL = 0x3;
    static final long CKA_KEY_TYPE = 0x100;
    static final long CKA_SENSITIVE = 0x103;
    static final long CKA_ENCRYPT = 0x104;
    static final long CKA_DECRYPT = 0x105;
    static final long CKA_VALUE_LEN = 0x161;
    static final long CKA_EXTRACTABLE = 0x162;
    static final long CKO_SECRET_KEY = 0x4;
    static final long CKK_AES = 0x1f;
    private static final long CKF_TOKEN_INITIALIZED = 0x400;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKF_OS_LOCKING_OK = 0x2;

    private static final Pattern CKR = Pattern.compile("CKR_[A-Z0-9_]+");
    private static final String PKG = "sun.security.pkcs11.wrapper.";
    private static volatile Api api;

    private final Object p11;

    private Pkcs11Module(Object p11) {
        this.p11 = p11;
    }

    /**
     * The module at {@code library}: the instance SunPKCS11 loaded ({@link Pkcs11Token} lets it go first), or else one
     * initialised as SunPKCS11 would, for use from several threads with the operating system's locks.
     */
    static Pkcs11Module load(Path library, Path shown) {
        Api a = api();
        try {
            Object args = a.initArgs.getConstructor().newInstance();
            a.initArgs.getField("flags").setLong(args, CKF_OS_LOCKING_OK);
            return new Pkcs11Module(a.getInstance.invoke(null, library.toString(), "C_GetFunctionList", args, false));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof java.io.IOException) throw notPkcs11(shown);
            throw new WardenException(ErrorCode.BAD_USAGE, "PKCS#11 library " + shown + " failed to initialise ("
                    + ckr(e.getCause()) + ")");
        } catch (ReflectiveOperationException e) {
            throw inaccessible();
        }
    }

    /** The slots whose initialised token is labelled {@code label}. */
    List<Long> slotsLabelled(String label) throws Pkcs11Failure {
        List<Long> found = new ArrayList<>();
        for (long slot : (long[]) call(api().getSlotList, true)) {
            Object info = call(api().getTokenInfo, slot);
            try {
                if ((api().tokenFlags.getLong(info) & CKF_TOKEN_INITIALIZED) == 0) continue;
                if (label.equals(utf8((char[]) api().tokenLabel.get(info)).stripTrailing())) found.add(slot);
            } catch (IllegalAccessException e) {
                throw inaccessible();
            }
        }
        return found;
    }

    /** The labels of the initialised tokens, for an error message. */
    List<String> tokenLabels() throws Pkcs11Failure {
        List<String> labels = new ArrayList<>();
        for (long slot : (long[]) call(api().getSlotList, true)) {
            Object info = call(api().getTokenInfo, slot);
            try {
                if ((api().tokenFlags.getLong(info) & CKF_TOKEN_INITIALIZED) == 0) continue;
                labels.add(utf8((char[]) api().tokenLabel.get(info)).stripTrailing());
            } catch (IllegalAccessException e) {
                throw inaccessible();
            }
        }
        return labels;
    }

    /**
     * What an object is, as far as Warden cares. {@code valueLen} is in bytes, -1 when it is not an AES key; the
     * flags are those of a secret key (other objects read as sensitive, non-extractable and unusable).
     */
    record KeyObject(long objectClass, long keyType, long valueLen, boolean sensitive, boolean extractable,
            boolean canEncrypt, boolean canDecrypt) {
        boolean canEncryptAndDecrypt() {
            return canEncrypt && canDecrypt;
        }

        boolean isAes256() {
            return objectClass == CKO_SECRET_KEY && keyType == CKK_AES && valueLen == 32;
        }
    }

    /**
     * Every object labelled {@code label} on the token in {@code slot} that this process can see (private objects
     * only once the user is logged in, which PKCS#11 tracks per process and token).
     */
    List<KeyObject> objectsLabelled(long slot, String label) throws Pkcs11Failure {
        Api a = api();
        long session = (long) call(a.openSession, slot, CKF_SERIAL_SESSION, null, null);
        try {
            call(a.findInit, session, template(new long[] {CKA_LABEL}, new Object[] {label}));
            List<Long> handles = new ArrayList<>();
            try {
                long[] batch;
                while ((batch = (long[]) call(a.find, session, 16L)).length > 0 && handles.size() < 256) {
                    for (long h : batch) handles.add(h);
                }
            } finally {
                call(a.findFinal, session);
            }
            List<KeyObject> out = new ArrayList<>();
            for (long h : handles) {
                Object[] kind = attributes(session, h, CKA_CLASS);
                long cls = a.getLong(kind[0]);
                if (cls != CKO_SECRET_KEY) {
                    out.add(new KeyObject(cls, -1, -1, true, false, false, false));
                    continue;
                }
                Object[] f = attributes(session, h, CKA_KEY_TYPE, CKA_SENSITIVE, CKA_EXTRACTABLE, CKA_ENCRYPT,
                        CKA_DECRYPT);
                long keyType = a.getLong(f[0]);
                long len = keyType == CKK_AES ? a.getLong(attributes(session, h, CKA_VALUE_LEN)[0]) : -1;
                out.add(new KeyObject(cls, keyType, len, a.getBoolean(f[1]), a.getBoolean(f[2]), a.getBoolean(f[3]),
                        a.getBoolean(f[4])));
            }
            return out;
        } finally {
            try {
                call(a.closeSession, session);
            } catch (Pkcs11Failure ignored) {
                // the session is gone either way; the lookup's own result or error is what matters
            }
        }
    }

    private Object[] attributes(long session, long handle, long... types) throws Pkcs11Failure {
        Object t = template(types, new Object[types.length]);
        call(api().getAttributes, session, handle, t);
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) out[i] = Array.get(t, i);
        return out;
    }

    private static Object template(long[] types, Object[] values) {
        Api a = api();
        Object t = Array.newInstance(a.attribute, types.length);
        try {
            for (int i = 0; i < types.length; i++) {
                Array.set(t, i, values[i] == null ? a.newAttribute.newInstance(types[i])
                        : a.newAttributeWithValue.newInstance(types[i], values[i]));
            }
        } catch (ReflectiveOperationException e) {
            throw inaccessible();
        }
        return t;
    }

    private Object call(Method m, Object... args) throws Pkcs11Failure {
        try {
            return m.invoke(p11, args);
        } catch (InvocationTargetException e) {
            throw new Pkcs11Failure(ckr(e.getCause()));
        } catch (IllegalAccessException e) {
            throw inaccessible();
        }
    }

    /** A PKCS#11 call failed; the message is the return value's name, such as {@code CKR_PIN_INCORRECT}. */
    static final class Pkcs11Failure extends Exception {
        Pkcs11Failure(String ckr) {
            super(ckr, null, false, false);
        }
    }

    /**
     * The PKCS#11 return value named somewhere in {@code e}'s chain ({@code CKR_...}), or the innermost exception's
     * class name. Never a message that could quote input.
     */
    static String ckr(Throwable e) {
        Throwable last = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                Matcher r = CKR.matcher(m);
                if (r.find()) return r.group();
            }
            last = c;
        }
        return last == null ? "unknown error" : last.getClass().getSimpleName();
    }

    /** The error for a file that is not a PKCS#11 module (no such file is handled before). */
    static WardenException notPkcs11(Path library) {
        return new WardenException(ErrorCode.BAD_USAGE, library + " is not a PKCS#11 library (it cannot be loaded, or"
                + " it has no C_GetFunctionList)");
    }

    /** PKCS#11 strings are UTF-8 bytes; the wrapper hands them over one byte per char. */
    private static String utf8(char[] chars) {
        byte[] b = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) b[i] = (byte) chars[i];
        return new String(b, StandardCharsets.UTF_8);
    }

    private static WardenException inaccessible() {
        return new WardenException(ErrorCode.BAD_USAGE, "using a PKCS#11 token by its label needs the JVM option "
                + EXPORT_OPTION + " (the warden launcher passes it)");
    }

    private static Api api() {
        Api a = api;
        if (a == null) {
            try {
                a = new Api();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw inaccessible();
            }
            api = a;
        }
        return a;
    }

    /** The wrapper's members, looked up once. */
    private static final class Api {
        final Class<?> initArgs;
        final Method getInstance;
        final Method getSlotList;
        final Method getTokenInfo;
        final java.lang.reflect.Field tokenLabel;
        final java.lang.reflect.Field tokenFlags;
        final Method openSession;
        final Method closeSession;
        final Method findInit;
        final Method find;
        final Method findFinal;
        final Method getAttributes;
        final Class<?> attribute;
        final Constructor<?> newAttribute;
        final Constructor<?> newAttributeWithValue;
        final Method attributeLong;
        final Method attributeBoolean;

        Api() throws ReflectiveOperationException {
            Class<?> p11 = Class.forName(PKG + "PKCS11");
            initArgs = Class.forName(PKG + "CK_C_INITIALIZE_ARGS");
            Class<?> tokenInfo = Class.forName(PKG + "CK_TOKEN_INFO");
            attribute = Class.forName(PKG + "CK_ATTRIBUTE");
            Class<?> attributes = attribute.arrayType();
            getInstance = p11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
            getSlotList = p11.getMethod("C_GetSlotList", boolean.class);
            getTokenInfo = p11.getMethod("C_GetTokenInfo", long.class);
            tokenLabel = tokenInfo.getField("label");
            tokenFlags = tokenInfo.getField("flags");
            openSession = p11.getMethod("C_OpenSession", long.class, long.class, Object.class,
                    Class.forName(PKG + "CK_NOTIFY"));
            closeSession = p11.getMethod("C_CloseSession", long.class);
            findInit = p11.getMethod("C_FindObjectsInit", long.class, attributes);
            find = p11.getMethod("C_FindObjects", long.class, long.class);
            findFinal = p11.getMethod("C_FindObjectsFinal", long.class);
            getAttributes = p11.getMethod("C_GetAttributeValue", long.class, long.class, attributes);
            newAttribute = attribute.getConstructor(long.class);
            newAttributeWithValue = attribute.getConstructor(long.class, Object.class);
            attributeLong = attribute.getMethod("getLong");
            attributeBoolean = attribute.getMethod("getBoolean");
            // Fails here, once, with IllegalAccessException when the package is not exported to us.
            attributeLong.invoke(newAttributeWithValue.newInstance(CKA_CLASS, 0L));
        }

        long getLong(Object attr) {
            try {
                return (long) attributeLong.invoke(attr);
            } catch (ReflectiveOperationException e) {
                throw inaccessible();
            }
        }

        boolean getBoolean(Object attr) {
            try {
                return (boolean) attributeBoolean.invoke(attr);
            } catch (ReflectiveOperationException e) {
                throw inaccessible();
            }
        }
    }
}
