package dev.sopkit.lint;

import dev.sopkit.diag.Severity;

/**
 * What a rule is: its id (never renamed once released), default severity, a lowercase summary
 * without a trailing period, and the version that introduced it.
 */
public record RuleMeta(String id, Severity defaultSeverity, String summary, String since) {}
