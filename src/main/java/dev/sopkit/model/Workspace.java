package dev.sopkit.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A loaded SOP repository: the organisation and every SOP that could be read, with the lookups that
 * rules share. Built once per run; rules index from here instead of scanning pairs.
 */
public final class Workspace {
  private final Org org;
  private final List<Sop> sops;
  private final LocalDate today;
  private final Map<String, Org.Department> departments = new HashMap<>();
  private final Set<String> roles = new HashSet<>();
  private final Set<String> channels = new HashSet<>();
  private final Set<String> stages = new HashSet<>();
  private final Set<String> systems = new HashSet<>();
  private final Map<String, Sop> sopsById = new HashMap<>();

  /**
   * @param today the date that date-based rules measure against (the command's {@code --today})
   */
  public Workspace(Org org, List<Sop> sops, LocalDate today) {
    this.org = org;
    this.today = today;
    this.sops = List.copyOf(sops);
    for (Org.Department d : org.departments()) {
      if (d.id() != null) {
        departments.putIfAbsent(d.id().value(), d);
      }
    }
    org.roles().forEach(r -> addId(roles, r.id()));
    org.channels().forEach(c -> addId(channels, c.id()));
    org.stages().forEach(s -> addId(stages, s));
    org.systems().forEach(s -> addId(systems, s));
    for (Sop sop : this.sops) {
      if (sop.id() != null) {
        sopsById.putIfAbsent(sop.id().value(), sop); // first in path order wins; duplicate-id says so
      }
    }
  }

  private static void addId(Set<String> into, Ref ref) {
    if (ref != null) {
      into.add(ref.value());
    }
  }

  public LocalDate today() {
    return today;
  }

  public Org org() {
    return org;
  }

  /** SOPs in file-path order. */
  public List<Sop> sops() {
    return sops;
  }

  public Stream<Sop.Step> allSteps() {
    return sops.stream().flatMap(s -> s.steps().stream());
  }

  public Org.Department department(String id) {
    return departments.get(id);
  }

  public boolean isExternal(String department) {
    Org.Department d = departments.get(department);
    return d != null && d.external();
  }

  public Set<String> departmentIds() {
    return new TreeSet<>(departments.keySet());
  }

  public Set<String> roleIds() {
    return roles;
  }

  public Set<String> channelIds() {
    return channels;
  }

  public Set<String> stageIds() {
    return stages;
  }

  public Set<String> systemIds() {
    return systems;
  }

  /** The first SOP (in path order) with this id, or null. */
  public Sop sop(String id) {
    return sopsById.get(id);
  }
}
