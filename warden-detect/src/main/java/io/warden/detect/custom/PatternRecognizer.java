package io.warden.detect.custom;

import static java.util.Objects.requireNonNull;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user-defined recognizer built from a {@link CustomRecognizerSpec}: reports every match of its regular
 * expressions (unless the matched value is on the allow list) and every whole-word occurrence of its deny terms.
 *
 * <p>Cost: unlike the built-in recognizers, which start from cheap anchors, this one runs
 * {@link Matcher#find()} over the whole text once per pattern (the deny terms form one more pattern), because a
 * user's expression has no anchor we can know. A pattern that backtracks badly (nested quantifiers such as
 * {@code (a+)+}) can make scanning slow; keep patterns simple and bounded ({@code \d{6,8}} rather than
 * {@code \d+}). Immutable and thread-safe: patterns are compiled once, matchers are created per call.
 */
public final class PatternRecognizer implements Recognizer {
    private final String name;
    private final String entity;
    private final Pattern[] patterns;
    private final double[] scores;
    private final Pattern deny;
    private final Set<String> allow;
    private final boolean ignoreCase;
    private final Set<String> context;

    private PatternRecognizer(CustomRecognizerSpec spec) {
        this.name = spec.name().toLowerCase(Locale.ROOT);
        this.entity = spec.entity();
        this.ignoreCase = spec.ignoreCase();
        int flags = spec.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        this.patterns = new Pattern[spec.patterns().size()];
        this.scores = new double[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            PatternSpec p = spec.patterns().get(i);
            try {
                patterns[i] = Pattern.compile(p.regex(), flags);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("custom recognizer '" + spec.name() + "': pattern " + (i + 1)
                        + " is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex(),
                        e);
            }
            scores[i] = p.score();
        }
        this.deny = spec.deny().isEmpty() ? null : denyPattern(spec.deny());
        var allowSet = new LinkedHashSet<String>();
        for (String a : spec.allow()) allowSet.add(ignoreCase ? a.toLowerCase(Locale.ROOT) : a);
        this.allow = Set.copyOf(allowSet);
        var ctx = new TreeSet<String>();
        for (String c : spec.context()) ctx.add(c.toLowerCase(Locale.ROOT));
        this.context = Set.copyOf(ctx);
    }

    /**
     * Compiles {@code spec} into a recognizer.
     *
     * @throws IllegalArgumentException if a pattern is not a valid regular expression (the message names the
     *     recognizer and the pattern's position in its list)
     */
    public static PatternRecognizer of(CustomRecognizerSpec spec) {
        return new PatternRecognizer(requireNonNull(spec, "spec"));
    }

    /** Compiles each spec; fails on the first invalid one. */
    public static List<Recognizer> ofAll(List<CustomRecognizerSpec> specs) {
        List<Recognizer> out = new ArrayList<>(specs.size());
        for (CustomRecognizerSpec s : specs) out.add(of(s));
        return List.copyOf(out);
    }

    /** One alternation of quoted terms, bounded by non-word characters, ignoring case. */
    private static Pattern denyPattern(List<String> terms) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}_])(?:");
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> b.length() - a.length()); // longest first, so "acme corp" wins over "acme"
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) sb.append('|');
            sb.append(Pattern.quote(sorted.get(i).strip()));
        }
        sb.append(")(?![\\p{L}\\p{N}_])");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> entities() {
        return Set.of(entity);
    }

    @Override
    public Set<String> context() {
        return context;
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        for (int i = 0; i < patterns.length; i++) {
            Matcher m = patterns[i].matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (e > s && !allowed(text, s, e)) sink.report(s, e, entity, scores[i]);
            }
        }
        if (deny != null) {
            Matcher m = deny.matcher(text);
            while (m.find()) sink.report(m.start(), m.end(), entity, 1.0);
        }
    }

    private boolean allowed(String text, int s, int e) {
        if (allow.isEmpty()) return false;
        String v = text.substring(s, e);
        return allow.contains(ignoreCase ? v.toLowerCase(Locale.ROOT) : v);
    }

    /** Shape only: patterns and terms may be sensitive. */
    @Override
    public String toString() {
        return "PatternRecognizer[name=" + name + ", entity=" + entity + ", patterns=" + patterns.length + "]";
    }
}
