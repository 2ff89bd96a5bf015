/**
 * A tamper-evident, append-only Merkle-tree log and its signed checkpoints, the store under the server's audit log.
 *
 * <ul>
 *   <li>{@link io.warden.crypto.tlog.MerkleHashes} and {@link io.warden.crypto.tlog.MerkleProofs}: RFC 6962 / RFC 9162
 *       hashing and the verification of inclusion and consistency proofs;</li>
 *   <li>{@link io.warden.crypto.tlog.MerkleLog}: the durable log on disk, with group-committed appends, tree heads
 *       and proofs;</li>
 *   <li>{@link io.warden.crypto.tlog.Checkpoint}, {@link io.warden.crypto.tlog.SignedNote},
 *       {@link io.warden.crypto.tlog.NoteSigner}, {@link io.warden.crypto.tlog.NoteVerifier}: C2SP
 *       {@code tlog-checkpoint} tree heads in Ed25519 {@code signed-note}s, compatible with Go's
 *       {@code golang.org/x/mod/sumdb/note};</li>
 *   <li>{@link io.warden.crypto.tlog.MerkleLogVerifier}: offline checks of a log against signed checkpoints.</li>
 * </ul>
 *
 * <p>The formats are described byte by byte in {@code docs/audit-log.md}.
 */
package io.warden.crypto.tlog;
