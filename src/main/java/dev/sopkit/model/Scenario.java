package dev.sopkit.model;

import java.util.List;

/**
 * One scenario file (scenarios/*.yaml under the SOP root), mapped leniently like {@link Sop}: a
 * field that is missing or of the wrong type is null (or an empty list), since the schema check
 * reports it.
 *
 * @param name the case in a few words
 * @param pos where the file starts (for problems of the whole case)
 * @param startSop the id of the SOP the case starts at
 * @param startAt when it starts, as written
 * @param choices the decisions at steps with a {@code when:}
 * @param expect what must hold; null when the file has no {@code expect} mapping
 */
public record Scenario(
    String file,
    String name,
    SourcePos pos,
    Ref startSop,
    Ref startAt,
    List<Choice> choices,
    Expect expect) {

  /** A step of an SOP, by id or by its text, taken or not. */
  public record Choice(Ref sop, Ref step, boolean taken) {}

  /**
   * The expectations; a list is null when not given (and then not checked), and {@code
   * *Pos} is where its key is written.
   */
  public record Expect(
      List<Ref> departments,
      SourcePos departmentsPos,
      List<Ref> sops,
      SourcePos sopsPos,
      List<Ref> handovers,
      SourcePos handoversPos,
      Ref until,
      Ref by,
      Ref within) {}
}
