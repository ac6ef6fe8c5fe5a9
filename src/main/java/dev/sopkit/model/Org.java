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
    Map<String, Ref> lint) {

  public record Department(Ref id, String name, boolean external, String prefix, String description) {}

  public record Role(Ref id, String name, Ref department, String description) {}

  public record Channel(Ref id, String kind, String name) {}
}
