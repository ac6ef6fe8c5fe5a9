package dev.sopkit.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One SOP file, mapped leniently: a field that is missing or of the wrong type is null (or an empty
 * list), because the schema check has already reported it and cross-document rules still run.
 *
 * <p>{@code prose} holds the free text the author writes (the purpose, each step's {@code do},
 * each promise's description) once more, with where it was written, for rules about the wording;
 * the fields above keep the plain text for everything else.
 */
public record Sop(
    String file,
    Ref id,
    String title,
    Ref department,
    Ref owner,
    Status status,
    String version,
    Ref effective,
    Review review,
    String purpose,
    List<Ref> stages,
    List<Ref> channels,
    List<Input> inputs,
    List<Output> outputs,
    List<Promise> promises,
    List<Kpi> kpis,
    List<Reference> references,
    List<Step> steps,
    List<Suppression> suppressions,
    Ref approver,
    List<Ref> prose) {

  /** An SOP without suppressions or approver (the form most code and tests build). */
  public Sop(
      String file,
      Ref id,
      String title,
      Ref department,
      Ref owner,
      Status status,
      String version,
      Ref effective,
      Review review,
      String purpose,
      List<Ref> stages,
      List<Ref> channels,
      List<Input> inputs,
      List<Output> outputs,
      List<Promise> promises,
      List<Kpi> kpis,
      List<Reference> references,
      List<Step> steps) {
    this(
        file, id, title, department, owner, status, version, effective, review, purpose, stages,
        channels, inputs, outputs, promises, kpis, references, steps, List.of(), null, List.of());
  }

  /** The SOP id, or null when the file has none. */
  public String idText() {
    return id == null ? null : id.value();
  }

  public String departmentText() {
    return department == null ? null : department.value();
  }

  public boolean retired() {
    return status == Status.RETIRED;
  }

  public record Review(Ref every, Ref last) {
    /**
     * When the next review is due: the last review plus the period, or null without either or with
     * a value that is not a real date or period (the schema and date checks report those). The
     * review-overdue rule, {@code sop list} and {@code sop show} all use it, so they agree.
     */
    public LocalDate due() {
      if (every == null || last == null) {
        return null;
      }
      try {
        return Dates.parse(last.value()).plus(Period.parse(every.value()));
      } catch (DateTimeException | ArithmeticException e) {
        return null;
      }
    }
  }

  /** An input; {@code pickup} is the longest time the department takes to start on it. */
  public record Input(Ref artifact, Ref from, Ref sop, Ref pickup) {
    public Input(Ref artifact, Ref from, Ref sop) {
      this(artifact, from, sop, null);
    }
  }

  public record Output(Ref artifact, List<Ref> to) {}

  /** A promise; {@code calendar} (null: the department's) counts business forms of within. */
  public record Promise(
      Ref id, Ref channel, Ref within, Ref until, String description, Ref calendar) {
    public Promise(Ref id, Ref channel, Ref within, Ref until, String description) {
      this(id, channel, within, until, description, null);
    }
  }

  public record Kpi(String id, String target, String description) {}

  public record Reference(String title, String url) {}

  /**
   * An accepted finding: one rule, one artifact, a written reason, and optionally the last day it
   * holds ({@code until}); after that the finding is reported again.
   */
  public record Suppression(Ref rule, Ref artifact, String reason, Ref until) {}

  public record Step(
      Ref id,
      Ref role,
      String instruction,
      String when,
      List<Ref> systems,
      Ref duration,
      List<Ref> produces) {}
}
