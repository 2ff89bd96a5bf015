package io.warden.protect.job;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what a protection run did, kept per rule; thread-safe. Holds no values. */
public final class ProtectStats {
    private final Map<String, LongAdder> cells = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> spans = new ConcurrentHashMap<>();
    private final LongAdder droppedByEntity = new LongAdder();

    void cell(String field) {
        cells.computeIfAbsent(field, k -> new LongAdder()).increment();
    }

    void span(String entity) {
        spans.computeIfAbsent(entity, k -> new LongAdder()).increment();
    }

    void droppedByEntity() {
        droppedByEntity.increment();
    }

    /** Cells rewritten per field. */
    public Map<String, Long> cellsByField() {
        return snapshot(cells);
    }

    /** Spans rewritten per entity. */
    public Map<String, Long> spansByEntity() {
        return snapshot(spans);
    }

    /** Records dropped because an entity rule with {@code suppress: record} matched. */
    public long recordsDroppedByEntity() {
        return droppedByEntity.sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
