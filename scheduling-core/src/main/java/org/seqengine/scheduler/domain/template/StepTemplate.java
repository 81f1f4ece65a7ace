package org.seqengine.scheduler.domain.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A step's subject and body checked together at dispatch time: either both render, or the step is
 * blocked with every problem. The block reason is {@code INVALID_VARIABLES} when any variable is
 * unknown or malformed (the step text must be fixed), else {@code MISSING_VARIABLES} (the person
 * record must gain the values).
 */
public final class StepTemplate {

  public enum BlockReason { MISSING_VARIABLES, INVALID_VARIABLES }

  public sealed interface Result {}

  public record Ready(String subject, String body) implements Result {}

  public record Blocked(BlockReason reason, List<VariableProblem> problems) implements Result {
    public Blocked {
      problems = List.copyOf(problems);
    }
  }

  private StepTemplate() {}

  /** Null subject or body (a TASK step has no subject) renders as null. */
  public static Result render(String subject, String body, Map<String, ?> person, TemplateFields fields) {
    RenderResult s = TemplateRenderer.render(subject, "subject", person, fields);
    RenderResult b = TemplateRenderer.render(body, "body", person, fields);
    if (s instanceof RenderResult.Rendered rs && b instanceof RenderResult.Rendered rb) {
      return new Ready(subject == null ? null : rs.text(), body == null ? null : rb.text());
    }
    List<VariableProblem> problems = new ArrayList<>();
    if (s instanceof RenderResult.Unresolved us) {
      problems.addAll(us.problems());
    }
    if (b instanceof RenderResult.Unresolved ub) {
      problems.addAll(ub.problems());
    }
    boolean invalid = problems.stream().anyMatch(p -> p.kind().isInvalid());
    return new Blocked(invalid ? BlockReason.INVALID_VARIABLES : BlockReason.MISSING_VARIABLES, problems);
  }

  public static Result render(String subject, String body, Map<String, ?> person) {
    return render(subject, body, person, TemplateFields.PERSON);
  }
}
