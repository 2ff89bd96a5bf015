package io.warden.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.audit.AuditEvent;
import io.warden.server.audit.AuditHasher;
import io.warden.server.audit.AuditTrail;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: every request goes through one pipeline — authenticate, authorize against the route's declared
 * permission, run, audit durably, answer — and this is the only place where error codes become HTTP statuses.
 *
 * <p>A request for no declared route is answered 404 and audited like the rest. If its audit event cannot be written,
 * a request fails with 503 whatever its handler did (audit fails closed), and nothing the handler produced is sent.
 */
public final class Api {
    /**
     * Tells the client whether access control let the request through ({@code granted}) or stopped it
     * ({@code denied}), so a failure of the action itself is never mistaken for a refusal, and the other way round.
     */
    public static final String ACCESS_HEADER = "X-Warden-Access";
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private final List<Route> routes;
    private final Authenticator authenticator;
    private final Access access;
    private final AuditTrail audit;
    private final AuditHasher hasher;
    private final Metrics metrics;
    private final Clock clock;
    private final Consumer<AuditEvent> observer;

    /** @param observer sees every event once it is durable (alert rules) */
    public Api(List<Route> routes, Authenticator authenticator, Access access, AuditTrail audit, AuditHasher hasher,
            Metrics metrics, Clock clock, Consumer<AuditEvent> observer) {
        this.observer = requireNonNull(observer, "observer");
        this.routes = List.copyOf(routes);
        this.authenticator = requireNonNull(authenticator, "authenticator");
        this.access = requireNonNull(access, "access");
        this.audit = requireNonNull(audit, "audit");
        this.hasher = requireNonNull(hasher, "hasher");
        this.metrics = requireNonNull(metrics, "metrics");
        this.clock = requireNonNull(clock, "clock");
    }

    public List<Route> routes() {
        return routes;
    }

    /** Registers every route, then a catch-all per method that answers 404, into a Javalin configuration. */
    public void register(io.javalin.config.JavalinConfig config) {
        for (Route r : routes) {
            config.routes.addHttpHandler(r.method(), r.path(), ctx -> serve(ctx, r));
        }
        for (HandlerType m : METHODS) {
            config.routes.addHttpHandler(m, "/<path>", ctx -> serve(ctx, null));
        }
        config.routes.exception(Exception.class, (e, ctx) -> {
            // only reached when something failed outside serve(): never show its message or stack trace
            LOG.warn("unhandled {} on {} {}", e.getClass().getSimpleName(), ctx.method(), ctx.path().length() > 100 ? ctx.path().substring(0, 100) : ctx.path());
            error(ctx, ErrorCode.INTERNAL, "internal error", ctx.attribute("request-id"));
        });
    }

    private void serve(Context ctx, Route route) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        String requestId = newRequestId();
        ctx.attribute("request-id", requestId);
        ctx.header("X-Request-Id", requestId);
        String dataset = route != null && route.path().contains("{dataset}") ? ctx.pathParam("dataset") : null;
        Principal principal = null;
        String outcome;
        ErrorCode error = null;
        Call call = null;
        try {
            if (route == null) throw new WardenException(ErrorCode.NOT_FOUND, "no such route");
            String bearer = bearer(ctx);
            if (bearer != null) principal = authenticator.authenticate(bearer, now);
            access.check(principal, route.permission(), dataset, now);
            ctx.header(ACCESS_HEADER, "granted");
            call = new Call(ctx, principal, now, requestId);
            if (changesState(ctx)) {
                // a request that changes something is recorded before it may: if the log cannot take the attempt,
                // nothing happens; the outcome follows in a second entry
                audit.append(new AuditEvent(now, requestId, principal != null ? principal.name() : "-",
                        principal != null ? principal.credentialId() : "-", ctx.method().name(), route.path(), dataset,
                        route.permission().name(), "attempted", 0, null, hasher.hash(ctx.ip()), Map.of()));
            }
            try {
                route.handler().handle(call);
                outcome = "allowed";
            } catch (WardenException e) {
                outcome = "failed";
                error = e.code();
                error(ctx, e.code(), e.getMessage(), requestId);
            } catch (Exception e) {
                outcome = "failed";
                error = ErrorCode.INTERNAL;
                LOG.warn("request {} failed: {}", requestId, e.getClass().getSimpleName());
                error(ctx, ErrorCode.INTERNAL, "internal error (request " + requestId + ")", requestId);
            }
        } catch (WardenException e) {
            if (e.code() == ErrorCode.UNAVAILABLE && call != null) {
                // the attempt could not be recorded: fail closed, nothing ran
                LOG.error("audit log write failed, request {} refused: {}", requestId, e.getMessage());
                error(ctx, ErrorCode.UNAVAILABLE, "the audit log cannot record this request; refused", requestId);
                metrics.request(route.path(), ctx.method().name(), "failed", System.nanoTime() - start);
                return;
            }
            outcome = "denied";
            ctx.header(ACCESS_HEADER, "denied");
            error = e.code();
            error(ctx, e.code(), e.getMessage(), requestId);
        }
        String name = principal != null ? principal.name() : call != null && call.auditPrincipal() != null
                ? call.auditPrincipal() : "-";
        AuditEvent event = new AuditEvent(now, requestId, name, principal != null ? principal.credentialId() : "-",
                ctx.method().name(), route != null ? route.path() : cut(ctx.path()), dataset,
                route != null ? route.permission().name() : null, outcome, ctx.statusCode(),
                error == null ? null : error.name(), hasher.hashAddress(ctx.ip()), call == null ? Map.of() : call.auditDetails());
        try {
            metrics.auditSize(audit.append(event) + 1);
            observer.accept(event);
        } catch (WardenException e) {
            LOG.error("audit log write failed, request {} refused: {}", requestId, e.getMessage());
            closeQuietly(ctx.resultInputStream()); // drop what the handler produced: a download's producer stops
            ctx.result(new byte[0]);
            error(ctx, ErrorCode.UNAVAILABLE, "the audit log cannot record this request; refused", requestId);
            outcome = "failed";
        }
        metrics.request(route != null ? route.path() : "unknown", ctx.method().name(), outcome,
                System.nanoTime() - start);
    }

    private static boolean changesState(Context ctx) {
        return switch (ctx.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    private static void closeQuietly(java.io.InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (java.io.IOException e) {
            // nothing was sent from it; closing only stops its producer
        }
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null) return null;
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "use an Authorization: Bearer credential");
        }
        return h.substring(7).trim();
    }

    /** Writes the JSON error body with the status chosen for {@code code}. */
    static void error(Context ctx, ErrorCode code, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code.name());
        body.put("message", message);
        if (requestId != null) body.put("request_id", requestId);
        try {
            ctx.status(status(code)).contentType("application/json").result(Call.JSON.writeValueAsBytes(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (code == ErrorCode.UNAUTHENTICATED) ctx.header("WWW-Authenticate", "Bearer");
    }

    /** The HTTP status of each error code. */
    public static int status(ErrorCode code) {
        return switch (code) {
            case BAD_USAGE, INPUT_NOT_FOUND, MALFORMED_INPUT, INVALID_ENCODING, INVALID_POLICY -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED, MFA_REQUIRED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, BAD_KEY, BUDGET_EXHAUSTED -> 409;
            case RECORD_TOO_LARGE, TOO_LARGE -> 413;
            case PRIVACY_UNSATISFIABLE, VERIFICATION_FAILED -> 422;
            case TOO_MANY_ATTEMPTS -> 429;
            case OUTPUT_FAILED, INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    private static String newRequestId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String cut(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }
}
