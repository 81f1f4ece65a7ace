package org.seqengine.scheduler.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTemplateTest {

  private static final Map<String, Object> ADA = person();

  private static Map<String, Object> person() {
    Map<String, Object> p = new HashMap<>();
    p.put("first_name", "Ada");
    p.put("last_name", "Lovelace");
    p.put("email", "ada@example.com");
    p.put("company_domain", "example.com");
    p.put("linkedin_url", null);
    p.put("attributes", Map.of("title", "CTO", "blank", "  "));
    return p;
  }

  @Test
  void rendersWhenEveryVariableResolves() {
    StepTemplate.Result r = StepTemplate.render("{{first_name}} at {{company_domain}}", "Dear {{ first_name }}, as {{attributes.title}}...", ADA);
    assertThat(r).isEqualTo(new StepTemplate.Ready("Ada at example.com", "Dear Ada, as CTO..."));
  }

  @Test
  void aTaskWithoutSubjectRendersItsBody() {
    assertThat(StepTemplate.render(null, "Call {{first_name}}", ADA)).isEqualTo(new StepTemplate.Ready(null, "Call Ada"));
  }

  @Test
  void aKnownFieldWithNoValueIsMissing() {
    StepTemplate.Result r = StepTemplate.render("Hi {{first_name}}", "{{linkedin_url}} {{attributes.blank}} {{attributes.phone}} {{linkedin_url}}", ADA);
    assertThat(r).isInstanceOf(StepTemplate.Blocked.class);
    StepTemplate.Blocked blocked = (StepTemplate.Blocked) r;
    assertThat(blocked.reason()).isEqualTo(StepTemplate.BlockReason.MISSING_VARIABLES);
    assertThat(blocked.problems()).extracting(VariableProblem::kind, VariableProblem::variable, VariableProblem::where).containsExactly(
        tuple(VariableProblem.Kind.MISSING, "linkedin_url", "body"),
        tuple(VariableProblem.Kind.MISSING, "attributes.blank", "body"),
        tuple(VariableProblem.Kind.MISSING, "attributes.phone", "body"));
  }

  @Test
  void unknownAndMalformedVariablesMakeTheStepInvalid() {
    StepTemplate.Result r = StepTemplate.render("{{favorite_color}}", "{{attributes}} {{attributes.a.b}} {{first name}} {{ }} {{last_name}} {{title", ADA);
    StepTemplate.Blocked blocked = (StepTemplate.Blocked) r;
    assertThat(blocked.reason()).isEqualTo(StepTemplate.BlockReason.INVALID_VARIABLES);
    assertThat(blocked.problems()).extracting(VariableProblem::kind, VariableProblem::variable, VariableProblem::where).containsExactly(
        tuple(VariableProblem.Kind.UNKNOWN, "favorite_color", "subject"),
        tuple(VariableProblem.Kind.UNKNOWN, "attributes", "body"),
        tuple(VariableProblem.Kind.UNKNOWN, "attributes.a.b", "body"),
        tuple(VariableProblem.Kind.MALFORMED, "{{first name}}", "body"),
        tuple(VariableProblem.Kind.MALFORMED, "{{ }}", "body"),
        tuple(VariableProblem.Kind.MALFORMED, "{{title", "body"));
  }

  @Test
  void variableNamesAreCaseSensitive() {
    StepTemplate.Blocked blocked = (StepTemplate.Blocked) StepTemplate.render("{{First_Name}}", "", ADA);
    assertThat(blocked.problems()).extracting(VariableProblem::kind).containsExactly(VariableProblem.Kind.UNKNOWN);
  }

  @Test
  void theFieldSetIsAParameter() {
    TemplateFields fields = new TemplateFields(java.util.Set.of("nickname"), java.util.Set.of());
    assertThat(TemplateRenderer.render("{{nickname}}", "body", Map.of("nickname", "Ada"), fields))
        .isEqualTo(new RenderResult.Rendered("Ada"));
  }
}
