package io.jenkins.plugins.securitycatalogue.formats.npm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.formats.AbstractFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PnpmAuditFormatTest extends AbstractFormatTest {
    private static final String TOOL = "pnpm audit";
    private static final String PNPM_ERROR = "pnpm-9.15.9-audit-bad-response-error-real.json";
    private static final String LEGACY = "npm-audit-v1-legacy-one-advisory.json";

    @Override
    protected ReportFormat format() {
        return new PnpmAuditFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(PNPM_ERROR);
    }

    @Test
    void shouldReportTheRealPnpmAuditEndpointErrorAsIncomplete() {
        ParsedReport report = read(PNPM_ERROR);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).containsExactly(Map.entry(TOOL, "the audit failed"
                + " (ERR_PNPM_AUDIT_BAD_RESPONSE: The audit endpoint (at"
                + " https://registry.npmjs.org/-/npm/v1/security/audits) responded with 405:)"));
    }

    /** pnpm writes the legacy shape without a mark of its own: by content it is npm's, by id it is pnpm's. */
    @Test
    void shouldReadTheLegacyShapeAsPnpmOnlyWhenNamed() throws Exception {
        ParsedReport named = read(LEGACY);
        ParsedReport detected = reader().read(ReportInput.of(resource(LEGACY), LEGACY), null);

        assertThat(named.format()).isEqualTo("pnpm-audit");
        assertThat(named.tools()).containsExactly(TOOL);
        assertThat(named.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.tool()).isEqualTo(TOOL);
            assertThat(finding.id()).isEqualTo("CVE-2017-16042");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(detected.format()).isEqualTo("npm-audit");
        assertThat(detected.tools()).containsExactly("npm audit");
    }
}
