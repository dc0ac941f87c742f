package io.jenkins.plugins.securitycatalogue.plugin;

import hudson.model.User;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentFilter;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.util.List;
import java.util.Set;

/** The incidents of the catalogue, and which of them concern a job or a build. */
final class IncidentAccess {
    private IncidentAccess() {
    }

    /** Returns the store of incidents. */
    static IncidentStore store() throws StoreException {
        return new IncidentStore(CatalogueAccess.get().store());
    }

    /** Returns the name that edits are recorded under: the current user's id, or "anonymous". */
    static String currentUser() {
        User user = User.current();
        return user == null ? "anonymous" : user.getId();
    }

    /**
     * Returns the incidents of a job: those a build of the job introduced or fixed, and those that affected a
     * service the job recorded.
     */
    static List<Incident> ofJob(String job) throws StoreException {
        Set<String> services = CatalogueAccess.get().queries().servicesRecordedBy(job);
        return store().list(IncidentFilter.ALL).stream()
                .filter(incident -> isBuildOf(incident.postMortem().security().introducedBy(), job)
                        || isBuildOf(incident.postMortem().security().fixedBy(), job)
                        || incident.postMortem().security().services().stream().anyMatch(services::contains))
                .toList();
    }

    /** Returns the incidents a build introduced or fixed. */
    static List<Incident> ofBuild(String job, long number) throws StoreException {
        return store().list(IncidentFilter.ALL).stream()
                .filter(incident -> isBuild(incident.postMortem().security().introducedBy(), job, number)
                        || isBuild(incident.postMortem().security().fixedBy(), job, number))
                .toList();
    }

    /** Returns the incidents that affected a service. */
    static List<Incident> ofService(String service) throws StoreException {
        return store().list(new IncidentFilter(null, null, service, null, null));
    }

    private static boolean isBuildOf(BuildReference build, String job) {
        return build != null && build.job().equals(job);
    }

    private static boolean isBuild(BuildReference build, String job, long number) {
        return isBuildOf(build, job) && build.number() != null && build.number() == number;
    }
}
