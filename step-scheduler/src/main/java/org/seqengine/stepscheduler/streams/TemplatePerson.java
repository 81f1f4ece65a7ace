package org.seqengine.stepscheduler.streams;

import java.util.Map;

/**
 * The person's template fields, kept by the mailbox stage for an enrollment blocked for template variables (store
 * {@link StoreNames#TEMPLATE_PEOPLE}, in memory: they are personal values).
 */
public record TemplatePerson(Map<String, Object> fields) {
}
