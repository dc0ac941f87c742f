package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;

/**
 * The "Incidents" link of a job (incidents its builds introduced or fixed, or that affected a service it records)
 * and of a build (incidents it introduced or fixed). The link shows only when there are incidents to list.
 */
public final class IncidentLinksAction implements Action {
    private static final Logger LOGGER = Logger.getLogger(IncidentLinksAction.class.getName());

    private final String owner;
    private final Callable<List<Incident>> incidents;
    private transient List<IncidentView> loaded;

    IncidentLinksAction(String owner, Callable<List<Incident>> incidents) {
        this.owner = owner;
        this.incidents = incidents;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return Jenkins.get().hasPermission(CataloguePermissions.READ) && !getIncidents().isEmpty()
                ? IncidentsRootAction.ICON : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.IncidentLinksAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "security-incidents";
    }

    /** Returns what the incidents are listed for: a job's or a build's name. */
    public String getOwner() {
        return owner;
    }

    public Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    /** Returns the incidents, read once per page. */
    public synchronized List<IncidentView> getIncidents() {
        if (loaded == null) {
            try {
                loaded = incidents.call().stream().map(IncidentView::new).toList();
            }
            catch (StoreException exception) {
                LOGGER.log(Level.WARNING, "Cannot read the incidents of " + owner, exception);
                loaded = List.of();
            }
            catch (Exception exception) {
                LOGGER.log(Level.WARNING, "Cannot read the incidents of " + owner, exception);
                loaded = List.of();
            }
        }
        return loaded;
    }

    /** Adds the link to every job. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class JobFactory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            String job = target.getFullName();
            return List.of(new IncidentLinksAction(target.getFullDisplayName(), () -> IncidentAccess.ofJob(job)));
        }
    }

    /** Adds the link to every build. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class RunFactory extends TransientActionFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Run target) {
            String job = target.getParent().getFullName();
            long number = target.getNumber();
            return List.of(new IncidentLinksAction(target.getFullDisplayName(),
                    () -> IncidentAccess.ofBuild(job, number)));
        }
    }
}
