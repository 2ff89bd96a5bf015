package io.warden.server.audit;

import static io.warden.server.http.Permission.AUDIT_READ;
import static io.warden.server.http.Permission.PUBLIC;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.http.Call;
import io.warden.server.http.Route;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log's routes: signed checkpoints, the key that verifies them, inclusion and consistency proofs. */
public final class AuditRoutes {
    private final TlogAuditTrail trail;

    public AuditRoutes(TlogAuditTrail trail) {
        this.trail = trail;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/audit/key", PUBLIC, "The note key (vkey) that verifies the log's checkpoints",
                        c -> c.ctx().contentType("text/plain; charset=utf-8").result(trail.verifier().vkey() + "\n")),
                Route.get("/api/v1/audit/checkpoint", AUDIT_READ, "A signed checkpoint of the log now "
                        + "(C2SP tlog-checkpoint in a signed note)",
                        c -> c.ctx().contentType("text/plain; charset=utf-8").result(trail.checkpoint())),
                Route.get("/api/v1/audit/proof/inclusion", AUDIT_READ, "Inclusion proof of entry ?index in the tree "
                        + "of ?size entries (RFC 9162)", this::inclusion),
                Route.get("/api/v1/audit/proof/consistency", AUDIT_READ, "Consistency proof between the trees of "
                        + "?from and ?to entries (RFC 9162)", this::consistency));
    }

    private void inclusion(Call c) {
        long index = number(c, "index");
        long size = number(c, "size");
        if (index >= size || size > trail.size()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "need index < size <= " + trail.size()
                    + " (the log's size now)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", index);
        out.put("size", size);
        out.put("leaf_hash", b64(trail.leafHash(index)));
        out.put("proof", trail.inclusionProof(index, size).stream().map(AuditRoutes::b64).toList());
        c.json(out);
    }

    private void consistency(Call c) {
        long from = number(c, "from");
        long to = number(c, "to");
        if (from < 1 || from > to || to > trail.size()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "need 1 <= from <= to <= " + trail.size()
                    + " (the log's size now)");
        }
        c.json(Map.of("from", from, "to", to,
                "proof", trail.consistencyProof(from, to).stream().map(AuditRoutes::b64).toList()));
    }

    private static long number(Call c, String name) {
        String v = c.ctx().queryParam(name);
        try {
            long n = Long.parseLong(v == null ? "" : v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new WardenException(ErrorCode.BAD_USAGE, "?" + name + " is a number, 0 or more");
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
