package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One incident in a list: its id, title, severity, status and what it affected. */
@ExportedBean(defaultVisibility = 2)
public final class IncidentView {
    private final Incident incident;

    IncidentView(Incident incident) {
        this.incident = incident;
    }

    @Exported
    public String getId() {
        return incident.id().toString();
    }

    @Exported
    public String getTitle() {
        return incident.title();
    }

    @Exported
    public String getSeverity() {
        return incident.severity().name();
    }

    @Exported
    public String getStatus() {
        return incident.status().label();
    }

    @Exported
    @CheckForNull
    public String getStarted() {
        return incident.postMortem().times().started() == null ? null
                : incident.postMortem().times().started().toString();
    }

    @Exported
    public List<String> getServices() {
        return incident.postMortem().security().services();
    }

    @Exported
    public List<String> getVulnerabilities() {
        return incident.postMortem().security().vulnerabilities();
    }

    /** Returns the page of the incident, relative to the Jenkins root. */
    public String getUrl() {
        return IncidentsRootAction.URL_NAME + "/incident/" + getId() + "/";
    }
}
