/**
 * OMS v1.0 model and dataset signatures, compatible with the reference {@code model_signing} tool: an in-toto
 * statement listing the SHA-256 of every file, in a DSSE envelope, in a Sigstore bundle ({@code model.sig}).
 *
 * <p>{@link io.warden.crypto.sign.ModelSigner} writes bundles, {@link io.warden.crypto.sign.ModelVerifier} checks them
 * against a directory; keys come from PEM files through {@link io.warden.crypto.sign.PemFiles}.
 */
package io.warden.crypto.sign;
