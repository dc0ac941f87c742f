package io.jenkins.plugins.securitycatalogue.formats;

import io.jenkins.plugins.securitycatalogue.formats.cyclonedx.CycloneDxFormat;
import io.jenkins.plugins.securitycatalogue.formats.dependencycheck.DependencyCheckJsonFormat;
import io.jenkins.plugins.securitycatalogue.formats.dependencycheck.DependencyCheckXmlFormat;
import io.jenkins.plugins.securitycatalogue.formats.grype.GrypeFormat;
import io.jenkins.plugins.securitycatalogue.formats.npm.NpmAuditFormat;
import io.jenkins.plugins.securitycatalogue.formats.npm.PnpmAuditFormat;
import io.jenkins.plugins.securitycatalogue.formats.osv.OsvScannerFormat;
import io.jenkins.plugins.securitycatalogue.formats.sarif.SarifFormat;
import io.jenkins.plugins.securitycatalogue.formats.trivy.TrivyFormat;
import io.jenkins.plugins.securitycatalogue.formats.yarn.YarnAuditFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one registry of report formats. The built-in formats are tried in the order listed here when a format is
 * told by content; a named format is looked up by id, built-in first, then among the parsers of the
 * analysis-model library.
 */
public final class FormatRegistry {
    private final List<ReportFormat> formats;

    /** Creates the registry of every built-in format. */
    public FormatRegistry() {
        this(builtIn());
    }

    /** Creates a registry of the given formats, for tests. */
    FormatRegistry(List<ReportFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    private static List<ReportFormat> builtIn() {
        List<ReportFormat> all = new ArrayList<>();
        // Order matters only where two formats could accept the same content: more specific ones first.
        all.add(new TrivyFormat());
        all.add(new GrypeFormat());
        all.add(new CycloneDxFormat());
        all.add(new OsvScannerFormat());
        all.add(new SarifFormat());
        all.add(new DependencyCheckJsonFormat());
        all.add(new DependencyCheckXmlFormat());
        all.add(new PnpmAuditFormat());
        all.add(new NpmAuditFormat());
        all.add(new YarnAuditFormat());
        return all;
    }

    /** Returns the built-in formats, in detection order. */
    public List<ReportFormat> formats() {
        return Collections.unmodifiableList(formats);
    }

    /** Returns the first built-in format that accepts the content. */
    public Optional<ReportFormat> detect(Sniff sniff) {
        return formats.stream().filter(format -> format.accepts(sniff)).findFirst();
    }

    /**
     * Returns the format with the id: a built-in one, else a parser of analysis-model with that id (case does not
     * matter for built-in ids).
     */
    public Optional<ReportFormat> find(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return formats.stream()
                .filter(format -> format.id().equals(wanted))
                .findFirst()
                .or(() -> AnalysisModelFormat.find(id.strip()));
    }
}
