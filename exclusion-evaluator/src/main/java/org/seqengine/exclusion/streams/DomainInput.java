package org.seqengine.exclusion.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seqengine.exclusion.domain.CrmChange;
import org.seqengine.exclusion.domain.PersonView;

/** What changes at a domain (the domain stage's input, keyed {@code org/<domain>} or {@code org/~/<person_id>}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DomainInput.PersonArrived.class, name = "person"),
        @JsonSubTypes.Type(value = DomainInput.PersonLeft.class, name = "left"),
        @JsonSubTypes.Type(value = DomainInput.ListEntry.class, name = "list"),
        @JsonSubTypes.Type(value = DomainInput.CrmRecordChange.class, name = "crm")})
public sealed interface DomainInput {

    /** The person is at this domain now, with these facts. */
    record PersonArrived(PersonView view) implements DomainInput {}

    /** The person left the domain (moved elsewhere, or {@code erased}: the person record is gone) at view {@code version}. */
    record PersonLeft(String personId, long version, boolean erased) implements DomainInput {}

    /** An exclusion list names the domain ({@code present}) or no longer does. */
    record ListEntry(String listId, boolean present) implements DomainInput {}

    /** A company or opportunity change at the domain. */
    record CrmRecordChange(CrmChange change) implements DomainInput {}
}
