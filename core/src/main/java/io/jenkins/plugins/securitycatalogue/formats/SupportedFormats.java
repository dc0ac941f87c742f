package io.jenkins.plugins.securitycatalogue.formats;

import java.util.List;

/** Renders the list of supported formats for the documentation, from the registry, so that the two cannot drift. */
public final class SupportedFormats {
    private SupportedFormats() {
    }

    /** Returns {@code docs/formats.md}: the built-in formats in detection order, then the analysis-model bridge. */
    public static String markdown(FormatRegistry registry) {
        var text = new StringBuilder();
        text.append("# Supported report formats\n\n")
                .append("<!-- Generated from the format registry by SupportedFormatsDocumentationTest; run\n")
                .append("     `mvn -DcentralOnly -pl core test -Dtest=SupportedFormatsDocumentationTest -DupdateDocs`\n")
                .append("     to regenerate. Do not edit by hand. -->\n\n")
                .append("The catalogue tells these formats apart by their content, not their file names, in the order\n")
                .append("listed. Name a format with `--format ID` (command line) or `format` (pipeline step) to skip\n")
                .append("detection.\n\n")
                .append("| id | format | covers |\n")
                .append("|---|---|---|\n");
        List<ReportFormat> formats = registry.formats();
        for (ReportFormat format : formats) {
            text.append("| `").append(format.id()).append("` | ").append(format.displayName()).append(" | ")
                    .append(format.description().replace("|", "\\|")).append(" |\n");
        }
        text.append("\nEvery parser of [analysis-model](https://github.com/jenkinsci/analysis-model) (the library\n")
                .append("behind Warnings NG, about 170 formats) is available by naming its id, for example\n")
                .append("`--format checkstyle`, or `analysis-model:npm-audit` where a built-in format has the same id.\n")
                .append("Those reports are mapped into the same finding model: vulnerabilities when the parser reports\n")
                .append("vulnerabilities or an advisory id, code weaknesses otherwise.\n");
        return text.toString();
    }
}
