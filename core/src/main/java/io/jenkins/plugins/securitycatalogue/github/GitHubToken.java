package io.jenkins.plugins.securitycatalogue.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A personal access token, fine-grained token or {@code GITHUB_TOKEN}. It is read from an environment variable or a
 * file, never from a command-line argument (which other users can see in the process list), and it is never shown:
 * {@link #toString()} masks it and no message names it.
 */
public final class GitHubToken implements GitHubCredentials {
    private static final int MAX_LENGTH = 4096;

    private final String value;

    private GitHubToken(String value) {
        this.value = value;
    }

    /**
     * Returns the token with the value, stripped of surrounding white space.
     *
     * @throws IllegalArgumentException if the value is blank, too long or has white space or control characters
     */
    public static GitHubToken of(String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The GitHub token is empty");
        }
        if (stripped.length() > MAX_LENGTH || !stripped.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("The GitHub token is not a token: it is too long or has spaces, "
                    + "line breaks or other characters that no GitHub token has");
        }
        return new GitHubToken(stripped);
    }

    /**
     * Reads the token from the environment variable.
     *
     * @param variable the variable's name
     * @param environment the environment, usually {@link System#getenv()}
     * @throws IllegalArgumentException naming the variable (never its value) if it is unset or not a token
     */
    public static GitHubToken fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The environment variable " + variable
                    + " that should hold the GitHub token is not set or empty");
        }
        try {
            return of(value);
        }
        catch (IllegalArgumentException exception) {
            throw new IllegalArgumentException("The environment variable " + variable + ": "
                    + exception.getMessage(), exception);
        }
    }

    /**
     * Reads the token from the first line of a file.
     *
     * @throws IllegalArgumentException naming the file (never its content) if it cannot be read or is no token
     */
    public static GitHubToken fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new IllegalArgumentException("Cannot read the GitHub token file " + file + ": "
                    + exception.getClass().getSimpleName(), exception);
        }
        String firstLine = content.strip().split("\\R", 2)[0];
        try {
            return of(firstLine);
        }
        catch (IllegalArgumentException exception) {
            throw new IllegalArgumentException("The GitHub token file " + file + ": " + exception.getMessage(),
                    exception);
        }
    }

    @Override
    public String authorization() {
        return "Bearer " + value;
    }

    /** Returns a masked form; the token itself is never shown. */
    @Override
    public String toString() {
        return "GitHubToken[****]";
    }
}
