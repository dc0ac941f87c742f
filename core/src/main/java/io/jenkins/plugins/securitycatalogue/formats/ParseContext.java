package io.jenkins.plugins.securitycatalogue.formats;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.Fingerprints;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.ToolNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parser writes to while it reads one report: findings (the same finding written twice by a tool is kept
 * once), the tools that ran, the tools whose scan did not complete, and the log.
 */
public final class ParseContext {
    private final String file;
    private final SecretHasher hasher;
    private final Map<Key, Finding> findings = new LinkedHashMap<>();
    private final Set<String> tools = new LinkedHashSet<>();
    private final Map<String, String> incomplete = new LinkedHashMap<>();
    private final Map<String, Set<String>> scopes = new LinkedHashMap<>();
    /** Tool names as written to their canonical names: a report names its tool once per finding. */
    private final Map<String, String> canonicalTools = new HashMap<>();
    private final ReportLog log = new ReportLog();
    @CheckForNull
    private String baseDirectory;
    private int duplicates;
    private int skipped;

    /** Creates the context for one report. */
    public ParseContext(String file, SecretHasher hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    /**
     * Sets the directory the build ran in (a workspace). Absolute paths and targets under it are made relative,
     * so that the same finding found in another workspace or on another agent keeps its fingerprint.
     */
    public ParseContext baseDirectory(@CheckForNull String directory) {
        baseDirectory = directory;
        return this;
    }

    /** Returns the report's name, for messages. */
    public String file() {
        return file;
    }

    /** Returns the log of this report. */
    public ReportLog log() {
        return log;
    }

    /** Starts a finding of the given tool; the tool is recorded as having run. */
    public FindingBuilder finding(String tool, FindingKind kind) {
        String canonical = canonical(tool);
        tools.add(canonical);
        return new FindingBuilder(hasher, canonical, kind).baseDirectory(baseDirectory);
    }

    /**
     * Builds and adds a finding. A finding without an identifier is skipped with a warning that says where it
     * was, so that one odd element does not reject the file. When a tool reports the same finding twice, it is
     * kept once, as active if either report of it is active.
     *
     * @param builder the finding
     * @param where where in the report it was, for the warning (for example {@code Results[2].Vulnerabilities[5]})
     */
    public void add(FindingBuilder builder, String where) {
        Finding finding;
        try {
            finding = builder.build();
        }
        catch (IllegalArgumentException exception) {
            skip(where, exception.getMessage());
            return;
        }
        var key = new Key(finding.tool(), finding.fingerprint());
        Finding earlier = findings.putIfAbsent(key, finding);
        if (earlier != null) {
            duplicates++;
            if (earlier.isSuppressed() && !finding.isSuppressed()) {
                findings.put(key, finding);
            }
        }
    }

    /** Records that an element was skipped, and why. */
    public void skip(String where, @CheckForNull String why) {
        skipped++;
        log.warning("%s: skipped %s: %s", file, where, why == null ? "not understood" : why);
    }

    /** Records that a tool ran, even if it found nothing. */
    public void toolRan(String tool) {
        tools.add(canonical(tool));
    }

    private String canonical(String tool) {
        return canonicalTools.computeIfAbsent(tool, ToolNames::canonical);
    }

    /**
     * Records that a tool's scan looked at a target (an image, a lock file, a directory), even if it found
     * nothing there. A tool that declares its targets fixes, in later recordings, only findings of the targets it
     * looked at; so an image scan and a file-system scan of the same tool do not fix each other's findings.
     */
    public void targetScanned(String tool, @CheckForNull String target) {
        String relative = FindingBuilder.relativeTo(baseDirectory, Texts.line(target));
        scopes.computeIfAbsent(ToolNames.canonical(tool), name -> new LinkedHashSet<>())
                .add(relative == null ? "" : Fingerprints.normaliseTarget(relative));
    }

    /** Records that a tool's scan did not complete: its missing findings must not be taken as fixed. */
    public void toolIncomplete(String tool, String reason) {
        toolRan(tool);
        incomplete.merge(ToolNames.canonical(tool), reason, (first, second) -> first);
        log.warning("%s: the %s scan did not complete: %s", file, tool, reason);
    }

    /** What makes two findings of a report the same: the tool and the fingerprint. */
    private record Key(String tool, String fingerprint) {
    }

    /** Returns the report read so far. */
    public ParsedReport finish(String format) {
        if (duplicates > 0) {
            log.info("%s: %d duplicate results were counted once", file, duplicates);
        }
        if (skipped > 0) {
            log.info("%s: %d elements were skipped in all", file, skipped);
        }
        return new ParsedReport(file, format, List.copyOf(findings.values()), tools, incomplete, log, scopes);
    }
}
