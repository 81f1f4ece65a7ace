package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.FinishReason;

/** The company keys of the enrollment index: the enrollment's own domain first, else the person's current one. */
class EnrollmentIndexKeysTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final Enrollment QUEUED = new Enrollment("e1", "org", "p1", "s1", "m1", AT, AT, null, null, 0, 0,
            null, null, null, null, null, false, false, null);

    @Test
    void anEnrollmentIsListedUnderTheDomainItWasEnrolledAtByEveryStatusItHas() {
        Enrollment e = QUEUED.toBuilder().companyDomain("acme.test").build();
        assertThat(EnrollmentIndexKeys.of(e, "elsewhere.test")).contains(
                "org/co/acme.test/e1", "org/cost/acme.test/IN_PROGRESS/e1", "org/cost/acme.test/QUEUED/e1")
                .noneMatch(k -> k.startsWith("org/co/elsewhere.test/") || k.startsWith("org/cost/elsewhere.test/"));
        // the bulk-job index stays the person's current domain
        assertThat(EnrollmentIndexKeys.of(e, "elsewhere.test")).contains("org/dom/elsewhere.test/e1");

        Enrollment finished = e.toBuilder().finishReason(FinishReason.UNENROLLED).canceled(true).endedAt(AT).build();
        assertThat(EnrollmentIndexKeys.of(finished, null)).contains("org/co/acme.test/e1",
                "org/cost/acme.test/FINISHED/e1", "org/cost/acme.test/CANCELED/e1")
                .doesNotContain("org/cost/acme.test/IN_PROGRESS/e1");
    }

    @Test
    void withoutItsOwnDomainTheEnrollmentIsListedUnderThePersonsNormalizedDomainOrNowhere() {
        assertThat(EnrollmentIndexKeys.of(QUEUED, "https://www.Acme.TEST/about")).contains("org/co/acme.test/e1",
                "org/cost/acme.test/QUEUED/e1");
        assertThat(EnrollmentIndexKeys.of(QUEUED, null)).noneMatch(k -> k.contains("/co/") || k.contains("/cost/"));
        assertThat(EnrollmentIndexKeys.of(QUEUED, "localhost")).noneMatch(k -> k.contains("/co/") || k.contains("/cost/"));
    }

    @Test
    void companyPrefixesDoNotOverlap() {
        // org/co/<d>/ must never range over org/cost/... keys, nor one domain over another
        assertThat("org/cost/acme.test/QUEUED/e1").doesNotStartWith(EnrollmentIndexKeys.byCompany("org", "acme.test"));
        assertThat("org/co/acme.test.uk/e1").doesNotStartWith(EnrollmentIndexKeys.byCompany("org", "acme.test"));
    }
}
