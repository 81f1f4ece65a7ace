package org.seqengine.scheduler.domain.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and renders one text against a record. Every problem is reported (each variable once per
 * text and kind, at its first occurrence); the text renders only when there is none. Values are
 * inserted as they are: escaping for HTML bodies is the mailer's job.
 */
public final class TemplateRenderer {

  private TemplateRenderer() {}

  public static RenderResult render(String text, String where, Map<String, ?> record, TemplateFields fields) {
    StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
    Map<String, VariableProblem> problems = new LinkedHashMap<>();
    for (TemplateToken token : TemplateParser.parse(text)) {
      if (token instanceof TemplateToken.Text t) {
        out.append(t.text());
      } else if (token instanceof TemplateToken.Malformed m) {
        problems.putIfAbsent("M" + m.raw(),
            new VariableProblem(VariableProblem.Kind.MALFORMED, m.raw(), where, m.offset(), m.reason()));
      } else if (token instanceof TemplateToken.Variable v) {
        if (!fields.isKnown(v.name())) {
          problems.putIfAbsent("U" + v.name(), new VariableProblem(VariableProblem.Kind.UNKNOWN, v.name(), where,
              v.offset(), "'" + v.name() + "' is not a known variable"));
          continue;
        }
        Optional<String> value = fields.valueOf(v.name(), record);
        if (value.isEmpty()) {
          problems.putIfAbsent("X" + v.name(), new VariableProblem(VariableProblem.Kind.MISSING, v.name(), where,
              v.offset(), "'" + v.name() + "' has no value for this person"));
          continue;
        }
        out.append(value.get());
      }
    }
    return problems.isEmpty()
        ? new RenderResult.Rendered(out.toString())
        : new RenderResult.Unresolved(new ArrayList<>(problems.values()));
  }
}
