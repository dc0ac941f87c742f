package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Run;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What one {@code recordService} call of a build recorded: the counts, what is new and fixed, the quality gate.
 * It is saved with the build, so the build page shows it even if the catalogue is later pruned; the page and its
 * {@code api/json} need the catalogue's read permission.
 */
@ExportedBean
public final class ServiceRecordingAction implements RunAction2 {
    private static final int FINDINGS_KEPT = 100;

    private final String service;
    private final String version;
    @CheckForNull
    private final String environment;
    private final long recordingId;
    private final Map<String, Integer> open;
    private final int newCount;
    private final int fixedCount;
    private final int suppressed;
    private final long risk;
    private final String riskExplanation;
    private final String gate;
    private final List<String> gateReasons;
    private final List<String> tools;
    private final List<FindingLine> newFindings;
    private final List<FindingLine> fixedFindings;
    private transient Run<?, ?> run;

    ServiceRecordingAction(RecordingResult result, QualityGate.Result gateResult) {
        service = result.service();
        version = result.version();
        environment = result.environment();
        recordingId = result.recordingId();
        open = new LinkedHashMap<>(result.open().asMap());
        newCount = result.newFindings().size();
        fixedCount = result.fixedFindings().size();
        suppressed = result.suppressed();
        risk = result.risk().total();
        riskExplanation = result.risk().explain();
        gate = gateResult.status().name();
        gateReasons = new ArrayList<>(gateResult.reasons());
        tools = new ArrayList<>();
        result.tools().forEach(change -> tools.add(RecordingSummary.describe(change)));
        newFindings = lines(result.newFindings());
        fixedFindings = lines(result.fixedFindings());
    }

    private static List<FindingLine> lines(List<Finding> findings) {
        List<FindingLine> lines = new ArrayList<>();
        findings.stream().sorted(java.util.Comparator.comparing(Finding::severity)).limit(FINDINGS_KEPT)
                .forEach(finding -> lines.add(new FindingLine(finding)));
        return lines;
    }

    @Override
    public void onAttached(Run<?, ?> owner) {
        run = owner;
    }

    @Override
    public void onLoad(Run<?, ?> owner) {
        run = owner;
    }

    /** Returns the build. */
    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return canRead() ? CatalogueRootAction.ICON : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ServiceRecordingAction_DisplayName(service);
    }

    @Override
    public String getUrlName() {
        return "security-catalogue-" + service;
    }

    /** Returns the permission the page checks. */
    public hudson.security.Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    /** Returns whether the current user may read the catalogue. */
    public boolean canRead() {
        return Jenkins.get().hasPermission(CataloguePermissions.READ);
    }

    /** Returns the REST API of this recording; it checks the permission on every read. */
    public Api getApi() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return new Api(this);
    }

    @Exported
    public String getService() {
        return service;
    }

    @Exported
    public String getVersion() {
        return version;
    }

    @Exported
    @CheckForNull
    public String getEnvironment() {
        return environment;
    }

    public long getRecordingId() {
        return recordingId;
    }

    @Exported
    public Map<String, Integer> getOpen() {
        return Collections.unmodifiableMap(open);
    }

    /** Returns the number of open findings. */
    @Exported
    public int getOpenTotal() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Exported(name = "new")
    public int getNewCount() {
        return newCount;
    }

    @Exported(name = "fixed")
    public int getFixedCount() {
        return fixedCount;
    }

    @Exported
    public int getSuppressed() {
        return suppressed;
    }

    @Exported
    public long getRisk() {
        return risk;
    }

    @Exported
    public String getRiskExplanation() {
        return riskExplanation;
    }

    @Exported(name = "qualityGate")
    public String getGate() {
        return gate;
    }

    @Exported
    public List<String> getGateReasons() {
        return Collections.unmodifiableList(gateReasons);
    }

    @Exported
    public List<String> getTools() {
        return Collections.unmodifiableList(tools);
    }

    @Exported
    public List<FindingLine> getNewFindings() {
        return Collections.unmodifiableList(newFindings);
    }

    @Exported
    public List<FindingLine> getFixedFindings() {
        return Collections.unmodifiableList(fixedFindings);
    }

    /** Returns the catalogue page of the service, relative to the Jenkins root. */
    public String getServiceUrl() {
        return CatalogueRootAction.URL_NAME + "/service/" + service + "/";
    }

    /** One new or fixed finding, as the build page lists it. */
    @ExportedBean(defaultVisibility = 2)
    public static final class FindingLine {
        private final String severity;
        private final String id;
        private final String kind;
        private final String where;
        private final String tool;
        private final String title;
        @CheckForNull
        private final String fixedVersion;

        FindingLine(Finding finding) {
            severity = finding.severity().label();
            id = finding.id();
            kind = finding.kind().label();
            where = finding.packageName() != null ? finding.packageName() + " " + nullToEmpty(finding.installedVersion())
                    : nullToEmpty(finding.path());
            tool = finding.tool();
            title = finding.title();
            fixedVersion = finding.fixedVersion();
        }

        private static String nullToEmpty(@CheckForNull String text) {
            return text == null ? "" : text;
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public String getId() {
            return id;
        }

        @Exported
        public String getKind() {
            return kind;
        }

        @Exported
        public String getWhere() {
            return where.trim();
        }

        @Exported
        public String getTool() {
            return tool;
        }

        @Exported
        public String getTitle() {
            return title;
        }

        @Exported
        @CheckForNull
        public String getFixedVersion() {
            return fixedVersion;
        }
    }
}
