package io.warden.protect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.protect.operator.Mask;
import io.warden.protect.operator.Operator;
import io.warden.protect.operator.Redact;
import io.warden.protect.operator.Replace;
import io.warden.protect.text.SpanRewriter.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpanRewriterTest {
    private static String cps(String s, int start, int end) {
        return s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, end));
    }

    @Test
    void rewrite_replacesEachSpan_andCopiesTheRest() {
        String text = "mail jane@example.com or call +1 415 555 2671 today";
        var r = SpanRewriter.rewrite(text, List.of(new Edit(30, 45, "PHONE_NUMBER"), new Edit(5, 21, "EMAIL_ADDRESS")),
                "notes", e -> Replace.withEntityTag());
        assertThat(r.text()).isEqualTo("mail <EMAIL_ADDRESS> or call <PHONE_NUMBER> today");
        assertThat(cps(r.text(), r.replaced().get(0)[0], r.replaced().get(0)[1])).isEqualTo("<EMAIL_ADDRESS>");
        assertThat(cps(r.text(), r.replaced().get(1)[0], r.replaced().get(1)[1])).isEqualTo("<PHONE_NUMBER>");
    }

    @Test
    void rewrite_codePointOffsets_withCharactersOutsideTheBmp() {
        String text = "\uD83D\uDE00 Jane \uD83D\uDE00 Smith"; // 😀 Jane 😀 Smith
        var r = SpanRewriter.rewrite(text, List.of(new Edit(2, 6, "PERSON"), new Edit(9, 14, "PERSON")), null,
                e -> Mask.all());
        assertThat(r.text()).isEqualTo("\uD83D\uDE00 **** \uD83D\uDE00 *****");
    }

    @Test
    void map_movesOtherFindings_toTheirPlaceInTheRewrittenText() {
        String text = "a jane@example.com b 10.0.0.1 c";
        var r = SpanRewriter.rewrite(text, List.of(new Edit(2, 18, "EMAIL_ADDRESS")), null, e -> new Redact());
        assertThat(r.text()).isEqualTo("a  b 10.0.0.1 c");
        assertThat(cps(r.text(), r.map(21), r.map(29))).isEqualTo("10.0.0.1");
        assertThat(r.map(0)).isZero();
        assertThat(r.map(5)).as("inside the edit: start of its replacement").isEqualTo(2);
        assertThat(r.map(18)).as("end of the edit").isEqualTo(2);
    }

    @Test
    void rewrite_noEdits_returnsTheText() {
        var r = SpanRewriter.rewrite("nothing here", List.of(), null, e -> new Redact());
        assertThat(r.text()).isEqualTo("nothing here");
        assertThat(r.map(7)).isEqualTo(7);
        assertThat(SpanRewriter.rewrite("", List.of(), null, e -> new Redact()).text()).isEmpty();
    }

    @Test
    void rewrite_overlappingOrOutOfRangeSpans_fail() {
        assertThatThrownBy(() -> SpanRewriter.rewrite("abcdef", List.of(new Edit(0, 3, "X"), new Edit(2, 4, "X")),
                null, e -> new Redact())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> SpanRewriter.rewrite("abc", List.of(new Edit(1, 9, "X")), null, e -> new Redact()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> new Edit(3, 3, "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Edit(-1, 3, "X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void result_toString_showsNoText() {
        var r = SpanRewriter.rewrite("secret jane@example.com", List.of(new Edit(0, 6, "X")), null, e -> new Redact());
        assertThat(r.toString()).doesNotContain("jane").doesNotContain("example");
    }

    /** Random texts and spans: untouched text survives in order and every other span maps to the same content. */
    @Test
    void rewrite_randomSpans_keepUntouchedTextAndMapOffsets() {
        SplittableRandom rnd = new SplittableRandom(3);
        String alphabet = "ab c\uD83D\uDE00é-";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(6);
                sb.append(k == 4 ? "\uD83D\uDE00" : String.valueOf(alphabet.charAt(k == 5 ? 6 : k)));
            }
            String text = sb.toString();
            int len = text.codePointCount(0, text.length());
            List<Edit> edits = new ArrayList<>();
            List<int[]> kept = new ArrayList<>();
            for (int p = 0; p < len; ) {
                int l = 1 + rnd.nextInt(Math.min(4, len - p));
                if (rnd.nextInt(3) == 0) edits.add(new Edit(p, p + l, "X"));
                else kept.add(new int[] {p, p + l});
                p += l;
            }
            Operator op = switch (rnd.nextInt(3)) {
                case 0 -> new Redact();
                case 1 -> Replace.with("<\uD83D\uDD12>");
                default -> Mask.all();
            };
            var r = SpanRewriter.rewrite(text, edits, null, e -> op);
            for (int[] k : kept) {
                assertThat(cps(r.text(), r.map(k[0]), r.map(k[1]))).as(text).isEqualTo(cps(text, k[0], k[1]));
            }
        }
    }
}
