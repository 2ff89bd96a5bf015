package io.warden.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded random texts for property-style tests: the same seed gives the same cases on every run, so a failure
 * reproduces. Also the shared check that a recognizer stays inside the text on any input.
 */
public final class RandomTexts {
    private RandomTexts() {}

    /** Any chars in {@code [0, 128)}, length up to {@code maxLen}. */
    public static String ascii(SplittableRandom rnd, int maxLen) {
        char[] c = new char[rnd.nextInt(maxLen + 1)];
        for (int i = 0; i < c.length; i++) c[i] = (char) rnd.nextInt(128);
        return new String(c);
    }

    /** Chars drawn from {@code alphabet}, length up to {@code maxLen}. */
    public static String from(SplittableRandom rnd, String alphabet, int maxLen) {
        char[] c = new char[rnd.nextInt(maxLen + 1)];
        for (int i = 0; i < c.length; i++) c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        return new String(c);
    }

    /** Any UTF-16 chars, unpaired surrogates included, length up to {@code maxLen}. */
    public static String anyChars(SplittableRandom rnd, int maxLen) {
        char[] c = new char[rnd.nextInt(maxLen + 1)];
        for (int i = 0; i < c.length; i++) {
            c[i] = switch (rnd.nextInt(4)) {
                case 0 -> (char) rnd.nextInt(128);
                case 1 -> (char) (0xD800 + rnd.nextInt(0x800)); // surrogates, paired or not
                default -> (char) rnd.nextInt(0x10000);
            };
        }
        return new String(c);
    }

    /** Up to {@code maxPieces} pieces drawn from {@code pieces}, concatenated. */
    public static String pieces(SplittableRandom rnd, List<String> pieces, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(maxPieces + 1); i > 0; i--) sb.append(pieces.get(rnd.nextInt(pieces.size())));
        return sb.toString();
    }

    /** Runs {@code tries} texts from {@code gen} (seeded with {@code seed}) through every recognizer. */
    public static void checkRecognizers(List<Recognizer> recognizers, String field, long seed, int tries,
            Function<SplittableRandom, String> gen) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int t = 0; t < tries; t++) {
            String text = gen.apply(rnd);
            ScanText st = new ScanText(text, field);
            for (Recognizer r : recognizers) {
                r.analyze(st, (start, end, entity, score) -> {
                    assertThat(start).as(r.name()).isBetween(0, text.length() - 1);
                    assertThat(end).as(r.name()).isBetween(start + 1, text.length());
                    assertThat(r.entities()).as(r.name()).contains(entity);
                    assertThat(score).as(r.name()).isBetween(0.0, 1.0);
                });
            }
        }
    }
}
