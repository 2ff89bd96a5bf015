package io.warden.detect.ner;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of NER model factories by name. A module that brings a model runtime registers its factory
 * explicitly at start-up ({@code NerModels.register("onnx", OnnxNerModel::load)}); there is no classpath
 * scanning, so what can run is exactly what the application wired in.
 *
 * <p>Thread-safe. Names are lower-case {@code [a-z0-9_-]+}.
 */
public final class NerModels {
    private static final Map<String, NerModelFactory> FACTORIES = new ConcurrentHashMap<>();

    private NerModels() {}

    /**
     * Registers {@code factory} under {@code name}.
     *
     * @throws IllegalArgumentException if the name is malformed
     * @throws IllegalStateException if another factory has that name
     */
    public static void register(String name, NerModelFactory factory) {
        requireNonNull(factory, "factory");
        if (name == null || !name.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("NER model name must be lower-case [a-z0-9_-]+");
        }
        NerModelFactory previous = FACTORIES.putIfAbsent(name, factory);
        if (previous != null && previous != factory) {
            throw new IllegalStateException("a NER model named '" + name + "' is already registered");
        }
    }

    /** Removes the factory registered under {@code name}, if any (for tests and hot reloading). */
    public static void unregister(String name) {
        FACTORIES.remove(name);
    }

    /** Names of the registered factories, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(FACTORIES.keySet());
    }

    /**
     * Creates a model with the factory registered under {@code name}.
     *
     * @throws IllegalArgumentException if nothing is registered under that name, or the factory rejects the
     *     options
     */
    public static NerModel create(String name, Map<String, String> options) {
        NerModelFactory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no NER model named '" + name + "' is registered (available: "
                    + names() + ")");
        }
        return requireNonNull(f.create(Map.copyOf(requireNonNull(options, "options"))), "factory returned null");
    }
}
