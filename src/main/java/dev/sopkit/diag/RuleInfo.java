package dev.sopkit.diag;

/**
 * What a report format may say about a rule: SARIF lists every rule with its help text so a code
 * scanning service can explain a finding without the tool at hand.
 *
 * @param description the first paragraph of the rule's page, one line
 * @param helpMarkdown the rule's whole page (docs/rules/ID.md), or null when it has none
 * @param helpUri where the page is published
 */
public record RuleInfo(
    String id,
    Severity defaultSeverity,
    String summary,
    String description,
    String helpMarkdown,
    String helpUri) {}
