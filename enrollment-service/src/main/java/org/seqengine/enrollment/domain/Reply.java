package org.seqengine.enrollment.domain;

import java.time.Instant;

public record Reply(String replyId, String subject, ReplyClassification classification, Instant receivedAt) {}
