package org.seqengine.exclusion.streams;

/** Where an enrollment was last routed, and what the stages downstream were told about it. */
record EnrollmentRoute(String personId, String mailboxId, String sequenceId, boolean active, boolean started) {}
