package io.jenkins.plugins.securitycatalogue.formats;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.Issue;
import edu.hm.hafner.analysis.ParsingException;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.registry.ParserDescriptor;
import edu.hm.hafner.analysis.registry.ParserRegistry;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bridge to every parser of the analysis-model library (the parsers behind Warnings NG), chosen by the
 * parser's id, never by content. It uses only the library's long-stable API: the parser registry, the report and
 * the issue getters, because the plugin runs with whatever version the Jenkins library plugin ships.
 */
final class AnalysisModelFormat implements ReportFormat {
    private static final ParserRegistry REGISTRY = new ParserRegistry();
    private static final String PREFIX = "analysis-model:";
    private static final Pattern ADVISORY = Pattern.compile(
            "\\b(?:CVE-\\d{4}-\\d{4,}|GHSA(?:-[0-9a-zA-Z]{4}){3})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final int MAX_TITLE = 160;

    private final ParserDescriptor descriptor;

    private AnalysisModelFormat(ParserDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Returns the bridge to the parser with the id, given bare or as {@code analysis-model:id}. */
    static Optional<ReportFormat> find(String id) {
        String bare = id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
        if (!REGISTRY.contains(bare)) {
            return Optional.empty();
        }
        return Optional.of(new AnalysisModelFormat(REGISTRY.get(bare)));
    }

    @Override
    public String id() {
        return PREFIX + descriptor.getId();
    }

    @Override
    public String displayName() {
        return descriptor.getName() + " (analysis-model)";
    }

    @Override
    public String description() {
        return "Any of the analysis-model parsers, by id";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return false;
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws ReportException {
        Path file = input.path().orElseThrow(() -> new ReportException(input.name(), displayName(), null,
                "analysis-model parsers read files only", null));
        Report report;
        try {
            report = descriptor.createParser().parse(new FileReaderFactory(file));
        }
        catch (ParsingException exception) {
            throw new ReportException(input.name(), displayName(), null, String.valueOf(exception.getMessage()),
                    exception);
        }
        String tool = descriptor.getName();
        context.toolRan(tool);
        report.getErrorMessages().forEach(message -> context.log().warning("%s: %s", input.name(), message));
        boolean vulnerabilityParser = descriptor.getType() == Report.IssueType.VULNERABILITY;
        int index = 0;
        for (Issue issue : report) {
            context.add(finding(context, tool, issue, vulnerabilityParser), "issue " + index++);
        }
    }

    /**
     * Maps one issue. Vulnerability parsers put the advisory id in the type, or only in the description's link
     * (npm audit, whose category is the CWE); some scanners (Grype) are registered as plain warnings but put a
     * CVE or GHSA id in the type, and their findings are vulnerabilities all the same.
     */
    private static FindingBuilder finding(ParseContext context, String tool, Issue issue,
            boolean vulnerabilityParser) {
        String description = stripTags(issue.getDescription());
        String advisory = vulnerabilityParser ? advisoryId(issue.getType(), description, issue.getMessage())
                : advisoryId(issue.getType());
        boolean vulnerability = vulnerabilityParser || advisory != null;
        FindingBuilder finding = context.finding(tool,
                vulnerability ? FindingKind.VULNERABILITY : FindingKind.WEAKNESS);
        String title = firstLine(issue.getMessage());
        finding.id(advisory == null ? firstNonBlank(issue.getType(), issue.getCategory(), tool) : advisory)
                .title(title)
                .description(title.equals(Texts.line(issue.getMessage())) ? description
                        : issue.getMessage() + "\n\n" + description)
                .severity(severity(issue.getSeverity(), vulnerability))
                .path(blankToNull(issue.getFileName()))
                .line(issue.getLineStart())
                .url(firstLink(issue.getDescription()))
                .cwe(cweOf(issue.getCategory()))
                .flaggedText(issue.getMessage());
        if (vulnerability) {
            packageAndVersion(finding, blankToNull(issue.getPackageName()));
            finding.target(blankToNull(issue.getFileName()));
        }
        return finding;
    }

    /** Returns the category if it is a CWE id (npm audit's category), else null. */
    @CheckForNull
    private static String cweOf(@CheckForNull String category) {
        return category != null && category.toUpperCase(Locale.ROOT).startsWith("CWE-") ? category : null;
    }

    /** Returns the first CVE or GHSA id of the texts, in order, or null. */
    @CheckForNull
    private static String advisoryId(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = ADVISORY.matcher(text);
            if (matcher.find()) {
                String id = matcher.group();
                return id.startsWith("GHSA") || id.startsWith("ghsa")
                        ? "GHSA" + id.substring(4).toLowerCase(Locale.ROOT) : id.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Sets the package; Grype and others write {@code name version}, and the version is no part of identity. */
    private static void packageAndVersion(FindingBuilder finding, @CheckForNull String name) {
        if (name != null && name.indexOf(' ') > 0 && name.indexOf(' ') == name.lastIndexOf(' ')
                && Character.isDigit(name.charAt(name.indexOf(' ') + 1))) {
            finding.packageName(name.substring(0, name.indexOf(' ')))
                    .installedVersion(name.substring(name.indexOf(' ') + 1));
        }
        else {
            finding.packageName(name);
        }
    }

    @CheckForNull
    private static String firstLink(@CheckForNull String html) {
        if (html == null) {
            return null;
        }
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            String link = Texts.httpUrl(decodeEntities(matcher.group(1))).orElse(null);
            if (link != null) {
                return link;
            }
        }
        return null;
    }

    private static String firstLine(@CheckForNull String message) {
        String line = message == null ? "" : message.strip().split("\\R", 2)[0].strip();
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1).strip() + "…";
    }

    private static Severity severity(edu.hm.hafner.analysis.Severity severity, boolean vulnerabilities) {
        if (edu.hm.hafner.analysis.Severity.ERROR.equals(severity)) {
            return vulnerabilities ? Severity.CRITICAL : Severity.HIGH;
        }
        if (edu.hm.hafner.analysis.Severity.WARNING_HIGH.equals(severity)) {
            return Severity.HIGH;
        }
        if (edu.hm.hafner.analysis.Severity.WARNING_NORMAL.equals(severity)) {
            return Severity.MEDIUM;
        }
        if (edu.hm.hafner.analysis.Severity.WARNING_LOW.equals(severity)) {
            return Severity.LOW;
        }
        return Severity.UNKNOWN;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank() && !"-".equals(value)) {
                return value;
            }
        }
        return "unknown";
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() || "-".equals(value) ? null : value;
    }

    private static String stripTags(@CheckForNull String html) {
        if (html == null) {
            return "";
        }
        return decodeEntities(html.replaceAll("<[^>]*>", " ")).replaceAll("[ \\t]+", " ").strip();
    }

    private static String decodeEntities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
