package io.jenkins.plugins.securitycatalogue.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One report file to read: its name for messages and a way to open it, perhaps more than once. */
public interface ReportInput {
    /** Returns the name that messages use, a path relative to the workspace where possible. */
    String name();

    /** Opens the content from its first byte. */
    InputStream open() throws IOException;

    /** Returns the file on disk, for parsers that need one (the analysis-model bridge). */
    Optional<Path> path();

    /** Returns the input for a file, named by the given display name. */
    static ReportInput of(Path file, String name) {
        return new ReportInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(file);
            }
        };
    }

    /** Returns the input for a file, named by its path. */
    static ReportInput of(Path file) {
        return of(file, file.toString());
    }
}
