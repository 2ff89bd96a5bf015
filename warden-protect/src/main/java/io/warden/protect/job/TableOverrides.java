package io.warden.protect.job;

/**
 * Values decided for the whole table before records are rewritten one by one: shuffled columns and the
 * generalization chosen by a privacy model.
 */
public interface TableOverrides {
    /** The value that replaces {@code field} in record {@code index}, or null to leave it to the per-record rules. */
    String value(long index, String field);

    /** Whether record {@code index} is dropped (suppressed by the privacy model). */
    boolean dropped(long index);

    /** No overrides. */
    TableOverrides NONE = new TableOverrides() {
        @Override
        public String value(long index, String field) {
            return null;
        }

        @Override
        public boolean dropped(long index) {
            return false;
        }
    };
}
