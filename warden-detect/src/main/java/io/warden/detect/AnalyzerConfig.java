package io.warden.detect;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * How an {@link Analyzer} scores and filters spans.
 *
 * @param minScore spans scoring below this (after context) are dropped
 * @param contextWindow how many tokens before and after a span are searched for context words
 * @param contextBoost added to a span's score when a context word is near it (or in the field name)
 * @param minScoreWithContext a span with context scores at least this
 * @param allowList exact values never reported (e.g. {@code support@example.com}); compared case-sensitively
 */
public record AnalyzerConfig(
        double minScore, int contextWindow, double contextBoost, double minScoreWithContext, Set<String> allowList) {

    public static final double DEFAULT_MIN_SCORE = 0.5;
    public static final int DEFAULT_CONTEXT_WINDOW = 5;

    public AnalyzerConfig {
        requireNonNull(allowList, "allowList");
        allowList = Set.copyOf(allowList);
        if (minScore < 0 || minScore > 1) throw new IllegalArgumentException("minScore must be in [0, 1]");
        if (contextWindow < 0) throw new IllegalArgumentException("contextWindow must be >= 0");
    }

    public static AnalyzerConfig defaults() {
        return new AnalyzerConfig(DEFAULT_MIN_SCORE, DEFAULT_CONTEXT_WINDOW, 0.35, 0.4, Set.of());
    }

    public AnalyzerConfig withMinScore(double s) {
        return new AnalyzerConfig(s, contextWindow, contextBoost, minScoreWithContext, allowList);
    }

    public AnalyzerConfig withContextWindow(int w) {
        return new AnalyzerConfig(minScore, w, contextBoost, minScoreWithContext, allowList);
    }

    public AnalyzerConfig withAllowList(Set<String> allow) {
        return new AnalyzerConfig(minScore, contextWindow, contextBoost, minScoreWithContext, allow);
    }
}
