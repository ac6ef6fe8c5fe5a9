package dev.sopkit.render.config;

import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import java.util.Comparator;
import java.util.List;

/** Shared helpers of the config views: which SOPs count, and null-safe reads of model fields. */
final class InForce {
  private InForce() {}

  /**
   * The SOPs that IT systems should follow, sorted by id: approved and in-review ones (in force as
   * written). Drafts are not yet in force and retired SOPs no longer are.
   */
  static List<Sop> sops(Workspace ws) {
    return ws.sops().stream()
        .filter(s -> s.idText() != null && s.status() != Status.DRAFT && !s.retired())
        .sorted(Comparator.comparing(Sop::idText))
        .toList();
  }

  static String text(Ref ref) {
    return ref == null ? null : ref.value();
  }

  static List<String> texts(List<Ref> refs) {
    return refs.stream().map(Ref::value).toList();
  }
}
