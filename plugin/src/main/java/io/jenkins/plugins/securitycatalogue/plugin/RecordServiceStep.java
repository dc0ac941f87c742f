package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.github.GitHubAlerts;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code recordService}: records a service's metadata, the version this build made, where it deployed it, and
 * the results of its security tools, into the Security Catalogue. Reports are read on the agent; only the
 * normalised findings reach the controller, which records them through the same recorder as the command line.
 */
public class RecordServiceStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String name;
    @CheckForNull
    private String team;
    @CheckForNull
    private String description;
    @CheckForNull
    private String version;
    @CheckForNull
    private String environment;
    @CheckForNull
    private String repository;
    @CheckForNull
    private String tier;
    private List<ServiceLink> links = new ArrayList<>();
    @CheckForNull
    private String reports;
    @CheckForNull
    private String format;
    private List<ScanReport> scans = new ArrayList<>();
    private List<QualityGateThreshold> qualityGates = new ArrayList<>();
    private boolean markStageOnly;
    private boolean failOnError = true;
    private boolean importGitHubAlerts;

    /** Creates the step for the named service. */
    @DataBoundConstructor
    public RecordServiceStep(String name) {
        this.name = Util.fixNull(name).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    public String getName() {
        return name;
    }

    @CheckForNull
    public String getTeam() {
        return team;
    }

    @DataBoundSetter
    public void setTeam(@CheckForNull String team) {
        this.team = Util.fixEmptyAndTrim(team);
    }

    @CheckForNull
    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    @CheckForNull
    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(@CheckForNull String version) {
        this.version = Util.fixEmptyAndTrim(version);
    }

    @CheckForNull
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(@CheckForNull String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    @CheckForNull
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(@CheckForNull String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    @CheckForNull
    public String getTier() {
        return tier;
    }

    @DataBoundSetter
    public void setTier(@CheckForNull String tier) {
        this.tier = Util.fixEmptyAndTrim(tier);
    }

    public List<ServiceLink> getLinks() {
        return List.copyOf(links);
    }

    @DataBoundSetter
    public void setLinks(@CheckForNull List<ServiceLink> links) {
        this.links = links == null ? new ArrayList<>() : new ArrayList<>(links);
    }

    @CheckForNull
    public String getReports() {
        return reports;
    }

    /** Sets the report files: comma-separated Ant-style patterns relative to the workspace. */
    @DataBoundSetter
    public void setReports(@CheckForNull String reports) {
        this.reports = Util.fixEmptyAndTrim(reports);
    }

    @CheckForNull
    public String getFormat() {
        return format;
    }

    /** Sets the format of the {@code reports}; empty means each file's format is told by its content. */
    @DataBoundSetter
    public void setFormat(@CheckForNull String format) {
        this.format = Util.fixEmptyAndTrim(format);
    }

    public List<ScanReport> getScans() {
        return List.copyOf(scans);
    }

    /** Sets further report patterns, each with its own format. */
    @DataBoundSetter
    public void setScans(@CheckForNull List<ScanReport> scans) {
        this.scans = scans == null ? new ArrayList<>() : new ArrayList<>(scans);
    }

    public List<QualityGateThreshold> getQualityGates() {
        return List.copyOf(qualityGates);
    }

    @DataBoundSetter
    public void setQualityGates(@CheckForNull List<QualityGateThreshold> qualityGates) {
        this.qualityGates = qualityGates == null ? new ArrayList<>() : new ArrayList<>(qualityGates);
    }

    public boolean isMarkStageOnly() {
        return markStageOnly;
    }

    /** Sets whether a reached quality gate marks only the stage, leaving the build result alone. */
    @DataBoundSetter
    public void setMarkStageOnly(boolean markStageOnly) {
        this.markStageOnly = markStageOnly;
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    /** Sets whether a report that cannot be read fails the step (the default) or only marks the build unstable. */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isImportGitHubAlerts() {
        return importGitHubAlerts;
    }

    /**
     * Sets whether the repository's GitHub code scanning and Dependabot alerts are imported as scans in the same
     * recording (needs the GitHub credential of the global configuration).
     */
    @DataBoundSetter
    public void setImportGitHubAlerts(boolean importGitHubAlerts) {
        this.importGitHubAlerts = importGitHubAlerts;
    }

    List<ReadReports.Pattern> patterns() {
        List<ReadReports.Pattern> patterns = new ArrayList<>();
        if (reports != null) {
            patterns.add(new ReadReports.Pattern(reports, format));
        }
        scans.forEach(scan -> patterns.add(new ReadReports.Pattern(scan.getPattern(), scan.getFormat())));
        return patterns;
    }

    /** Runs the step off the Pipeline thread: reading reports and writing the catalogue may take a while. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient RecordServiceStep step;

        Execution(StepContext context, RecordServiceStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            PrintStream console = listener.getLogger();
            EnvVars env = getContext().get(EnvVars.class);
            CatalogueStore store = openStore(console);
            List<ParsedReport> parsed = readReports(store, console, run);
            if (parsed == null) {
                return Map.of("recorded", false);
            }
            GitHubConnection github = gitHub(console);
            List<ParsedReport> reports = new ArrayList<>(parsed);
            RecordingRequest request = request(run, env, reports);
            if (step.isImportGitHubAlerts()) {
                reports.addAll(alerts(github, repositoryOf(request), store, console));
                request = request(run, env, reports);
            }
            RecordingResult result;
            try {
                result = CatalogueAccess.get().recorder(github == null ? null : GitHubAccess.metadataSource(github))
                        .record(request);
            }
            catch (StoreException exception) {
                return failed(console, run, "The catalogue could not be written: " + exception.getMessage());
            }
            QualityGate.Result gate = new QualityGate(thresholds()).evaluate(result.gateInput());
            String serviceUrl = serviceUrl(result.service());
            RecordingSummary.print(console, result, gate, serviceUrl);
            attach(run, new ServiceRecordingAction(result, gate));
            applyGate(run, gate);
            Map<String, Object> returned = new LinkedHashMap<>(RecordingSummary.returned(result, gate, serviceUrl));
            returned.put("recorded", true);
            return returned;
        }

        /**
         * Opens the configured GitHub connection, or returns {@code null} when there is none or it cannot be used:
         * recording never fails because of GitHub.
         */
        @CheckForNull
        private static GitHubConnection gitHub(PrintStream console) {
            try {
                return GitHubAccess.configured().orElse(null);
            }
            catch (GitHubException exception) {
                console.println(RecordingSummary.PREFIX + "WARNING: GitHub is not read: " + exception.getMessage());
                return null;
            }
        }

        /**
         * Reads the repository's code scanning and Dependabot alerts as scans. A kind that cannot be read is said on
         * the console and left out; the other is still recorded.
         */
        private static List<ParsedReport> alerts(@CheckForNull GitHubConnection github, @CheckForNull String repository,
                CatalogueStore store, PrintStream console) {
            if (github == null) {
                console.println(RecordingSummary.PREFIX + "WARNING: GitHub alerts were not imported: no usable GitHub "
                        + "credential is configured");
                return List.of();
            }
            Optional<RepositoryCoordinates> coordinates = repository == null ? Optional.empty()
                    : RepositoryCoordinates.parse(repository);
            if (coordinates.isEmpty() || !github.serves(coordinates.get().host())) {
                console.println(RecordingSummary.PREFIX + "WARNING: GitHub alerts were not imported: the repository "
                        + "is not known or not on the configured GitHub " + github.settings().apiUrl());
                return List.of();
            }
            var importer = new GitHubAlerts(github, store.secretHasher());
            List<ParsedReport> reports = new ArrayList<>();
            try {
                reports.add(importer.codeScanning(coordinates.get()));
            }
            catch (GitHubException exception) {
                console.println(RecordingSummary.PREFIX + "WARNING: " + GitHubAlerts.CODE_SCANNING_TOOL
                        + " alerts were not imported: " + exception.getMessage());
            }
            try {
                reports.add(importer.dependabot(coordinates.get()));
            }
            catch (GitHubException exception) {
                console.println(RecordingSummary.PREFIX + "WARNING: " + GitHubAlerts.DEPENDABOT_TOOL
                        + " alerts were not imported: " + exception.getMessage());
            }
            return reports;
        }

        /** Returns the repository the pipeline gave, or else the one the catalogue keeps for the service. */
        @CheckForNull
        private static String repositoryOf(RecordingRequest request) {
            if (request.service().repository() != null) {
                return request.service().repository();
            }
            try {
                return CatalogueAccess.get().queries().service(request.service().name())
                        .map(details -> details.summary().repository()).orElse(null);
            }
            catch (StoreException exception) {
                return null;
            }
        }

        /** Keeps one action per service and build: a later call for the same service replaces the earlier one. */
        private static void attach(Run<?, ?> run, ServiceRecordingAction action) {
            for (ServiceRecordingAction old : run.getActions(ServiceRecordingAction.class)) {
                if (old.getService().equals(action.getService())) {
                    run.removeAction(old);
                }
            }
            run.addAction(action);
        }

        private CatalogueStore openStore(PrintStream console) throws AbortException {
            try {
                return CatalogueAccess.get().store();
            }
            catch (StoreException exception) {
                console.println(RecordingSummary.PREFIX + "The catalogue cannot be opened: " + exception.getMessage());
                throw new AbortException(RecordingSummary.PREFIX + "nothing was recorded");
            }
        }

        @CheckForNull
        private List<ParsedReport> readReports(CatalogueStore store, PrintStream console, Run<?, ?> run)
                throws Exception {
            List<ReadReports.Pattern> patterns = step.patterns();
            if (patterns.isEmpty()) {
                return List.of();
            }
            FilePath workspace = getContext().get(FilePath.class);
            if (workspace == null) {
                throw new AbortException(RecordingSummary.PREFIX
                        + "reports are read from the workspace: call recordService inside a node block");
            }
            ReadReports.Outcome outcome = workspace.act(new ReadReports(patterns, store.secretHasher()));
            outcome.unmatched().forEach(pattern -> console.println(RecordingSummary.PREFIX
                    + "No report matches '" + pattern + "'"));
            if (!outcome.errors().isEmpty()) {
                outcome.errors().forEach(error -> console.println(RecordingSummary.PREFIX + "ERROR: " + error));
                failed(console, run, outcome.errors().size() + " report(s) could not be read");
                return null;
            }
            return outcome.reports();
        }

        private Map<String, Object> failed(PrintStream console, Run<?, ?> run, String problem)
                throws AbortException {
            console.println(RecordingSummary.PREFIX + problem + "; nothing was recorded");
            if (step.isFailOnError()) {
                throw new AbortException(RecordingSummary.PREFIX + problem + "; nothing was recorded");
            }
            run.setResult(Result.UNSTABLE);
            return Map.of("recorded", false, "error", problem);
        }

        private RecordingRequest request(Run<?, ?> run, @CheckForNull EnvVars env, List<ParsedReport> parsed)
                throws AbortException {
            String version = step.getVersion() != null ? step.getVersion() : fromEnvironment(env, "GIT_COMMIT");
            String repository = step.getRepository() != null ? step.getRepository() : fromEnvironment(env, "GIT_URL");
            try {
                var metadata = new ServiceMetadata(step.getName(), step.getTeam(), step.getDescription(), repository,
                        step.getTier(), links());
                String rootUrl = Jenkins.get().getRootUrl();
                var build = new BuildReference(run.getParent().getFullName(), (long) run.getNumber(),
                        rootUrl == null ? null : rootUrl + run.getUrl());
                return new RecordingRequest(metadata, version == null ? RecordingRequest.UNVERSIONED : version,
                        step.getEnvironment(), build, parsed, Instant.now());
            }
            catch (IllegalArgumentException exception) {
                throw new AbortException(RecordingSummary.PREFIX + exception.getMessage());
            }
        }

        private Map<String, String> links() {
            Map<String, String> links = new LinkedHashMap<>();
            for (LinkTemplate template : SecurityCatalogueConfiguration.get().getLinkTemplates()) {
                template.expand(step.getName(), step.getTeam()).ifPresent(url -> links.put(template.getName(), url));
            }
            step.getLinks().forEach(link -> links.put(link.getName(), link.getUrl()));
            return links;
        }

        private List<QualityGate.Threshold> thresholds() throws AbortException {
            List<QualityGate.Threshold> thresholds = new ArrayList<>();
            try {
                step.getQualityGates().forEach(gate -> thresholds.add(gate.toThreshold()));
            }
            catch (IllegalArgumentException exception) {
                throw new AbortException(RecordingSummary.PREFIX + exception.getMessage());
            }
            return thresholds;
        }

        private void applyGate(Run<?, ?> run, QualityGate.Result gate) throws Exception {
            if (gate.status() == QualityGate.Status.PASS) {
                return;
            }
            Result result = gate.status() == QualityGate.Status.FAIL ? Result.FAILURE : Result.UNSTABLE;
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(result).withMessage(String.join("; ", gate.reasons())));
            }
            if (!step.isMarkStageOnly()) {
                run.setResult(result);
            }
        }

        @CheckForNull
        private static String fromEnvironment(@CheckForNull EnvVars env, String variable) {
            return env == null ? null : Util.fixEmptyAndTrim(env.get(variable));
        }

        @CheckForNull
        private static String serviceUrl(String service) {
            String rootUrl = Jenkins.get().getRootUrl();
            return rootUrl == null ? null : rootUrl + CatalogueRootAction.URL_NAME + "/service/" + service + "/";
        }
    }

    /** Describes the step: its Pipeline name and what it needs. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "recordService";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RecordServiceStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** Checks the service name. */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            String trimmed = Util.fixEmptyAndTrim(value);
            if (trimmed == null) {
                return FormValidation.error(Messages.RecordServiceStep_MissingName());
            }
            return NAME.matcher(trimmed).matches() ? FormValidation.ok()
                    : FormValidation.error(Messages.RecordServiceStep_InvalidName());
        }
    }
}
