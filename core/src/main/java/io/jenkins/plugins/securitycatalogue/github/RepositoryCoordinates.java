package io.jenkins.plugins.securitycatalogue.github;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository on a GitHub host, read from the ways people write it: {@code https://github.com/acme/shop},
 * {@code https://github.com/acme/shop.git}, {@code git@github.com:acme/shop.git}, {@code ssh://git@host/acme/shop}
 * or a GitHub Enterprise URL such as {@code https://git.example.com/acme/shop/tree/main}.
 *
 * @param host the web host, lower case ({@code github.com} or the Enterprise host)
 * @param owner the owning organisation or user
 * @param name the repository's name
 */
public record RepositoryCoordinates(String host, String owner, String name) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern WEB = Pattern.compile(
            "(?i)^(?:https?|ssh|git)://(?:[^@/]+@)?([^/:]+)(?::\\d+)?/([^/]+)/([^/?#]+?)(?:\\.git)?(?:[/?#].*)?$");
    private static final Pattern SCP = Pattern.compile("(?i)^[^@/]+@([^:/]+):([^/]+)/([^/]+?)(?:\\.git)?/?$");

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public RepositoryCoordinates {
        host = host.toLowerCase(Locale.ROOT);
        if (!PART.matcher(owner).matches() || !PART.matcher(name).matches() || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("'" + owner + "/" + name + "' is not a GitHub repository name");
        }
    }

    /** Returns the repository a URL or git address points to, if it is one. */
    public static Optional<RepositoryCoordinates> parse(String repository) {
        String text = repository.strip();
        Matcher matcher = WEB.matcher(text);
        if (!matcher.matches()) {
            matcher = SCP.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new RepositoryCoordinates(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        catch (IllegalArgumentException exception) {
            return Optional.empty();
        }
    }

    /** Returns {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }

    /** Returns whether the repository is on github.com rather than on a GitHub Enterprise server. */
    public boolean isGitHubCom() {
        return host.equals("github.com") || host.equals("www.github.com");
    }

    /**
     * Returns the API URL to use when none is configured: {@code https://api.github.com} for github.com, else
     * {@code https://HOST/api/v3}, GitHub Enterprise Server's usual address.
     */
    public String defaultApiUrl() {
        return isGitHubCom() ? GitHubSettings.GITHUB_COM_API : "https://" + host + "/api/v3";
    }

    @Override
    public String toString() {
        return host + "/" + fullName();
    }
}
