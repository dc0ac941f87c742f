package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.ModelObject;
import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** The page of one service: metadata, deployments per environment, findings, scans and recording builds. */
@ExportedBean
public final class ServicePage implements ModelObject {
    private final ServiceDetails details;

    ServicePage(ServiceDetails details) {
        this.details = details;
    }

    @Override
    public String getDisplayName() {
        return details.summary().name();
    }

    /** Returns the permission the layout checks. */
    public hudson.security.Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    /** Returns the REST API of the page. */
    public Api getApi() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return new Api(this);
    }

    @Exported(inline = true)
    public ServiceView getSummary() {
        return new ServiceView(details.summary());
    }

    @Exported
    @CheckForNull
    public String getDescription() {
        return details.description();
    }

    @Exported(inline = true)
    public List<DeploymentView> getDeployments() {
        return details.deployments().stream().map(DeploymentView::new).toList();
    }

    @Exported(inline = true)
    public List<FindingView> getFindings() {
        return details.findings().stream().map(FindingView::new).toList();
    }

    @Exported(inline = true)
    public List<FindingView> getSuppressed() {
        return details.suppressed().stream().map(FindingView::new).toList();
    }

    @Exported(inline = true)
    public List<ScanView> getScans() {
        return details.scans().stream().map(ScanView::new).toList();
    }

    @Exported(inline = true)
    public List<RecordingView> getRecordings() {
        return details.recordings().stream().map(RecordingView::new).toList();
    }

    /** The width and height of the history chart, in SVG units. */
    private static final int CHART_WIDTH = 600;
    private static final int CHART_HEIGHT = 120;

    /**
     * Returns the points of the history chart: open findings after each of the latest recordings, oldest on the
     * left, as an SVG polyline. Drawn on the server as plain SVG, so the page needs no script.
     */
    public String getHistoryPoints() {
        List<ServiceDetails.Recording> recordings = new java.util.ArrayList<>(details.recordings());
        java.util.Collections.reverse(recordings);
        int highest = Math.max(1, recordings.stream().mapToInt(ServiceDetails.Recording::open).max().orElse(1));
        var points = new StringBuilder();
        for (int i = 0; i < recordings.size(); i++) {
            int x = recordings.size() == 1 ? CHART_WIDTH / 2 : i * CHART_WIDTH / (recordings.size() - 1);
            int y = CHART_HEIGHT - recordings.get(i).open() * (CHART_HEIGHT - 10) / highest;
            points.append(x).append(',').append(y).append(' ');
        }
        return points.toString().trim();
    }

    /** Returns the largest number of open findings in the history chart, for its scale. */
    public int getHistoryMaximum() {
        return details.recordings().stream().mapToInt(ServiceDetails.Recording::open).max().orElse(0);
    }

    /** Returns what was read from the service's repository: topics, default branch, archived flag and so on. */
    @Exported(inline = true)
    public RepositoryView getRepository() {
        return new RepositoryView(details.repository());
    }

    /** Returns the incidents that affected the service. */
    public List<IncidentView> getIncidents() {
        try {
            return IncidentAccess.ofService(details.summary().name()).stream().map(IncidentView::new).toList();
        }
        catch (io.jenkins.plugins.securitycatalogue.store.StoreException exception) {
            return List.of();
        }
    }

    /** Returns the open action items of the incidents that affected the service. */
    public List<String> getOpenActions() {
        try {
            return IncidentAccess.ofService(details.summary().name()).stream()
                    .flatMap(incident -> incident.postMortem().actionItems().stream()
                            .filter(ServicePage::isOpen)
                            .map(item -> incident.id() + ": " + item.description()
                                    + (item.owner() == null ? "" : " (" + item.owner() + ")")
                                    + (item.due() == null ? "" : ", due " + item.due())))
                    .toList();
        }
        catch (io.jenkins.plugins.securitycatalogue.store.StoreException exception) {
            return List.of();
        }
    }

    /** The facts read from the repository, and where each metadata value came from and when. */
    @ExportedBean(defaultVisibility = 3)
    public static final class RepositoryView {
        private final ServiceDetails.RepositoryInfo repository;

        RepositoryView(ServiceDetails.RepositoryInfo repository) {
            this.repository = repository;
        }

        @Exported
        public List<String> getTopics() {
            return repository.topics();
        }

        @Exported
        @CheckForNull
        public String getDefaultBranch() {
            return repository.defaultBranch();
        }

        @Exported
        public boolean isArchived() {
            return repository.archived();
        }

        @Exported
        @CheckForNull
        public String getVisibility() {
            return repository.visibility();
        }

        @Exported
        @CheckForNull
        public String getLanguage() {
            return repository.language();
        }

        @Exported
        @CheckForNull
        public String getLatestRelease() {
            return repository.latestRelease();
        }

        /** Returns one line per metadata value: the field, where it came from, and when. */
        @Exported
        public List<String> getSources() {
            return repository.sources().stream()
                    .map(source -> source.field() + ": " + source.source() + ", " + source.at())
                    .toList();
        }
    }

    private static boolean isOpen(ActionItem item) {
        return item.state() == ActionItem.State.OPEN || item.state() == ActionItem.State.IN_PROGRESS;
    }

    /** A version running in an environment, and the build that put it there. */
    @ExportedBean(defaultVisibility = 3)
    public static final class DeploymentView {
        private final ServiceDetails.Deployment deployment;

        DeploymentView(ServiceDetails.Deployment deployment) {
            this.deployment = deployment;
        }

        @Exported
        public String getEnvironment() {
            return deployment.environment();
        }

        @Exported
        public String getVersion() {
            return deployment.version();
        }

        @Exported
        public String getSince() {
            return deployment.since().toString();
        }

        @Exported
        @CheckForNull
        public String getBuild() {
            return deployment.build() == null ? null : deployment.build().job() + " #" + deployment.build().number();
        }

        @Exported
        @CheckForNull
        public String getBuildUrl() {
            return deployment.build() == null ? null : Texts.httpUrl(deployment.build().url()).orElse(null);
        }
    }

    /** The latest scan of one tool. */
    @ExportedBean(defaultVisibility = 3)
    public static final class ScanView {
        private final ServiceDetails.ScanInfo scan;

        ScanView(ServiceDetails.ScanInfo scan) {
            this.scan = scan;
        }

        @Exported
        public String getTool() {
            return scan.tool();
        }

        @Exported
        public String getVersion() {
            return scan.version();
        }

        @Exported
        public String getAt() {
            return scan.at().toString();
        }

        @Exported
        public boolean isComplete() {
            return scan.complete();
        }

        @Exported
        public int getFindings() {
            return scan.findings();
        }
    }

    /** One recording of the service, and its build. */
    @ExportedBean(defaultVisibility = 3)
    public static final class RecordingView {
        private final ServiceDetails.Recording recording;

        RecordingView(ServiceDetails.Recording recording) {
            this.recording = recording;
        }

        @Exported
        public String getVersion() {
            return recording.version();
        }

        @Exported
        @CheckForNull
        public String getEnvironment() {
            return recording.environment();
        }

        @Exported
        public String getAt() {
            return recording.at().toString();
        }

        @Exported
        @CheckForNull
        public String getBuild() {
            return recording.build() == null ? null : recording.build().job() + " #" + recording.build().number();
        }

        @Exported
        @CheckForNull
        public String getBuildUrl() {
            return recording.build() == null ? null : Texts.httpUrl(recording.build().url()).orElse(null);
        }

        @Exported(name = "new")
        public int getNewFindings() {
            return recording.newFindings();
        }

        @Exported
        public int getFixed() {
            return recording.fixed();
        }

        @Exported
        public int getOpen() {
            return recording.open();
        }
    }
}
