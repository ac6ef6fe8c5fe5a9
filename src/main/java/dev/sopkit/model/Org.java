package dev.sopkit.model;

import java.util.List;
import java.util.Map;

/** org.yaml: what SOPs may refer to. {@code lint} maps rule ids to severity names. */
public record Org(
    String file,
    String name,
    List<Department> departments,
    List<Role> roles,
    List<Channel> channels,
    List<Ref> stages,
    List<Ref> systems,
    Map<String, Ref> lint,
    List<Calendar> calendars,
    Ref calendar,
    List<Reviewers> reviewers) {

  /** An org without calendars (everything is worked around the clock in UTC) or reviewers. */
  public Org(
      String file,
      String name,
      List<Department> departments,
      List<Role> roles,
      List<Channel> channels,
      List<Ref> stages,
      List<Ref> systems,
      Map<String, Ref> lint) {
    this(file, name, departments, roles, channels, stages, systems, lint, List.of(), null, List.of());
  }

  /**
   * A department; {@code calendar} (null: the org's default) names the hours it works, {@code
   * head} (null: none named) the role that leads it.
   */
  public record Department(
      Ref id,
      String name,
      boolean external,
      String prefix,
      String description,
      Ref calendar,
      Ref head) {
    public Department(Ref id, String name, boolean external, String prefix, String description) {
      this(id, name, external, prefix, description, null, null);
    }

    public Department(
        Ref id, String name, boolean external, String prefix, String description, Ref calendar) {
      this(id, name, external, prefix, description, calendar, null);
    }
  }

  /**
   * One entry of {@code calendars:}. {@code hours} is either {@code allWeek} (the text "24/7") or
   * {@code days}, each a day or day range ({@code mon-fri}) with its time ranges; {@code
   * hoursMap} says whether {@code hours} was a map (an empty one works no hours at all).
   */
  public record Calendar(
      Ref id,
      Ref timezone,
      Ref allWeek,
      List<DayHours> days,
      List<Ref> holidays,
      boolean hoursMap) {}

  /** A key of a calendar's {@code hours} map with its ranges ({@code "09:00-17:00"}). */
  public record DayHours(Ref days, List<Ref> ranges) {}

  /** One entry of {@code reviewers:}: a department or role id and its people or teams. */
  public record Reviewers(Ref of, List<Ref> handles) {}

  public record Role(Ref id, String name, Ref department, String description) {}

  public record Channel(Ref id, String kind, String name) {}
}
