package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a recording says about a service. Values left {@code null} keep what the catalogue has; given values
 * replace it.
 *
 * @param name the service's key: letters, digits, dot, dash and underscore, starting with a letter or digit
 * @param team the owning team
 * @param description a short description
 * @param repository the source repository (a URL, or a git address such as {@code git@host:org/repo.git})
 * @param tier the service's criticality tier, for example {@code tier-1}
 * @param links named http or https links: dashboards, runbooks
 */
public record ServiceMetadata(String name, @CheckForNull String team, @CheckForNull String description,
        @CheckForNull String repository, @CheckForNull String tier, Map<String, String> links) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern REMOTE = Pattern.compile("(?i)(ssh|git|git\\+ssh)://[^\\s/@]+(@[^\\s/]+)?(/\\S*)?");
    private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:[\\w./~-]+");
    private static final Pattern LINK_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");

    /**
     * Validates and cleans the metadata.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public ServiceMetadata {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Service name '" + Texts.line(name) + "' is not valid: use up to 100 "
                    + "letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        team = bounded(team, 200, "team");
        description = Texts.clean(description, Texts.MAX_DESCRIPTION);
        repository = repository(bounded(repository, 1000, "repository"));
        tier = bounded(tier, 100, "tier");
        Map<String, String> checked = new LinkedHashMap<>();
        links.forEach((linkName, url) -> checked.put(linkName(linkName), linkUrl(linkName, url)));
        links = Map.copyOf(checked);
    }

    /** Returns metadata with only a name. */
    public static ServiceMetadata named(String name) {
        return new ServiceMetadata(name, null, null, null, null, Map.of());
    }

    /**
     * Accepts the addresses a source repository has: http and https URLs, {@code ssh://} and {@code git://} URLs,
     * and the short SSH form {@code git@host:org/repo.git}; anything else ({@code javascript:}, {@code file:},
     * ...) is refused, since the address reaches pages and terminals.
     */
    @CheckForNull
    private static String repository(@CheckForNull String address) {
        if (address == null || REMOTE.matcher(address).matches() || SCP_LIKE.matcher(address).matches()) {
            return address;
        }
        var http = Texts.httpUrl(address);
        if (http.isPresent()) {
            return http.get();
        }
        throw new IllegalArgumentException("Repository '" + address + "' must be an http, https, ssh or git URL, "
                + "or an SSH address such as git@host:org/repo.git");
    }

    @CheckForNull
    private static String bounded(@CheckForNull String value, int max, String what) {
        String cleaned = Texts.line(value);
        if (cleaned != null && cleaned.length() > max) {
            throw new IllegalArgumentException("The " + what + " is longer than " + max + " characters");
        }
        return cleaned;
    }

    private static String linkName(String name) {
        String cleaned = Texts.line(name);
        if (cleaned == null || !LINK_NAME.matcher(cleaned).matches()) {
            throw new IllegalArgumentException("Link name '" + Texts.line(name) + "' is not valid: use up to 100 letters, "
                    + "digits, spaces, '.', '-' or '_'");
        }
        return cleaned;
    }

    private static String linkUrl(String name, String url) {
        return Texts.httpUrl(url).orElseThrow(() -> new IllegalArgumentException(
                "Link '" + Texts.line(name) + "' must be an absolute http or https URL, got '" + Texts.line(url) + "'"));
    }
}
