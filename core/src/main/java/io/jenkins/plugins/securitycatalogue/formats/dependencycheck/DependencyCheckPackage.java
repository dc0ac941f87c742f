package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scanned dependency a vulnerability belongs to: its file, and the package Dependency-Check identified.
 *
 * @param fileName the file name (for virtual dependencies, {@code name:version})
 * @param filePath the path of the file, or of the lock file and the package within it
 * @param purl the package URL, where the report has one
 * @param packageName the package name taken from the package URL or the Maven identifier
 * @param version the installed version taken from the same
 */
record DependencyCheckPackage(@CheckForNull String fileName, @CheckForNull String filePath, @CheckForNull String purl,
        @CheckForNull String packageName, @CheckForNull String version) {
    /**
     * Returns the package of a dependency from its package ids (package URLs since Dependency-Check 5) or, in
     * older reports, its Maven identifiers ({@code group:artifact:version}).
     */
    static DependencyCheckPackage of(@CheckForNull String fileName, @CheckForNull String filePath,
            List<String> packageIds, List<String> mavenIds) {
        for (String id : packageIds) {
            if (id.startsWith("pkg:") && id.indexOf('/') > 0) {
                return fromPurl(fileName, filePath, id.strip());
            }
        }
        for (String id : mavenIds) {
            String[] parts = id.strip().split(":");
            if (parts.length >= 3 && !parts[0].isBlank() && !parts[1].isBlank()) {
                String version = parts[parts.length - 1];
                return new DependencyCheckPackage(fileName, filePath,
                        "pkg:maven/" + parts[0] + "/" + parts[1] + "@" + version, parts[0] + ":" + parts[1],
                        version);
            }
        }
        return new DependencyCheckPackage(fileName, filePath, null, fileName, null);
    }

    /** Returns what was scanned: the file path, else the file name. */
    @CheckForNull
    String target() {
        return filePath == null ? fileName : filePath;
    }

    private static DependencyCheckPackage fromPurl(@CheckForNull String fileName, @CheckForNull String filePath,
            String purl) {
        String path = beforeQualifiers(purl.substring("pkg:".length()));
        String version = null;
        int at = path.lastIndexOf('@');
        if (at > path.indexOf('/')) {
            version = decode(path.substring(at + 1));
            path = path.substring(0, at);
        }
        String[] segments = path.split("/");
        String type = segments[0];
        var name = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            if (name.length() > 0) {
                name.append("maven".equals(type) ? ":" : "/");
            }
            name.append(decode(segments[i]));
        }
        return new DependencyCheckPackage(fileName, filePath, purl, name.length() == 0 ? fileName : name.toString(),
                version == null || version.isBlank() ? null : version);
    }

    /** Returns the purl up to its qualifiers or subpath: {@code split("[?#]", 2)[0]} without a regex. */
    private static String beforeQualifiers(String purl) {
        int question = purl.indexOf('?');
        int hash = purl.indexOf('#');
        int end = question < 0 ? hash : hash < 0 ? question : Math.min(question, hash);
        return end < 0 ? purl : purl.substring(0, end);
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException exception) {
            return text;
        }
    }
}
