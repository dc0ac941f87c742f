package io.jenkins.plugins.securitycatalogue.formats.npm;

import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON of {@code pnpm audit --json}. pnpm writes the legacy report of the npm registry's audit service,
 * the same shape as npm 6 and without a mark of its own, so a report with findings is told by content as
 * {@code npm-audit}; name this format to record it under the tool "pnpm audit". Only pnpm's error object (a code
 * starting with {@code ERR_PNPM}) is told apart by content; it makes the scan incomplete.
 */
public final class PnpmAuditFormat implements ReportFormat {
    static final String TOOL = "pnpm audit";

    @Override
    public String id() {
        return "pnpm-audit";
    }

    @Override
    public String displayName() {
        return "pnpm audit JSON";
    }

    @Override
    public String description() {
        return "pnpm audit --json (the legacy advisories shape; told apart from npm's by its errors only)";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return sniff.shape() == Sniff.Shape.JSON_OBJECT && sniff.childText("error", "code")
                .map(code -> code.toUpperCase(Locale.ROOT).startsWith("ERR_PNPM"))
                .orElse(false);
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        new NpmAuditReader(TOOL, context).read(input);
    }
}
