package io.jenkins.plugins.securitycatalogue.formats.npm;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advisories of the npm registry's audit service as the JavaScript package managers write them: the legacy
 * advisory object (npm 6, pnpm, yarn 1 and yarn 2/3) and the pieces the newer reports share (GHSA ids in advisory
 * links, vulnerable and patched ranges, CVSS). Public for the yarn format, which writes the same advisories.
 */
public final class NpmAdvisories {
    private static final Pattern GHSA = Pattern.compile("(?i)\\bGHSA(-[0-9a-z]{4}){3}\\b");
    private static final Pattern PATCHED = Pattern.compile("^>=\\s*v?(\\d[\\w.+-]*)$");
    private static final Pattern BELOW = Pattern.compile("^(?:>=?\\s*v?\\d[\\w.+-]*\\s+)?<\\s*v?(\\d[\\w.+-]*)$");

    private NpmAdvisories() {
    }

    /**
     * Adds the finding of one legacy advisory: {@code advisories.<id>} of npm 6 and pnpm, or
     * {@code data.advisory} of yarn 1.
     *
     * @param tool the tool that wrote it
     * @param advisory the advisory object
     * @param where where it was in the report, for warnings
     */
    public static void addLegacy(ParseContext context, String tool, JsonNode advisory, String where) {
        String number = Json.text(advisory, "id");
        String link = Json.text(advisory, "url");
        FindingBuilder finding = context.finding(tool, FindingKind.VULNERABILITY)
                .title(Json.text(advisory, "title"))
                .description(legacyDescription(advisory))
                .severity(Severity.fromText(Json.text(advisory, "severity")))
                .url(link)
                .fixedVersion(firstPatched(Json.text(advisory, "patched_versions")));
        identify(finding, advisory, link, number);
        Json.eachText(advisory, "cwe", finding::cwe);
        cvss(finding, Json.at(advisory, "cvss"));
        Set<String> versions = new LinkedHashSet<>();
        Json.list(advisory, "findings").forEach(found -> addIfPresent(versions, Json.text(found, "version")));
        String name = Json.text(advisory, "module_name");
        finding.packageName(name).installedVersion(versions.isEmpty() ? null : String.join(", ", versions));
        if (name != null && versions.size() == 1) {
            finding.purl(purl(name, versions.iterator().next()));
        }
        context.add(finding, where);
    }

    private static void identify(FindingBuilder finding, JsonNode advisory, @CheckForNull String link,
            @CheckForNull String number) {
        String ghsa = ghsa(Json.text(advisory, "github_advisory_id"));
        if (ghsa == null) {
            ghsa = ghsa(link);
        }
        finding.id(ghsa);
        Json.eachText(advisory, "cves", cve -> {
            if (finding.id() == null) {
                finding.id(cve);
            }
            finding.alias(cve);
        });
        String npmId = number == null ? null : "npm-advisory-" + number;
        if (finding.id() == null) {
            finding.id(npmId);
        }
        finding.alias(npmId);
    }

    @CheckForNull
    private static String legacyDescription(JsonNode advisory) {
        String overview = Json.text(advisory, "overview");
        String recommendation = Json.text(advisory, "recommendation");
        if (recommendation == null) {
            return overview;
        }
        return (overview == null ? "" : overview + "\n\n") + "Recommendation: " + recommendation;
    }

    /** Sets the CVSS score and vector of an advisory; a score of 0 without a vector means not scored. */
    public static void cvss(FindingBuilder finding, @CheckForNull JsonNode cvss) {
        Double score = Json.number(cvss, "score");
        String vector = Json.text(cvss, "vectorString");
        if (score != null && (score > 0 || vector != null)) {
            finding.cvss(score, vector);
        }
    }

    /** Returns the GHSA id in the text (an advisory link such as github.com/advisories/GHSA-...), or null. */
    @CheckForNull
    public static String ghsa(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = GHSA.matcher(text);
        return matcher.find() ? "GHSA" + matcher.group().substring(4).toLowerCase(Locale.ROOT) : null;
    }

    /** Returns {@code x} of a patched range that is exactly {@code >=x}; null for any other range. */
    @CheckForNull
    public static String firstPatched(@CheckForNull String range) {
        if (range == null) {
            return null;
        }
        Matcher matcher = PATCHED.matcher(range.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Returns {@code x} of a vulnerable range {@code <x} or {@code >=y <x}: the first version after it. */
    @CheckForNull
    public static String firstAfter(@CheckForNull String range) {
        if (range == null) {
            return null;
        }
        Matcher matcher = BELOW.matcher(range.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Returns the package URL of an npm package, the scope's {@code @} encoded. */
    public static String purl(String name, String version) {
        String encoded = name.startsWith("@") ? "%40" + name.substring(1) : name;
        return "pkg:npm/" + encoded + "@" + version;
    }

    private static void addIfPresent(Set<String> set, @CheckForNull String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
