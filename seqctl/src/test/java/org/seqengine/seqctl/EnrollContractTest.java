package org.seqengine.seqctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The requests {@code seqctl enroll} sends satisfy the seed's OpenAPI contract of {@code POST /enrollments}. */
@Timeout(60)
class EnrollContractTest {

    static final Path SEED = Path.of("..", "enrollment-service", "src", "test", "resources", "contract",
            "seed-create-enrollment.openapi.yaml");

    @TempDir
    Path dir;

    @Test
    void enrollRequestsMatchTheSeedContract() throws Exception {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(Files.readString(SEED)).withBasePathOverride("/sequences/v1").build();
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "person_id\n" + ApiCommandsTest.ADA + "\n" + ApiCommandsTest.BOB + "\n");
        try (StubApi api = new StubApi(ApiCommandsTest::enrollments)) {
            Run run = Run.of(ApiCommandsTest.env(api), "enroll", "--csv", csv.toString(), "--sequence", ApiCommandsTest.SEQ,
                    "--mailbox", "sam@acme.test");
            assertThat(run.exitCode()).as(run.err()).isZero();

            // the contract bites: a body without person_id is a violation
            StubApi.Request any = api.requests("POST", "/enrollments").get(0);
            SimpleRequest.Builder broken = SimpleRequest.Builder.post(any.pathAndQuery()).withBody("{\"sequence_id\":\"" + ApiCommandsTest.SEQ + "\"}");
            any.headers().forEach((name, values) -> broken.withHeader(name, values));
            assertThat(validator.validateRequest(broken.build()).getMessages()).isNotEmpty();

            List<StubApi.Request> posts = api.requests("POST", "/enrollments");
            assertThat(posts).hasSize(2);
            for (StubApi.Request post : posts) {
                SimpleRequest.Builder request = SimpleRequest.Builder.post(post.pathAndQuery()).withBody(post.bodyText());
                post.headers().forEach((name, values) -> request.withHeader(name, values));
                ValidationReport report = validator.validateRequest(request.build());
                assertThat(report.getMessages()).as("violations of the seed contract in %s", post.bodyText()).isEmpty();
            }
        }
    }
}
