package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds bare domain names such as {@code example.co.uk}: dotted LDH labels ending in a public suffix.
 *
 * <p>Rule: RFC 1035 §2.3.1 label syntax and the Public Suffix List (Guava's {@code InternetDomainName}); the name
 * must be registrable or below a registrable name. Text that only looks like a domain is left out: the last label
 * must be lower case ({@code Berlin.It was}), file names whose extension is also a country code ({@code run.sh},
 * {@code main.py}, {@code notes.md}), reverse-DNS package names ({@code java.io}, {@code com.example.app}),
 * member access in code ({@code self.name}, {@code user.email}, {@code foo.bar(}), abbreviations ({@code e.g.},
 * no one-letter suffix exists), and names inside e-mail addresses, URLs and paths. Score 0.55 — below URL and
 * e-mail, so those win an overlap.
 */
public final class DomainNameRecognizer implements Recognizer {
    static final String ENTITY = "DOMAIN_NAME";
    static final double SCORE = 0.55;

    /** Suffixes more often a file extension ({@code Utils.java}, {@code run.sh}); kept under e.g. {@code co.in}. */
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "py", "sh", "md", "rs", "pl", "pm", "cc", "ps", "so", "tf", "ml", "am", "ac", "mk", "cl", "st", "sc",
            "in", "zip", "mov", "java", "pro", "cs", "hs", "kt", "rb", "js", "ts", "gz", "bz", "xz", "7z", "lua",
            "php", "yml");
    /** First labels of package names written in reverse-DNS order. */
    private static final Set<String> REVERSE_DNS_ROOTS = Set.of(
            "com", "org", "net", "io", "edu", "gov", "java", "javax", "jakarta", "android", "androidx", "kotlin",
            "kotlinx", "scala", "sun", "jdk");
    /** Variable names that start member access in code ({@code self.name}); a two-label name starting so is code. */
    private static final Set<String> CODE_RECEIVERS = Set.of(
            "self", "this", "cls", "super", "obj", "args", "kwargs", "os", "sys", "np", "pd", "df", "plt", "tf",
            "torch", "nn", "math", "json", "re", "config", "cfg", "settings", "options", "opts", "ctx", "req", "res",
            "request", "response", "resp", "user", "users", "file", "files", "item", "items", "node", "data", "model",
            "app", "e", "err", "error", "event", "evt", "window", "document", "console", "module", "exports",
            "process", "props", "state", "params", "param", "result", "results", "db", "row", "record", "value",
            "key", "person", "customer", "client", "server", "message", "msg", "str", "list", "dict", "array",
            "object", "text", "name", "page", "form", "field", "x", "y", "s", "t", "p", "r", "m", "o", "a", "b");

    @Override
    public String name() {
        return "domain_name";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("domain", "domains", "website", "site", "host", "hostname", "dns", "whois");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int n = text.tokenCount();
        int resume = 0;
        // only tokens joined to the next by punctuation (or after ':') can start this entity
        for (int anchor = 0, anchors = text.joinedTokenCount(); anchor < anchors; anchor++) {
            int i = text.joinedToken(anchor);
            if (i + 1 >= n) break;
            int start = text.tokenStart(i);
            int end0 = text.tokenEnd(i);
            if (start < resume || text.tokenStart(i + 1) != end0 + 1) continue;
            char sep = s.charAt(end0);
            if (sep != '.' && sep != '-') continue;
            if (start > 0 && !startOk(s.charAt(start - 1))) continue;
            int end = nameEnd(s, start);
            resume = end;
            if (!hasDot(s, start, end) || !endOk(s, end)) continue;
            if (Domains.isLdhName(s, start, end) && plausible(s, start, end)) sink.report(start, end, ENTITY, SCORE);
        }
    }

    /** Chars that may precede a domain name in text (not inside a word, path, URL, address or identifier). */
    private static boolean startOk(char b) {
        return !ScanText.isWordChar(b) && "./@-_:\\$#%&=~+".indexOf(b) < 0;
    }

    /** What follows must not make it an address, a call, a path segment or an identifier. */
    private static boolean endOk(String s, int end) {
        if (end >= s.length()) return true;
        char a = s.charAt(end);
        return !ScanText.isWordChar(a) && "@(_$/\\=[".indexOf(a) < 0;
    }

    /** End of the run of labels starting at {@code p}, a trailing dot or hyphen left out. */
    private static int nameEnd(String s, int p) {
        int end = p;
        int limit = Math.min(s.length(), p + Domains.MAX_NAME + 1);
        while (end < limit && Domains.isHostChar(s.charAt(end))) {
            if (s.charAt(end) == '.' && Chars.charIs(s, end + 1, '.')) break;
            end++;
        }
        while (end > p && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) end--;
        return end;
    }

    private static boolean hasDot(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') return true;
        }
        return false;
    }

    private static boolean plausible(String s, int start, int end) {
        int lastDot = s.lastIndexOf('.', end - 1);
        for (int i = lastDot + 1; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.isUpper(c)) return false; // "Berlin.It", "ASP.NET"
        }
        int firstDot = s.indexOf('.', start);
        String first = s.substring(start, firstDot).toLowerCase(java.util.Locale.ROOT);
        if (REVERSE_DNS_ROOTS.contains(first)) return false;
        boolean twoLabels = firstDot == lastDot;
        if (twoLabels && CODE_RECEIVERS.contains(first)) return false;
        String suffix = Domains.suffixIfUnder(s.substring(start, end));
        return suffix != null && !FILE_EXTENSIONS.contains(suffix);
    }
}
