package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a SARIF {@code artifactLocation} into the path the catalogue shows: relative to the source root where
 * the log says where that is ({@code uriBaseId} and {@code run.originalUriBaseIds}), the local path of other
 * {@code file:} URIs, and other URIs (https, git, ...) as written. A URI that is not valid (spaces and the
 * like) is kept as text rather than failing the file.
 */
final class ArtifactLocations {
    private static final int MAX_BASE_DEPTH = 8;
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]+):");
    private static final Pattern DRIVE = Pattern.compile("^/[A-Za-z]:/.*");

    private final Map<String, Location> baseIds = new HashMap<>();
    private final List<Location> artifacts = new ArrayList<>();
    @CheckForNull
    private List<String> roots;

    /** A URI with the id of the base it is relative to. */
    private record Location(@CheckForNull String uri, @CheckForNull String baseId) {
        static Location of(@CheckForNull JsonNode node) {
            return new Location(Json.text(node, "uri"), Json.text(node, "uriBaseId"));
        }
    }

    /** Takes the run's {@code originalUriBaseIds}: base id to {@code {uri, uriBaseId}}. */
    void baseIds(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> baseIds.put(entry.getKey(), Location.of(entry.getValue())));
            roots = null;
        }
    }

    /** Takes the next element of the run's {@code artifacts}, so that locations can refer to it by index. */
    void artifact(JsonNode artifact) {
        artifacts.add(Location.of(Json.at(artifact, "location")));
    }

    /** Returns the path of an {@code artifactLocation}, or {@code null} if it names none. */
    @CheckForNull
    String path(@CheckForNull JsonNode artifactLocation) {
        Location location = Location.of(artifactLocation);
        if (location.uri() == null) {
            Location artifact = artifact(Json.number(artifactLocation, "index"));
            location = new Location(artifact.uri(),
                    location.baseId() == null ? artifact.baseId() : location.baseId());
        }
        return location.uri() == null ? null : resolve(location.uri(), location.baseId());
    }

    private Location artifact(@CheckForNull Double index) {
        if (index == null || index < 0 || index >= artifacts.size()) {
            return new Location(null, null);
        }
        return artifacts.get(index.intValue());
    }

    private String resolve(String uri, @CheckForNull String baseId) {
        Optional<String> scheme = scheme(uri);
        if (scheme.isEmpty()) {
            return withoutDotSlash(prefix(baseId, 0) + decode(uri));
        }
        if (!"file".equalsIgnoreCase(scheme.get())) {
            return uri;
        }
        return relativeToRoot(filePath(uri));
    }

    /** Returns the path of the base relative to the source root, with a trailing slash, or empty for a root. */
    private String prefix(@CheckForNull String baseId, int depth) {
        Location base = baseId == null || depth > MAX_BASE_DEPTH ? null : baseIds.get(baseId);
        if (base == null || base.uri() == null) {
            return "";
        }
        Optional<String> scheme = scheme(base.uri());
        if (scheme.isPresent()) {
            return "file".equalsIgnoreCase(scheme.get()) ? withSlash(relativeToRoot(filePath(base.uri()))) : "";
        }
        return withSlash(prefix(base.baseId(), depth + 1) + decode(base.uri()));
    }

    /** Returns the path relative to the outermost base directory that contains it, else unchanged. */
    private String relativeToRoot(String path) {
        for (String root : roots()) {
            if (path.startsWith(root)) {
                return path.substring(root.length());
            }
        }
        return path;
    }

    private List<String> roots() {
        if (roots == null) {
            roots = baseIds.values().stream()
                    .map(Location::uri)
                    .filter(uri -> uri != null && scheme(uri).filter("file"::equalsIgnoreCase).isPresent())
                    .map(uri -> withSlash(filePath(uri)))
                    .sorted(Comparator.comparingInt(String::length))
                    .toList();
        }
        return roots;
    }

    private static Optional<String> scheme(String uri) {
        var matcher = SCHEME.matcher(uri);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Returns the local path of a {@code file:} URI; {@code file:///C:/x} is {@code C:/x}. */
    private static String filePath(String uri) {
        String path;
        try {
            URI parsed = new URI(uri);
            String authority = parsed.getAuthority();
            path = parsed.getPath() == null ? parsed.getSchemeSpecificPart() : parsed.getPath();
            if (authority != null && !authority.isEmpty() && !"localhost".equalsIgnoreCase(authority)) {
                path = "//" + authority + path;
            }
        }
        catch (URISyntaxException exception) {
            path = uri.replaceFirst("^(?i)file:(//)?", "");
        }
        return DRIVE.matcher(path).matches() ? path.substring(1) : path;
    }

    /** Decodes percent escapes of a relative URI; one that is not a valid URI is kept as written. */
    private static String decode(String uri) {
        try {
            String path = new URI(uri).getPath();
            return path == null || path.isEmpty() ? uri : path;
        }
        catch (URISyntaxException exception) {
            return uri;
        }
    }

    private static String withSlash(String path) {
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    private static String withoutDotSlash(String path) {
        String result = path;
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        return result;
    }
}
