/**
 * The PKCS#11 master-key provider: an AES-256 key that never leaves an HSM (or SoftHSM2), used through the JDK's
 * SunPKCS11 provider. Public: {@link io.warden.crypto.pkcs11.Pkcs11Login} and
 * {@link io.warden.crypto.pkcs11.Pkcs11MasterKey}.
 */
package io.warden.crypto.pkcs11;
