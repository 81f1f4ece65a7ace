package org.seqengine.exclusion.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /crm-changes}: 1 to 1,000 changes, published together or not at all. */
public record CrmChangesRequest(
        @NotNull @Size(min = 1, max = CrmLimits.CHANGES) List<@NotNull @Valid CrmChangeBody> changes) {
}
