package dev.sopkit.lint;

import dev.sopkit.diag.Related;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The part of a rule that checks one SOP on its own (and, at most, org.yaml), whose reports are
 * remembered for the SOP objects of the last run and told again. The daemon hands the next run the
 * very objects of the files that did not change (models are never changed once built), so there
 * the part costs one identity lookup per file; a run of its own checks every SOP once, as without
 * it. The severity, suppressions and configuration are applied afresh to what is told again, by
 * the reporter of the run.
 *
 * <p>Only the last run's objects are kept, and what else the check reads is named as a context
 * (org.yaml's model), compared by value: another context checks every SOP again. Runs that overlap
 * at worst check some SOPs twice.
 */
public final class PerSop {
  private volatile Memo last = new Memo(null, new IdentityHashMap<>());

  private record Memo(Object context, Map<Sop, List<Consumer<Reporter>>> reports) {}

  /**
   * Checks {@code sops} in their order by {@code check}, reporting to {@code out}.
   *
   * @param context all that {@code check} reads besides the SOP (or what that is derived from)
   * @param check reports what it finds in one SOP; the same function on every run
   */
  public void check(List<Sop> sops, Object context, BiConsumer<Sop, Reporter> check, Reporter out) {
    Memo before = last;
    Map<Sop, List<Consumer<Reporter>>> known =
        Objects.equals(before.context(), context) ? before.reports() : Map.of();
    Map<Sop, List<Consumer<Reporter>>> now = new IdentityHashMap<>(sops.size() * 2);
    for (Sop sop : sops) {
      List<Consumer<Reporter>> reports = known.get(sop);
      if (reports == null) {
        Recording recording = new Recording();
        check.accept(sop, recording);
        reports = recording.calls.isEmpty() ? List.of() : recording.calls;
      }
      now.put(sop, reports);
      reports.forEach(r -> r.accept(out));
    }
    last = new Memo(context, now);
  }

  /** Keeps the reports of one SOP's check, to be told to a run's reporter. */
  private static final class Recording implements Reporter {
    final List<Consumer<Reporter>> calls = new ArrayList<>(0);

    @Override
    public void report(SourcePos pos, String format, Object... args) {
      calls.add(r -> r.report(pos, format, args));
    }

    @Override
    public void reportArtifact(SourcePos pos, String artifact, String format, Object... args) {
      calls.add(r -> r.reportArtifact(pos, artifact, format, args));
    }

    @Override
    public void reportMilder(SourcePos pos, String format, Object... args) {
      calls.add(r -> r.reportMilder(pos, format, args));
    }

    @Override
    public void reportHandoff(
        SourcePos pos, String artifact, List<Related> related, String format, Object... args) {
      calls.add(r -> r.reportHandoff(pos, artifact, related, format, args));
    }
  }
}
