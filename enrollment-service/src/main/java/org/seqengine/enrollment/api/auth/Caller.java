package org.seqengine.enrollment.api.auth;

import jakarta.enterprise.context.RequestScoped;

/** The organization the request's API key belongs to; everything the request sees is scoped to it. */
@RequestScoped
public class Caller {

    private String orgId;

    public String orgId() {
        if (orgId == null) {
            throw new IllegalStateException("no authenticated organization for this request");
        }
        return orgId;
    }

    void authenticate(String orgId) {
        this.orgId = orgId;
    }
}
