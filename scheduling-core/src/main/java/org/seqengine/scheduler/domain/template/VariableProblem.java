package org.seqengine.scheduler.domain.template;

/**
 * A variable that keeps a step from going out. {@code variable} is the name, or the raw text for a
 * malformed one; {@code where} names the text it is in ({@code subject}, {@code body}).
 */
public record VariableProblem(Kind kind, String variable, String where, int offset, String message) {

  public enum Kind {
    /** A known field with no value for this person: the person record must gain it. */
    MISSING,
    /** A well-formed name that is no known field: the step text must change. */
    UNKNOWN,
    /** Not a variable at all ({{, {{ }}, {{first name}}): the step text must change. */
    MALFORMED;

    public boolean isInvalid() {
      return this != MISSING;
    }
  }
}
