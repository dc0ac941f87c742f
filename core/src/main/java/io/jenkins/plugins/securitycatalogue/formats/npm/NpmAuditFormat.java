package io.jenkins.plugins.securitycatalogue.formats.npm;

import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import java.io.IOException;

/**
 * The JSON of {@code npm audit --json}: the legacy report of npm 6 ({@code advisories} keyed by advisory id,
 * {@code actions}, {@code metadata}) and report version 2 of npm 7 and later ({@code vulnerabilities} keyed by
 * package). The error object npm writes when the audit service fails makes the scan incomplete.
 *
 * <p>pnpm writes the legacy report too, and nothing in it tells it apart from npm's: such a report is read as
 * npm's unless the format {@code pnpm-audit} is named (see {@link PnpmAuditFormat}).
 */
public final class NpmAuditFormat implements ReportFormat {
    static final String TOOL = "npm audit";

    @Override
    public String id() {
        return "npm-audit";
    }

    @Override
    public String displayName() {
        return "npm audit JSON";
    }

    @Override
    public String description() {
        return "npm audit --json of npm 6 (legacy advisories) and npm 7 and later (audit report version 2)";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() != Sniff.Shape.JSON_OBJECT) {
            return false;
        }
        return sniff.text("auditReportVersion").isPresent()
                || sniff.hasKey("advisories") && (sniff.hasKey("actions") || sniff.hasKey("metadata"))
                || sniff.childKeys("error").contains("summary");
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        new NpmAuditReader(TOOL, context).read(input);
    }
}
