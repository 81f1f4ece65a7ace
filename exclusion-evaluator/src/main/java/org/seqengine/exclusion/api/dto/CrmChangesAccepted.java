package org.seqengine.exclusion.api.dto;

/** Answer of {@code POST /crm-changes}: how many changes were published. */
public record CrmChangesAccepted(int accepted) {
}
