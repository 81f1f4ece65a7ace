package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check reads the right names out of PromQL. */
class PromQueryTest {

    @Test
    void findsTheMetricsNotTheFunctionsLabelsOrGroupings() {
        PromQuery query = new PromQuery("histogram_quantile(0.99, sum by (le) (rate(scheduler_dispatch_lateness_seconds_bucket"
                + "{job=\"step-scheduler\",le!=\"+Inf\"}[$__rate_interval]))) / on (job) group_left max(up{job=~\"a|b\"} >= 0)");
        assertThat(query.metricNames()).containsExactlyInAnyOrder("scheduler_dispatch_lateness_seconds_bucket", "up");
        assertThat(query.jobs()).containsExactlyInAnyOrder("step-scheduler", "a", "b");
    }

    @Test
    void aQueryWithoutJobMatcherSelectsNoJob() {
        PromQuery query = new PromQuery("sum by (job, source_topic) (increase(enrollment_dead_letters_total[5m]))");
        assertThat(query.metricNames()).containsExactly("enrollment_dead_letters_total");
        assertThat(query.jobs()).isEmpty();
    }
}
