package org.seqengine.enrollment.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV body of {@code POST /unenroll-jobs} ({@code text/csv}): a header row naming the column,
 * {@code enrollment_id} or {@code company_domain}, then one value per row. Other columns are
 * ignored (so an export of the seeds' lists uploads as it is); blank values are skipped.
 */
public final class CsvTargets {

    public static final String ENROLLMENT_ID = "enrollment_id";
    public static final String COMPANY_DOMAIN = "company_domain";

    /** The selector column found and its values; {@code column == null} when the header has neither. */
    public record Parsed(String column, List<String> values) {}

    private CsvTargets() {}

    public static Parsed parse(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
            String column = null;
            for (String name : parser.getHeaderNames()) {
                String n = name.toLowerCase(Locale.ROOT).trim();
                if (n.equals(ENROLLMENT_ID) || n.equals(COMPANY_DOMAIN)) {
                    column = name;
                    break;
                }
            }
            if (column == null) return new Parsed(null, List.of());
            List<String> values = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (row.isMapped(column) && row.isSet(column) && !row.get(column).isBlank()) values.add(row.get(column));
            }
            return new Parsed(column.toLowerCase(Locale.ROOT).trim(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
