package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP {@code signed-note} (v1.0.0), the envelope of checkpoints: a text ending in a newline, a blank line, then one
 * or more lines {@code — <key name> <base64(4-byte key ID || signature)>}, each ending in a newline.
 *
 * <p>Byte-compatible with Go's {@code golang.org/x/mod/sumdb/note}. Reading is strict: the whole note must be valid
 * UTF-8 without control characters other than newline, at most {@value #MAX_NOTE_BYTES} bytes and
 * {@value #MAX_SIGNATURES} signature lines, and every signature line well-formed (standard padded base64, a valid key
 * name). Signatures by unknown keys are ignored, as the specification requires; a signature by a known key that does
 * not verify rejects the note; and a note without a verified signature is rejected.
 */
public final class SignedNote {
    /** The most signature lines a note may carry (Go's limit; the specification asks for at least 16). */
    public static final int MAX_SIGNATURES = 100;
    /** The largest note, in bytes. */
    public static final int MAX_NOTE_BYTES = 1 << 20;
    private static final String SIG_PREFIX = "\u2014 ";

    private SignedNote() {}

    /**
     * The note with {@code text} signed by each of {@code signers}, in order.
     *
     * @param text ends in a newline; no control characters other than newlines
     */
    public static byte[] sign(String text, List<NoteSigner> signers) {
        requireNonNull(text, "text");
        if (signers.isEmpty()) throw new IllegalArgumentException("a note needs at least one signer");
        if (!text.endsWith("\n")) throw new IllegalArgumentException("a note's text ends in a newline");
        if (firstControl(text) >= 0) throw new IllegalArgumentException("a note's text has no control characters");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSigner s : signers) {
            byte[] sig = s.sign(body);
            byte[] withId = ByteBuffer.allocate(4 + sig.length).putInt(s.keyId()).put(sig).array();
            note.append(SIG_PREFIX).append(s.name()).append(' ')
                    .append(Base64.getEncoder().encodeToString(withId)).append('\n');
        }
        return note.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of {@code note} once a signature by one of {@code known} verifies.
     *
     * @throws WardenException MALFORMED_INPUT when the note breaks the format; VERIFICATION_FAILED when a known
     *     key's signature does not verify, or no known key signed it
     */
    public static String open(byte[] note, List<NoteVerifier> known) {
        requireNonNull(note, "note");
        requireNonNull(known, "known");
        if (note.length > MAX_NOTE_BYTES) throw malformed("it is larger than " + MAX_NOTE_BYTES + " bytes");
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("it is not valid UTF-8");
        }
        int control = firstControl(s);
        if (control >= 0) throw malformed("it has a control character at offset " + control);
        int split = s.lastIndexOf("\n\n");
        if (split < 0) throw malformed("no blank line separates the text from the signatures");
        String text = s.substring(0, split + 1);
        String sigs = s.substring(split + 2);
        if (sigs.isEmpty()) throw malformed("it has no signature lines");
        if (!sigs.endsWith("\n")) throw malformed("its last signature line does not end in a newline");

        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) throw malformed("it has more than " + MAX_SIGNATURES + " signatures");
        boolean verified = false;
        List<String> unknown = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(SIG_PREFIX)) throw malformed("a signature line does not start with an em dash and space");
            String rest = line.substring(SIG_PREFIX.length());
            int space = rest.indexOf(' ');
            String name = space < 0 ? rest : rest.substring(0, space);
            byte[] sig = space < 0 ? null : NoteFormat.base64(rest.substring(space + 1));
            if (!NoteFormat.isValidName(name) || sig == null || sig.length < 5) {
                throw malformed("a signature line is not '— <key name> <base64 signature>'");
            }
            int id = ByteBuffer.wrap(sig).getInt();
            NoteVerifier v = find(known, name, id);
            if (v == null) {
                unknown.add(name + "+" + NoteFormat.hex(id));
                continue;
            }
            if (!v.verifies(body, Arrays.copyOfRange(sig, 4, sig.length))) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "signed note: invalid signature for key "
                        + name + "+" + NoteFormat.hex(id));
            }
            verified = true;
        }
        if (!verified) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "signed note: no signature by a known key (signed by "
                    + String.join(", ", unknown) + ")");
        }
        return text;
    }

    /** The known key with this name and ID; VERIFICATION_FAILED when two different keys share both. */
    private static NoteVerifier find(List<NoteVerifier> known, String name, int id) {
        NoteVerifier found = null;
        for (NoteVerifier v : known) {
            if (!v.name().equals(name) || v.keyId() != id) continue;
            if (found != null && !found.equals(v)) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "signed note: ambiguous key " + name + "+"
                        + NoteFormat.hex(id));
            }
            found = v;
        }
        return found;
    }

    /** The index of the first character below U+0020 other than a newline, or -1. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') return i;
        }
        return -1;
    }

    private static WardenException malformed(String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "malformed signed note: " + why);
    }
}
