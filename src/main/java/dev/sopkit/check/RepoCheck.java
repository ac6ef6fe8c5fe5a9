package dev.sopkit.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Severity;
import dev.sopkit.lint.Linter;
import dev.sopkit.lint.RuleRegistry;
import dev.sopkit.load.ModelMapper;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.RepoScanner.Listing;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.model.Dates;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Scenario;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.scenario.Instants;
import dev.sopkit.time.Calendars;
import dev.sopkit.validate.SchemaValidator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The whole check of a repository: read and schema-check every file (in parallel, each file parsed
 * once), map what could be read to the model, then run the cross-document rules.
 */
public final class RepoCheck {
  private RepoCheck() {}

  /**
   * Findings sorted for output, the number of files read, the workspace for later stages, and the
   * scenario files that could be mapped (for {@code sop test}).
   */
  public record Result(
      List<Diagnostic> findings, int files, Workspace workspace, List<Scenario> scenarios) {}

  /**
   * What checking one SOP file found: its YAML and schema findings, and its model (null when it
   * could not be mapped). It depends only on the file's bytes and display path.
   */
  public record FileResult(List<Diagnostic> findings, Sop sop) {}

  public static Result run(Listing listing, LocalDate today) {
    return run(listing, today, RepoCheck::check);
  }

  /**
   * Checks a repository, each SOP file through {@code check}: {@link #check}, or a stand-in that
   * gives the result of a file with the same bytes and display path checked before.
   */
  public static Result run(Listing listing, LocalDate today, Function<SourceFile, FileResult> check) {
    List<Diagnostic> findings = new ArrayList<>(listing.problems());
    SourceFile orgFile = Objects.requireNonNull(listing.org(), "org file");
    ParsedYaml orgDoc = YamlLoader.load(orgFile);
    Org org;
    if (orgDoc.ok()) {
      findings.addAll(SchemaValidator.of(SchemaValidator.Kind.ORG).validate(orgDoc, null));
      org = ModelMapper.org(orgDoc);
      findings.addAll(Calendars.of(org).problems());
    } else {
      findings.add(orgDoc.problem());
      org = ModelMapper.emptyOrg(orgFile.display());
    }
    Timings.mark("org.yaml");

    List<FileResult> results = listing.sops().parallelStream().map(check).toList();
    List<Sop> sops = new ArrayList<>(results.size());
    for (FileResult r : results) {
      findings.addAll(r.findings());
      if (r.sop() != null) {
        sops.add(r.sop());
      }
    }
    Workspace ws = new Workspace(org, sops, today);
    Timings.mark("files");
    // Without a readable org.yaml every reference would look unknown: report the file, not the echo.
    if (orgDoc.ok()) {
      findings.addAll(new Linter(RuleRegistry.ALL).run(ws, Timings::rule));
    }
    Timings.mark("rules");
    List<Scenario> scenarios = new ArrayList<>();
    for (SourceFile f : listing.scenarios()) {
      Scenario sc = scenario(f, findings);
      if (sc != null) {
        scenarios.add(sc);
      }
    }
    findings.sort(Diagnostic.ORDER);
    return new Result(
        List.copyOf(findings),
        listing.sops().size() + listing.scenarios().size() + 1,
        ws,
        List.copyOf(scenarios));
  }

  /**
   * Reads and schema-checks one scenario file, with the instants that have the right shape but do
   * not exist (2026-02-30T10:00, an unknown time zone); its model, or null when it is no mapping.
   */
  private static Scenario scenario(SourceFile file, List<Diagnostic> findings) {
    ParsedYaml doc = YamlLoader.load(file);
    if (!doc.ok()) {
      findings.add(doc.problem());
      return null;
    }
    findings.addAll(SchemaValidator.of(SchemaValidator.Kind.SCENARIO).validate(doc, null));
    if (!doc.root().isObject()) {
      return null;
    }
    Scenario sc = ModelMapper.scenario(doc);
    realInstant(sc.startAt(), "start.at", findings);
    if (sc.expect() != null) {
      realInstant(sc.expect().by(), "expect.by", findings);
    }
    return sc;
  }

  private static void realInstant(Ref at, String field, List<Diagnostic> out) {
    String problem = at == null ? null : Instants.problem(at.value());
    if (problem != null) {
      out.add(
          Diagnostic.at(
              at.pos(), SchemaValidator.RULE, Severity.ERROR, null, field + ": " + problem));
    }
  }

  /** Reads, parses and schema-checks one SOP file and maps it to the model. */
  public static FileResult check(SourceFile file) {
    ParsedYaml doc = YamlLoader.load(file);
    if (!doc.ok()) {
      return new FileResult(List.of(doc.problem()), null);
    }
    JsonNode id = doc.root().path("id");
    String sopId = id.isTextual() ? id.textValue() : null;
    List<Diagnostic> findings =
        new ArrayList<>(SchemaValidator.of(SchemaValidator.Kind.SOP).validate(doc, sopId));
    if (!doc.root().isObject()) {
      return new FileResult(findings, null);
    }
    Sop sop = ModelMapper.sop(doc);
    realDate(sop.effective(), "effective", sopId, findings);
    if (sop.review() != null) {
      realDate(sop.review().last(), "review.last", sopId, findings);
    }
    for (int i = 0; i < sop.suppressions().size(); i++) {
      realDate(sop.suppressions().get(i).until(), "suppress[" + i + "].until", sopId, findings);
    }
    return new FileResult(findings, sop);
  }

  /** The schema checks the shape YYYY-MM-DD; only the calendar knows 2026-02-30 does not exist. */
  private static void realDate(Ref date, String field, String sopId, List<Diagnostic> out) {
    if (date == null || !Dates.shaped(date.value())) {
      return;
    }
    try {
      Dates.parse(date.value());
    } catch (DateTimeException e) {
      out.add(
          Diagnostic.at(
              date.pos(),
              SchemaValidator.RULE,
              Severity.ERROR,
              sopId,
              field + ": '" + date.value() + "' is not a real date"));
    }
  }
}
