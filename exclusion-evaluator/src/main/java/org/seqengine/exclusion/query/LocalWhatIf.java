package org.seqengine.exclusion.query;

import java.util.Set;

/** One instance's what-if share and the domain-stage partitions it covers (so the caller can see each counted once). */
public record LocalWhatIf(WhatIfResult result, Set<Integer> partitions) {}
