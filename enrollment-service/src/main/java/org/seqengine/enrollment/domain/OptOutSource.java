package org.seqengine.enrollment.domain;

/** Where an opt-out came from. */
public enum OptOutSource { LINK, ADMIN, CRM, REPLY, API }
