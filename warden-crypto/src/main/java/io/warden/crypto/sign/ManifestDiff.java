package io.warden.crypto.sign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model differs from its signature, by file name: files the signature lists that are not there
 * ({@code missing}), files there that it does not list ({@code extra}), and files whose digest differs
 * ({@code changed}); each sorted by {@link PathOrder}.
 */
public record ManifestDiff(List<String> missing, List<String> extra, List<String> changed) {
    public ManifestDiff {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        changed = List.copyOf(changed);
    }

    /** The differences of {@code actual} from {@code expected}. */
    public static ManifestDiff of(List<Resource> expected, List<Resource> actual) {
        Map<String, String> want = new HashMap<>();
        for (Resource r : expected) want.put(r.name(), r.digest());
        Map<String, String> have = new HashMap<>();
        for (Resource r : actual) have.put(r.name(), r.digest());
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : want.entrySet()) {
            String got = have.get(e.getKey());
            if (got == null) missing.add(e.getKey());
            else if (!got.equals(e.getValue())) changed.add(e.getKey());
        }
        List<String> extra = new ArrayList<>();
        for (String name : have.keySet()) if (!want.containsKey(name)) extra.add(name);
        missing.sort(PathOrder.INSTANCE);
        extra.sort(PathOrder.INSTANCE);
        changed.sort(PathOrder.INSTANCE);
        return new ManifestDiff(missing, extra, changed);
    }

    /** Whether the model matches its signature exactly. */
    public boolean isEmpty() {
        return missing.isEmpty() && extra.isEmpty() && changed.isEmpty();
    }

    /** A count summary such as {@code "1 missing, 2 extra, 1 changed"}. */
    public String summary() {
        return missing.size() + " missing, " + extra.size() + " extra, " + changed.size() + " changed";
    }
}
