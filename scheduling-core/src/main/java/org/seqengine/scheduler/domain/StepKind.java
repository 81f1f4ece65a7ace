package org.seqengine.scheduler.domain;

/** EMAIL steps use mailbox capacity; TASK steps create a task and count against no limit. */
public enum StepKind {
  EMAIL,
  TASK;

  public boolean usesMailboxCapacity() {
    return this == EMAIL;
  }
}
