package org.seqengine.filter;

import java.util.List;
import java.util.Set;

/**
 * What a filter is evaluated on for one person.
 *
 * @param domain                the person's normalized company domain ({@link Domains#normalize}); may be null
 * @param person                the person's fields merged from the person record and their CRM records
 *                              (a field's latest change wins); may be null
 * @param companies             every company record at the domain, from any CRM
 * @param opportunities         every opportunity record at the domain, from any CRM
 * @param listsContainingDomain ids of the exclusion lists that contain the domain
 */
public record Facts(String domain, SourceRecord person, List<SourceRecord> companies,
                    List<SourceRecord> opportunities, Set<String> listsContainingDomain) {

    public Facts {
        companies = companies == null ? List.of() : companies;
        opportunities = opportunities == null ? List.of() : opportunities;
        listsContainingDomain = listsContainingDomain == null ? Set.of() : listsContainingDomain;
    }
}
