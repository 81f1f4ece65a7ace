package org.seqengine.service.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * The organization the request's API key belongs to (everything the request sees is scoped to it)
 * and who acts: the optional {@code X-Actor} header, e.g. a user id.
 */
@RequestScoped
public class Caller {

    private String orgId;
    private String actorHeader;

    public String orgId() {
        if (orgId == null) {
            throw new IllegalStateException("no authenticated organization for this request");
        }
        return orgId;
    }

    /** What commands record as their actor: {@code org_id}, or {@code org_id:x-actor} when the header is given. */
    public String actor() {
        return actorHeader == null ? orgId() : orgId() + ":" + actorHeader;
    }

    void authenticate(String orgId, String actorHeader) {
        this.orgId = orgId;
        this.actorHeader = actorHeader;
    }
}
