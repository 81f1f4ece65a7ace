package org.seqengine.scheduler.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

  @Test
  void splitsTextAndVariablesAllowingSpacesInsideTheBraces() {
    assertThat(TemplateParser.parse("Hi {{first_name}}, how is {{ attributes.title }}?")).containsExactly(
        new TemplateToken.Text("Hi ", 0),
        new TemplateToken.Variable("first_name", "{{first_name}}", 3),
        new TemplateToken.Text(", how is ", 17),
        new TemplateToken.Variable("attributes.title", "{{ attributes.title }}", 26),
        new TemplateToken.Text("?", 48));
  }

  @Test
  void singleBracesArePlainText() {
    assertThat(TemplateParser.parse("a {b} c")).containsExactly(new TemplateToken.Text("a {b} c", 0));
    assertThat(TemplateParser.parse("")).isEmpty();
    assertThat(TemplateParser.parse(null)).isEmpty();
  }

  @Test
  void reportsEachKindOfMalformedVariable() {
    assertThat(malformed("Hi {{first_name")).containsExactly("'{{' is never closed with '}}'");
    assertThat(malformed("Hi {{ }}")).containsExactly("empty variable");
    assertThat(malformed("Hi {{first name}}")).containsExactly("'first name' is not a variable name");
    assertThat(malformed("Hi {{{first_name}}}")).containsExactly("'{first_name' is not a variable name");
    assertThat(malformed("Hi first_name}}")).containsExactly("'}}' without an opening '{{'");
    assertThat(malformed("{{a {{first_name}}")).containsExactly("'{{' is never closed with '}}'");
  }

  @Test
  void anUnclosedVariableDoesNotSwallowTheNextOne() {
    List<TemplateToken> tokens = TemplateParser.parse("{{a {{first_name}}");
    assertThat(tokens).last().isEqualTo(new TemplateToken.Variable("first_name", "{{first_name}}", 4));
  }

  private static List<String> malformed(String text) {
    return TemplateParser.parse(text).stream()
        .filter(TemplateToken.Malformed.class::isInstance).map(t -> ((TemplateToken.Malformed) t).reason()).toList();
  }
}
