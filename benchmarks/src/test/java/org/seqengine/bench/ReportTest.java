package org.seqengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    @Test
    void aRunWrittenAsJsonReadsBackAndComparesRowByRow() throws Exception {
        Result decide = Result.throughput("decide", "enrollment-service, exactly_once_v2", 1000, 5000.0, 0.2, 300.0, 500.0);
        Report.Run a = new Report.Run("2026-11-30T00:00:00Z", Map.of("cores", 2), List.of(decide));
        Report.Run b = new Report.Run("2026-11-30T01:00:00Z", Map.of("cores", 2), List.of(
                Result.throughput("decide", "enrollment-service, exactly_once_v2", 1000, 10000.0, 0.1, 300.0, 500.0),
                Result.throughput("restore", "only in b", 1, 1.0, 1.0, null, null)));
        Report.write(a, dir.resolve("a.json"));
        Report.write(b, dir.resolve("b.json"));

        Report.Run readA = Report.read(dir.resolve("a.json"));
        assertThat(readA.results()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("decide | enrollment-service, exactly_once_v2");
            assertThat(r.throughput()).isEqualTo(5000.0);
        });

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.compare(readA, Report.read(dir.resolve("b.json")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("decide | enrollment-service, exactly_once_v2").contains("2.00")
                .doesNotContain("only in b");
    }
}
