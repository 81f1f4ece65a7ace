package org.seqengine.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Which files hold a value: for tests that check an erased value left a broker's or a service's files. */
public final class FileScan {

    private FileScan() {}

    /**
     * {@code <file>: <value>} for every regular file under {@code roots} whose bytes hold one of {@code values}
     * (UTF-8, as Avro and JSON write text); a root that does not exist holds nothing. A file deleted while it is read
     * (a segment the cleaner replaced) is skipped; a directory that changes while it is walked is reported as
     * {@code <root>: changing}, so the caller looks again.
     */
    public static List<String> filesHolding(Collection<Path> roots, Collection<String> values) {
        List<String> names = List.copyOf(values);
        List<byte[]> needles = names.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).toList();
            } catch (UncheckedIOException | IOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                if (cause instanceof NoSuchFileException) {
                    hits.add(root + ": changing");
                    continue;
                }
                throw new IllegalStateException("Could not walk " + root, e);
            }
            for (Path file : files) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(bytes, needles.get(i)) >= 0) hits.add(file + ": " + names.get(i));
                }
            }
        }
        return hits;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
