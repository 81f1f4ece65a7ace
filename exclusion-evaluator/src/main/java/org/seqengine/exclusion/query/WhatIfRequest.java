package org.seqengine.exclusion.query;

import org.seqengine.filter.Filter;
import org.seqengine.filter.RuleLevel;

/** A proposed version of rule {@code ruleId} (new or existing) of {@code orgId}; {@code filter} already validated. */
public record WhatIfRequest(String orgId, String ruleId, RuleLevel level, Filter filter, boolean excludeFromSequences,
                            boolean removeFromActiveSequences) {}
