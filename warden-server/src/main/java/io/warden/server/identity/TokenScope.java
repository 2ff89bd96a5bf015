package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an API token may do: the datasets it may touch (names, or {@code *} for all), the actions it may take, and
 * when it stops working. Its compact form, stored beside the token's hash, is
 * {@code datasets=a,b;actions=read,upload;expires=2027-01-31T00:00:00Z}: keys in that order, names and actions sorted,
 * the expiry in UTC to the second.
 *
 * @param datasets dataset names, kept sorted, ({@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 128 characters) or just {@code *}
 * @param actions at least one action
 * @param expiresAt the first instant at which the token no longer works (kept to whole seconds)
 */
public record TokenScope(Set<String> datasets, Set<ScopeAction> actions, Instant expiresAt) {
    /** The dataset name that stands for every dataset. */
    public static final String ALL_DATASETS = "*";
    /** Longest compact form accepted. */
    public static final int MAX_LENGTH = 8192;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern EXPIRY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

    public TokenScope {
        Inputs.present(datasets, "the scope's datasets");
        Inputs.present(actions, "the scope's actions");
        Inputs.present(expiresAt, "the scope's expiry");
        if (datasets.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "a token scope needs a dataset or *");
        if (actions.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "a token scope needs an action");
        for (String d : datasets) {
            Inputs.present(d, "a dataset name");
            if (!d.equals(ALL_DATASETS) && !NAME.matcher(d).matches()) {
                throw Inputs.malformed("a dataset name in the scope is not [A-Za-z0-9][A-Za-z0-9._-]*, "
                        + "at most 128 characters");
            }
        }
        if (datasets.contains(ALL_DATASETS) && datasets.size() > 1) {
            throw Inputs.malformed("a token scope names either * or datasets, not both");
        }
        for (ScopeAction a : actions) Inputs.present(a, "an action");
        datasets = Collections.unmodifiableSortedSet(new TreeSet<>(datasets));
        actions = Collections.unmodifiableSet(EnumSet.copyOf(actions));
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The scope of compact form {@code text}; a one-line MALFORMED_INPUT error when it is not exactly that form. */
    public static TokenScope parse(String text) {
        Inputs.printableAscii(text, "the token scope", MAX_LENGTH);
        String[] parts = text.split(";", -1);
        if (parts.length != 3 || !parts[0].startsWith("datasets=") || !parts[1].startsWith("actions=")
                || !parts[2].startsWith("expires=")) {
            throw Inputs.malformed("the token scope is not datasets=...;actions=...;expires=...");
        }
        SortedSet<String> datasets = new TreeSet<>();
        for (String d : list(parts[0].substring("datasets=".length()), "dataset")) {
            if (!datasets.add(d)) throw Inputs.malformed("the token scope names a dataset twice");
        }
        Set<ScopeAction> actions = EnumSet.noneOf(ScopeAction.class);
        for (String a : list(parts[1].substring("actions=".length()), "action")) {
            ScopeAction action = action(a);
            if (!actions.add(action)) throw Inputs.malformed("the token scope names an action twice");
        }
        String expiry = parts[2].substring("expires=".length());
        if (!EXPIRY.matcher(expiry).matches()) {
            throw Inputs.malformed("the token scope's expiry is not a UTC time like 2027-01-31T00:00:00Z");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(expiry);
        } catch (DateTimeParseException e) {
            throw Inputs.malformed("the token scope's expiry is not a valid date and time");
        }
        return new TokenScope(datasets, actions, expiresAt);
    }

    /** The compact form, which {@link #parse} reads back to an equal scope. */
    public String format() {
        return "datasets=" + String.join(",", datasets) + ";actions="
                + actions.stream().map(ScopeAction::label).collect(Collectors.joining(",")) + ";expires=" + expiresAt;
    }

    /** Whether the token may take {@code action} on {@code dataset} at {@code now}: not expired, both in scope. */
    public boolean permits(String dataset, ScopeAction action, Instant now) {
        Inputs.present(dataset, "the dataset name");
        Inputs.present(action, "the action");
        return !expired(now) && actions.contains(action)
                && (datasets.contains(ALL_DATASETS) || datasets.contains(dataset));
    }

    /** Whether the scope no longer holds at {@code now}. */
    public boolean expired(Instant now) {
        Inputs.present(now, "the time");
        return !now.isBefore(expiresAt);
    }

    private static String[] list(String value, String what) {
        if (value.isEmpty()) throw Inputs.malformed("the token scope names no " + what);
        String[] items = value.split(",", -1);
        for (String item : items) {
            if (item.isEmpty()) throw Inputs.malformed("the token scope has an empty " + what + " in its list");
        }
        return items;
    }

    private static ScopeAction action(String label) {
        for (ScopeAction a : ScopeAction.values()) {
            if (a.label().equals(label)) return a;
        }
        throw Inputs.malformed("the token scope names an unknown action (known: read, upload, scan, protect, release, "
                + "delete)");
    }
}
