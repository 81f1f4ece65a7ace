package org.seqengine.seqctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTest {

    @TempDir
    Path dir;

    @Test
    void rowsCarryTheFileLineTheyStartOnCountingBlankLinesAndQuotedLineBreaks() throws Exception {
        Path csv = dir.resolve("people.csv");
        // a BOM, CRLF line ends, a header in another case, a blank line, a note spanning two lines
        Files.write(csv, ("\uFEFFPerson_ID,Note\r\nA,one\r\n\r\nB,\"two\r\nlines\"\r\nC,three").getBytes(StandardCharsets.UTF_8));

        CsvInput input = CsvInput.read(csv);

        assertThat(input.header()).containsExactly("person_id", "note");
        assertThat(input.rows()).extracting(row -> row.line() + ":" + row.get("person_id")).containsExactly("2:A", "4:B", "6:C");
        assertThat(input.rows().get(1).get("note")).isEqualTo("two\r\nlines");
    }

    @Test
    void theHashFollowsTheContent() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "person_id\nx\n");
        Files.writeString(b, "person_id\nx\n");
        assertThat(CsvInput.read(a).sha256()).isEqualTo(CsvInput.read(b).sha256()).hasSize(64);
        Files.writeString(b, "person_id\ny\n");
        assertThat(CsvInput.read(b).sha256()).isNotEqualTo(CsvInput.read(a).sha256());
    }

    @Test
    void anEmptyFileOrADuplicateColumnIsAUsageError() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CsvInput.read(empty)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(CliException.USAGE));
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "person_id,person_id\na,b\n");
        assertThatThrownBy(() -> CsvInput.read(twice)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).contains("cannot parse"));
    }
}
