package io.jenkins.plugins.securitycatalogue.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped example post-mortems of public incidents, read from {@code examples/post-mortems}. */
final class Examples {
    static final Path DIRECTORY = Path.of("..", "examples", "post-mortems");

    private Examples() {
    }

    /** Returns the example files, sorted by name. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Reads one example by the start of its file name. */
    static MarkdownImport.Result read(String prefix) {
        return files().stream()
                .filter(file -> file.getFileName().toString().startsWith(prefix))
                .map(Examples::read)
                .findFirst()
                .orElseThrow();
    }

    static MarkdownImport.Result read(Path file) {
        try {
            return MarkdownImport.read(Files.readString(file));
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
