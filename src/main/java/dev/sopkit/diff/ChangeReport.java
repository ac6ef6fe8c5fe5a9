package dev.sopkit.diff;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * What a change does between departments: the result of {@link Comparison#between}. Every list is
 * sorted (department pair or department, then SOP, then artifact), so output is deterministic.
 *
 * @param notes things the reader should know about the comparison itself (unreadable files)
 * @param reviews the departments whose handoffs the change touches, by id, with their reviewers;
 *     empty when org.yaml names no reviewers
 */
public record ChangeReport(
    String rev,
    String commit,
    List<HandoffChange> handoffs,
    List<InputChange> inputs,
    List<PromiseChange> promises,
    List<SopChange> sops,
    List<String> notes,
    List<Review> reviews) {

  /**
   * A department whose work a change touches.
   *
   * @param reviewers who reviews for it (org.yaml at the base revision, then now); empty when
   *     nobody is named
   * @param changes what the change does to its work, one sentence each
   */
  public record Review(String department, List<String> reviewers, List<String> changes) {}

  /** Everyone to ask for a review, sorted, without repeats: what a workflow requests. */
  public List<String> reviewers() {
    TreeSet<String> out = new TreeSet<>();
    reviews.forEach(r -> out.addAll(r.reviewers()));
    return List.copyOf(out);
  }

  /** A handoff (one department's output picked up as another's input) that appeared or went. */
  public record HandoffChange(
      boolean added, String fromDepartment, String fromSop, String toDepartment, String toSop,
      String artifact) {}

  /**
   * An input that nobody in force hands over any more (broken), or again (fixed).
   *
   * @param reason why it is broken, as {@code unmatched-input} says; null for fixed inputs
   * @param producers the producer's side of a broken input, where there is one: the outputs that
   *     handed it over at the base revision, then the other side {@code unmatched-input} names now;
   *     empty for fixed inputs
   */
  public record InputChange(
      boolean broken, String fromDepartment, String toDepartment, String sop, String artifact,
      String file, int line, String reason, List<Producer> producers) {
    public InputChange {
      producers = List.copyOf(producers);
    }
  }

  /**
   * One output line on the producer's side of a broken input.
   *
   * @param base true for a line of the base revision, false for the working tree
   * @param sop the producing SOP's id
   * @param message what is there, e.g. "output 'refund-confirmation' handed it over here"
   */
  public record Producer(boolean base, String file, int line, int column, String sop, String message) {}

  /**
   * A promise whose worst-case time or deadline changed, or that appeared or went.
   *
   * @param until the artifact the clock runs until
   * @param before the promise at the base revision, or null when it had none
   * @param after the promise now, or null when it is gone
   */
  public record PromiseChange(
      String department, String sop, String promise, String until, PromiseTime before,
      PromiseTime after) {}

  /**
   * @param within the deadline
   * @param worstCase the longest time along handoffs until the artifact is produced, in the
   *     deadline's measure (working time for business days); null when no path produces it
   * @param withinText a business deadline in words (5 business days); null for elapsed time
   * @param worstText a business deadline's worst case in words; null for elapsed time or when
   *     unreachable
   * @param worstStart the start that causes the worst case; null when every start gives it
   */
  public record PromiseTime(
      Duration within, Duration worstCase, String withinText, String worstText, String worstStart) {
    public boolean atRisk() {
      return worstCase == null || worstCase.compareTo(within) > 0;
    }
  }

  /** What changed about one SOP. */
  public enum SopKind {
    ADDED("added"),
    REMOVED("removed"),
    RETIRED("retired"),
    STATUS("status changed"),
    OWNER("owner changed"),
    VERSION("version changed"),
    UNVERSIONED("content changed, version did not");

    private final String label;

    SopKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param before the old value (status, owner, version), or null where the kind has none
   * @param after the new value, or null
   */
  public record SopChange(
      SopKind kind, String department, String sop, String title, String file, String before,
      String after) {}

  /** Inputs this change breaks: the reason for {@code --fail-on-breaking}. */
  public long broken() {
    return inputs.stream().filter(InputChange::broken).count();
  }

  public long unversioned() {
    return sops.stream().filter(s -> s.kind() == SopKind.UNVERSIONED).count();
  }

  public boolean empty() {
    return handoffs.isEmpty() && inputs.isEmpty() && promises.isEmpty() && sops.isEmpty();
  }
}
