package io.warden.server.audit;

/**
 * Where audit events go. {@link #append} returns only once the event is durable; when it cannot be made durable it
 * throws, and the request that caused it fails (audit fails closed).
 */
public interface AuditTrail extends AutoCloseable {
    /**
     * Appends {@code event}; returns its index in the log.
     *
     * @throws io.warden.core.WardenException UNAVAILABLE when the event could not be written durably
     */
    long append(AuditEvent event);

    @Override
    void close();
}
