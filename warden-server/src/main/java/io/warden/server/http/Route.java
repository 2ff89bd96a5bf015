package io.warden.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.HandlerType;

/**
 * One API route: method, path template, the permission it needs and what it does. Routes are registered only as
 * these, so none exists without a declared permission; the dataset a per-dataset permission applies to is the path's
 * {@code {dataset}} parameter.
 */
public record Route(HandlerType method, String path, Permission permission, String summary, Handler handler) {
    /** The work of a route, given the request and the principal already authorized. */
    @FunctionalInterface
    public interface Handler {
        void handle(Call call) throws Exception;
    }

    public Route {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(permission, "permission");
        requireNonNull(summary, "summary");
        requireNonNull(handler, "handler");
        if (permission.perDataset() && !path.contains("{dataset}")) {
            throw new IllegalArgumentException(path + ": a per-dataset permission needs a {dataset} path parameter");
        }
    }

    public static Route get(String path, Permission permission, String summary, Handler handler) {
        return new Route(HandlerType.GET, path, permission, summary, handler);
    }

    public static Route post(String path, Permission permission, String summary, Handler handler) {
        return new Route(HandlerType.POST, path, permission, summary, handler);
    }

    public static Route put(String path, Permission permission, String summary, Handler handler) {
        return new Route(HandlerType.PUT, path, permission, summary, handler);
    }

    public static Route delete(String path, Permission permission, String summary, Handler handler) {
        return new Route(HandlerType.DELETE, path, permission, summary, handler);
    }
}
