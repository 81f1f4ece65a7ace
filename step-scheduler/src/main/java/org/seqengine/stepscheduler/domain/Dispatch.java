package org.seqengine.stepscheduler.domain;

/**
 * A {@code DispatchStep} the scheduler sent: never sent twice (the command id is made of these), and
 * the next try of the same step is {@code attempt + 1}.
 *
 * @param retry sent because the cause of a block was fixed
 */
public record Dispatch(int stepIndex, int attempt, long at, boolean retry) {}
