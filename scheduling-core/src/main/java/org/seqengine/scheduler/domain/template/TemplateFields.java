package org.seqengine.scheduler.domain.template;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables a template may use, and how each reads its value from a record seen as a
 * {@code Map} of its fields. Plain names read the field of that name; {@code <map>.<key>} reads
 * {@code key} from the nested map field {@code <map>} (for a person, {@code attributes.title}).
 */
public record TemplateFields(Set<String> names, Set<String> mapFields) {

  /** The person record's fields (schemas' PersonRecord) usable in a step's subject and body. */
  public static final TemplateFields PERSON = new TemplateFields(
      Set.of("first_name", "last_name", "email", "company_domain", "linkedin_url"),
      Set.of("attributes"));

  public TemplateFields {
    names = Set.copyOf(names);
    mapFields = Set.copyOf(mapFields);
  }

  public boolean isKnown(String variable) {
    if (names.contains(variable)) {
      return true;
    }
    int dot = variable.indexOf('.');
    return dot > 0 && mapFields.contains(variable.substring(0, dot)) && variable.indexOf('.', dot + 1) < 0;
  }

  /** The value of a known variable; empty when absent, null, or blank. */
  public Optional<String> valueOf(String variable, Map<String, ?> record) {
    Object value;
    int dot = variable.indexOf('.');
    if (dot < 0) {
      value = record.get(variable);
    } else {
      value = record.get(variable.substring(0, dot)) instanceof Map<?, ?> nested ? nested.get(variable.substring(dot + 1)) : null;
    }
    return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
  }
}
