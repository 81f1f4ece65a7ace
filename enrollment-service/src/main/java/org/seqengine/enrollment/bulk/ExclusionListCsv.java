package org.seqengine.enrollment.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.seqengine.filter.Domains;

/**
 * The CSV of an exclusion list ({@code PUT /exclusion-lists/{id}}): a header row naming
 * {@code company_name} and {@code domain} (any order, any case, other columns ignored), then one
 * company per row. Domains are normalized and deduplicated (the first row of a domain wins); blank
 * lines are skipped. Every bad row is reported with its line number in the file (the header is line
 * 1), up to {@link #MAX_ERRORS}; a file with any error yields no entries.
 */
public final class ExclusionListCsv {

    public static final String COMPANY_NAME = "company_name";
    public static final String DOMAIN = "domain";
    public static final int MAX_ROWS = 100_000;
    public static final int MAX_COMPANY_NAME = 200;
    static final int MAX_ERRORS = 100;

    /** A host name after normalization: dot-separated labels of a-z 0-9 and inner hyphens, at most 253 characters. */
    /** One company of the list. */
    public record Entry(String companyName, String domain) {}

    /**
     * A problem with the file: {@code line} is the row's line number (null for the file as a whole),
     * {@code column} the CSV column at fault (null for the row or file).
     */
    public record Problem(Long line, String column, String code, String message) {}

    /** The deduplicated entries in file order, or the problems (then no entries). */
    public record Parsed(List<Entry> entries, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ExclusionListCsv() {}

    /** Domains are normalized as everywhere else ({@link Domains#normalize}); one that does not normalize is invalid. */
    public static Parsed parse(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        String text = csv == null ? "" : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            String nameColumn = column(parser, COMPANY_NAME);
            String domainColumn = column(parser, DOMAIN);
            if (nameColumn == null || domainColumn == null) {
                return problem(null, null, "csv_header_required",
                        "The first row must name the columns company_name and domain.");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            long rows = 0;
            LineCounter lines = new LineCounter(text);
            for (CSVRecord row : parser) {
                if (++rows > MAX_ROWS) {
                    problems.add(0, new Problem(null, null, "too_many_rows",
                            "At most " + MAX_ROWS + " rows are allowed per list."));
                    break;
                }
                long line = lines.lineAt(row.getCharacterPosition());
                String rawDomain = value(row, domainColumn);
                String name = value(row, nameColumn);
                String domain = rawDomain == null ? null : Domains.normalize(rawDomain);
                if (rawDomain == null) {
                    problems.add(new Problem(line, DOMAIN, "required", "The domain is missing."));
                } else if (domain == null) {
                    problems.add(new Problem(line, DOMAIN, "invalid_domain", "Not a company domain."));
                } else if (name != null && name.length() > MAX_COMPANY_NAME) {
                    problems.add(new Problem(line, COMPANY_NAME, "too_long",
                            "At most " + MAX_COMPANY_NAME + " characters."));
                } else {
                    entries.putIfAbsent(domain, new Entry(name, domain));
                }
            }
            if (problems.isEmpty() && entries.isEmpty()) {
                return problem(null, null, "rows_required", "The list has no company; DELETE removes a list.");
            }
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_ERRORS))));
            }
            return new Parsed(List.copyOf(entries.values()), List.of());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports malformed input (an unterminated quote, a duplicate header) this way
            return problem(null, null, "invalid_csv", "The CSV could not be read: " + e.getMessage());
        }
    }

    /** Line numbers (1-based) of increasing character positions, counted once over the text. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** The line a record starts on; its position may point at blank lines the parser skipped before it. */
        long lineAt(long characterPosition) {
            int end = (int) Math.min(characterPosition, text.length());
            for (; position < end || (position < text.length() && isLineBreak(text.charAt(position))); position++) {
                if (text.charAt(position) == '\n') line++;
            }
            return line;
        }

        private static boolean isLineBreak(char c) {
            return c == '\n' || c == '\r';
        }
    }

    private static String column(CSVParser parser, String wanted) {
        for (String name : parser.getHeaderNames()) {
            if (name.trim().toLowerCase(Locale.ROOT).equals(wanted)) return name;
        }
        return null;
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) return null;
        String v = row.get(column);
        return v.isBlank() ? null : v.trim();
    }

    private static Parsed problem(Long line, String column, String code, String message) {
        return new Parsed(List.of(), List.of(new Problem(line, column, code, message)));
    }
}
