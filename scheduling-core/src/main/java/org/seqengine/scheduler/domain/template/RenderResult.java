package org.seqengine.scheduler.domain.template;

import java.util.List;

/** Rendered text, or every problem that keeps it from rendering. */
public sealed interface RenderResult {

  record Rendered(String text) implements RenderResult {}

  record Unresolved(List<VariableProblem> problems) implements RenderResult {
    public Unresolved {
      problems = List.copyOf(problems);
    }
  }
}
