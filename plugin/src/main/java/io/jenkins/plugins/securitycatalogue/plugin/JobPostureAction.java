package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;

/**
 * On a job's page: the posture its latest recording left, and the trend of its last recordings. It reads the
 * actions saved with the builds, so it costs no database query.
 */
public final class JobPostureAction implements Action {
    private static final int TREND_BUILDS = 20;

    private final Job<?, ?> job;

    JobPostureAction(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.JobPostureAction_DisplayName();
    }

    @Override
    @CheckForNull
    public String getUrlName() {
        return null;
    }

    /** Returns whether the current user may see the posture. */
    public boolean isVisible() {
        return Jenkins.get().hasPermission(CataloguePermissions.READ) && !getLatest().isEmpty();
    }

    /**
     * Returns what the latest build with a recording recorded, one entry per service; only the last builds are
     * looked at, so that a job that never recorded costs little.
     */
    public List<ServiceRecordingAction> getLatest() {
        int builds = 0;
        for (Run<?, ?> run = job.getLastCompletedBuild(); run != null && builds++ < TREND_BUILDS;
                run = run.getPreviousCompletedBuild()) {
            List<ServiceRecordingAction> actions = run.getActions(ServiceRecordingAction.class);
            if (!actions.isEmpty()) {
                return actions;
            }
        }
        return List.of();
    }

    /** Returns the recordings of the last builds, newest first, for the trend table. */
    public List<ServiceRecordingAction> getTrend() {
        List<ServiceRecordingAction> trend = new ArrayList<>();
        int builds = 0;
        for (Run<?, ?> run = job.getLastCompletedBuild(); run != null && builds < TREND_BUILDS;
                run = run.getPreviousCompletedBuild()) {
            builds++;
            trend.addAll(run.getActions(ServiceRecordingAction.class));
        }
        return trend;
    }

    /** Adds the posture to every job. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            return List.of(new JobPostureAction(target));
        }
    }
}
