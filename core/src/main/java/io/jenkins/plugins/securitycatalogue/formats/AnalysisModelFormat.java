package io.jenkins.plugins.securitycatalogue.formats;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.Issue;
import edu.hm.hafner.analysis.ParsingException;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.registry.ParserDescriptor;
import edu.hm.hafner.analysis.registry.ParserRegistry;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A bridge to every parser of the analysis-model library (the parsers behind Warnings NG), chosen by the
 * parser's id, never by content. It uses only the library's long-stable API: the parser registry, the report and
 * the issue getters, because the plugin runs with whatever version the Jenkins library plugin ships.
 */
final class AnalysisModelFormat implements ReportFormat {
    private static final ParserRegistry REGISTRY = new ParserRegistry();
    private static final String PREFIX = "analysis-model:";

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
        boolean vulnerabilities = descriptor.getType() == Report.IssueType.VULNERABILITY;
        int index = 0;
        for (Issue issue : report) {
            FindingBuilder finding = context.finding(tool,
                    vulnerabilities ? FindingKind.VULNERABILITY : FindingKind.WEAKNESS);
            String id = firstNonBlank(issue.getType(), issue.getCategory(), tool);
            finding.id(id)
                    .title(issue.getMessage())
                    .description(stripTags(issue.getDescription()))
                    .severity(severity(issue.getSeverity(), vulnerabilities))
                    .path(issue.getFileName())
                    .line(issue.getLineStart())
                    .flaggedText(issue.getMessage());
            if (vulnerabilities) {
                finding.packageName(blankToNull(issue.getPackageName())).target(issue.getFileName());
            }
            context.add(finding, "issue " + index++);
        }
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || "-".equals(value) ? null : value;
    }

    private static String stripTags(String html) {
        return html == null ? "" : html.replaceAll("<[^>]*>", " ");
    }
}
