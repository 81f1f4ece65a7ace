package org.seqengine.seqctl;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole: its SHA-256 (for idempotency keys) and its rows with the
 * file line each starts on (blank lines and quoted line breaks counted), header names case-insensitive.
 */
public final class CsvInput {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One data row: the line it starts on and its values by lower-case column name (absent when the row is short). */
    public record Row(long line, Map<String, String> values) {
        /** The trimmed value, or null when missing or blank. */
        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private final Path path;
    private final byte[] bytes;
    private final List<String> header;
    private final List<Row> rows;

    private CsvInput(Path path, byte[] bytes, List<String> header, List<Row> rows) {
        this.path = path;
        this.bytes = bytes;
        this.header = header;
        this.rows = rows;
    }

    /** Reads and parses the file; an unreadable or malformed file is a usage error. */
    public static CsvInput read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = " " + text.substring(1); // a BOM: keep the offsets, the header is trimmed
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord record : parser) {
                Map<String, String> values = new java.util.HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.putIfAbsent(header.get(i), record.get(i));
                }
                rows.add(new Row(lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition())), values));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new CliException(CliException.USAGE, "cannot parse " + path + " as CSV: " + e.getMessage());
        }
        if (header.isEmpty()) throw new CliException(CliException.USAGE, path + " is empty: a header row is required");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !seen.add(name)) {
                throw new CliException(CliException.USAGE, "cannot parse " + path + " as CSV: the column " + name + " appears twice");
            }
        }
        return new CsvInput(path, bytes, header, rows);
    }

    public Path path() {
        return path;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean hasColumn(String name) {
        return header.contains(name);
    }

    /** The hex SHA-256 of the file's bytes: the same file, the same idempotency keys. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record's position counts the blank lines skipped before it: its first character is after them. */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) at++;
        return at;
    }

    /** The 1-based line holding this character offset. */
    private static long lineOf(int[] lineStarts, long position) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= position) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1L;
    }
}
