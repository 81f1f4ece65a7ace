package org.seqengine.enrollment.api.dto;

import java.util.List;
import org.seqengine.enrollment.bulk.ExclusionLists;

/**
 * An exclusion list: its name (its rule's), how many companies it holds, and one page of them in
 * domain order; {@code next_after} is the {@code after} of the next page (null on the last).
 */
public record ExclusionListView(String id, String name, int count, List<Company> companies, String nextAfter) {

    public record Company(String companyName, String domain) {}

    public static ExclusionListView of(ExclusionLists.ListPage page) {
        return new ExclusionListView(page.id(), page.name(), page.count(),
                page.companies().stream().map(c -> new Company(c.getCompanyName(), c.getDomain())).toList(), page.nextAfter());
    }
}
