package org.seqengine.exclusion.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything known at one company domain: the people there, the company and opportunity records
 * from every CRM, and the exclusion lists naming the domain. {@code domain} null: the people
 * without a domain (one person each).
 */
public record DomainFacts(String domain, List<PersonView> people, List<CrmObject> companies,
                          List<CrmObject> opportunities, Set<String> lists) {

    public DomainFacts {
        people = people.stream().sorted(Comparator.comparing(PersonView::personId)).toList();
        companies = companies.stream().filter(CrmObject::visible).toList();
        opportunities = opportunities.stream().filter(CrmObject::visible).toList();
        lists = new TreeSet<>(lists);
    }
}
