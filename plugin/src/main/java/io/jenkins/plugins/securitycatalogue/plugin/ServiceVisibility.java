package io.jenkins.plugins.securitycatalogue.plugin;

import hudson.model.Job;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see a service's details: administrators, and users who can read at least one job that recorded it.
 * A service recorded only outside Jenkins (from the command line) is visible to administrators only.
 */
final class ServiceVisibility {
    private final boolean administrator;
    private final Map<String, Set<String>> jobs;
    private final Map<String, Boolean> readable = new HashMap<>();

    private ServiceVisibility(boolean administrator, Map<String, Set<String>> jobs) {
        this.administrator = administrator;
        this.jobs = jobs;
    }

    /** Returns the visibility for the current user. */
    static ServiceVisibility forCurrentUser(CatalogueQueries queries) throws StoreException {
        boolean administrator = Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        return new ServiceVisibility(administrator, administrator ? Map.of() : queries.recordingJobs());
    }

    /** Returns whether the current user may see the service's details and findings. */
    boolean canSee(String service) {
        if (administrator) {
            return true;
        }
        for (String job : jobs.getOrDefault(service, Set.of())) {
            if (readable.computeIfAbsent(job, ServiceVisibility::canRead)) {
                return true;
            }
        }
        return false;
    }

    private static boolean canRead(String jobFullName) {
        try {
            return Jenkins.get().getItemByFullName(jobFullName, Job.class) != null;
        }
        catch (AccessDeniedException exception) {
            return false;
        }
    }
}
