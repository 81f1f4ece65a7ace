package org.seqengine.enrollment.domain.reference;

/** Whether this system may write to a CRM of the organization (opt-outs are written back to READ_WRITE ones). */
public enum CrmAccess { READ_ONLY, READ_WRITE }
