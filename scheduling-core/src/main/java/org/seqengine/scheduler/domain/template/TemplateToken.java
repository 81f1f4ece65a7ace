package org.seqengine.scheduler.domain.template;

/** A piece of step text: literal text, a well-formed {@code {{variable}}}, or a malformed one. */
public sealed interface TemplateToken {

  /** Where the token starts in the text (0-based character offset). */
  int offset();

  record Text(String text, int offset) implements TemplateToken {}

  /** {@code name} is the trimmed inside of the braces, such as {@code attributes.title}. */
  record Variable(String name, String raw, int offset) implements TemplateToken {}

  record Malformed(String raw, int offset, String reason) implements TemplateToken {}
}
