package org.seqengine.enrollment.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.bulk.ExclusionListCsv.Entry;
import org.seqengine.enrollment.bulk.ExclusionListCsv.Parsed;
import org.seqengine.enrollment.bulk.ExclusionListCsv.Problem;

class ExclusionListCsvTest {

    /** Stands in for the project's normalization: lower case, no scheme, no www., no path. */
    @Test
    void readsNormalizesAndDeduplicatesInFileOrder() {
        Parsed parsed = ExclusionListCsv.parse("""
                Domain,Company_Name,notes
                https://www.Rival.example/about,Rival Inc,x

                other.example,"Other, Ltd",
                rival.example,Rival again,
                """);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.entries()).containsExactly(new Entry("Rival Inc", "rival.example"),
                new Entry("Other, Ltd", "other.example"));
    }

    @Test
    void aCompanyNameIsOptional() {
        assertThat(ExclusionListCsv.parse("company_name,domain\n,a.example\n").entries())
                .containsExactly(new Entry(null, "a.example"));
    }

    @Test
    void everyBadRowIsListedWithItsLineAndNothingIsKept() {
        Parsed parsed = ExclusionListCsv.parse("company_name,domain\nGood,good.example\nNo domain,\n\n"
                + "Bad,not a domain\nPort,host.example:8080\n\"multi\nline\",x\n");
        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                new Problem(3L, "domain", "required", "The domain is missing."),
                new Problem(5L, "domain", "invalid_domain", "Not a company domain."),
                // line 6, host.example:8080, is host.example: ports are dropped like everywhere else
                new Problem(7L, "domain", "invalid_domain", "Not a company domain."));
    }

    @Test
    void theHeaderMustNameBothColumns() {
        assertThat(ExclusionListCsv.parse("company,domain\nA,a.example\n").problems())
                .extracting(Problem::code).containsExactly("csv_header_required");
        assertThat(ExclusionListCsv.parse("").problems()).extracting(Problem::code)
                .containsExactly("csv_header_required");
    }

    @Test
    void anEmptyListOrAnUnreadableFileIsRefused() {
        assertThat(ExclusionListCsv.parse("company_name,domain\n").problems()).extracting(Problem::code)
                .containsExactly("rows_required");
        assertThat(ExclusionListCsv.parse("company_name,domain\n\"unterminated,a.example\n").problems())
                .extracting(Problem::code).containsExactly("invalid_csv");
    }

    @Test
    void atMostOneHundredThousandRows() {
        StringBuilder csv = new StringBuilder("company_name,domain\n");
        for (int i = 0; i <= ExclusionListCsv.MAX_ROWS; i++) csv.append("C,c").append(i).append(".example\n");
        Parsed parsed = ExclusionListCsv.parse(csv.toString());
        assertThat(parsed.problems()).extracting(Problem::code).containsExactly("too_many_rows");

        Parsed full = ExclusionListCsv.parse(csv.substring(0, csv.lastIndexOf("C,c")));
        assertThat(full.entries()).hasSize(ExclusionListCsv.MAX_ROWS);
    }

    @Test
    void aLongCompanyNameIsABadRow() {
        assertThat(ExclusionListCsv.parse("company_name,domain\n" + "n".repeat(201) + ",a.example\n").problems())
                .extracting(Problem::line, Problem::column, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "company_name", "too_long"));
    }
}
