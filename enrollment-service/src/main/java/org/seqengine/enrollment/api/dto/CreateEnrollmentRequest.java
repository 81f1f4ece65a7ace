package org.seqengine.enrollment.api.dto;

import java.util.List;

/** The seed's CreateEnrollmentRequest. */
public record CreateEnrollmentRequest(String sequenceId, String personId, List<String> mailboxEmails) {}
