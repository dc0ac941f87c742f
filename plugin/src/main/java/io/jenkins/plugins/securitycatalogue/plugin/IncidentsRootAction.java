package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Api;
import hudson.model.RootAction;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.jenkins.plugins.securitycatalogue.incident.BlamelessCheck;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentFilter;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentMetrics;
import io.jenkins.plugins.securitycatalogue.incident.IncidentSeverity;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import io.jenkins.plugins.securitycatalogue.incident.PublicationRules;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * Incidents and their blameless post-mortems, {@code /security-incidents/}: the list with its filters and
 * metrics, the form to write a new one, each incident's page, and an Atom feed of the published ones. Reading
 * follows the catalogue's read permission; writing and publishing have their own.
 */
@Extension
@ExportedBean
public class IncidentsRootAction implements RootAction, StaplerProxy {
    /** The URL name under the Jenkins root. */
    public static final String URL_NAME = "security-incidents";

    /** The icon of the incidents' links. */
    public static final String ICON = "symbol-security-incidents plugin-security-catalogue";

    private static final Logger LOGGER = Logger.getLogger(IncidentsRootAction.class.getName());

    @Override
    @CheckForNull
    public String getIconFileName() {
        return Jenkins.get().hasPermission(CataloguePermissions.READ) ? ICON : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.IncidentsRootAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return this;
    }

    public Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    public Permission getManagePermission() {
        return CataloguePermissions.MANAGE_INCIDENTS;
    }

    /** Returns the REST API of the list. */
    public Api getApi() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return new Api(this);
    }

    /** Returns the incidents that pass the request's filters, newest first. */
    @Exported(inline = true)
    public List<IncidentView> getIncidents() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return incidents().stream().map(IncidentView::new).toList();
    }

    /** Returns the times to detect, mitigate and resolve of the listed incidents, by severity and quarter. */
    public MetricsView getMetrics() {
        return new MetricsView(IncidentMetrics.of(incidents()));
    }

    /** Returns the page of an incident, or {@code null} (not found). */
    @CheckForNull
    public IncidentPage getIncident(String id) {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        try {
            return IncidentAccess.store().find(IncidentId.parse(id)).map(IncidentPage::new).orElse(null);
        }
        catch (IllegalArgumentException exception) {
            return null;
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot read incident " + id, exception);
            return null;
        }
    }

    /** Returns the Markdown a new post-mortem starts from. */
    public String getTemplate() throws IOException {
        try (InputStream in = IncidentsRootAction.class.getResourceAsStream("post-mortem-template.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates an incident from the form's Markdown and shows it. */
    @POST
    public HttpResponse doCreate(StaplerRequest2 request) throws IOException {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        String markdown = Util.fixNull(request.getParameter("markdown"));
        try {
            var postMortem = MarkdownImport.read(markdown).postMortem();
            Incident incident = IncidentAccess.store().create(postMortem, IncidentAccess.currentUser(), Instant.now());
            return HttpResponses.redirectTo("incident/" + incident.id() + "/");
        }
        catch (IllegalArgumentException exception) {
            return HttpResponses.errorWithoutStack(400, exception.getMessage());
        }
        catch (StoreException exception) {
            return HttpResponses.errorWithoutStack(503, exception.getMessage());
        }
    }

    /** Checks a post-mortem's Markdown: errors that prevent saving, what publishing still needs, blaming words. */
    @POST
    public FormValidation doCheckMarkdown(@QueryParameter String value) {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        return check(value);
    }

    /** Checks Markdown; shared with the edit form of an incident. */
    static FormValidation check(String markdown) {
        MarkdownImport.Result result;
        try {
            result = MarkdownImport.read(Util.fixNull(markdown));
        }
        catch (IllegalArgumentException exception) {
            return FormValidation.error(exception.getMessage());
        }
        List<String> notes = new ArrayList<>(result.warnings());
        List<String> missing = PublicationRules.missing(result.postMortem());
        if (!missing.isEmpty()) {
            notes.add("To publish it still needs: " + String.join(", ", missing));
        }
        BlamelessCheck.defaults().check(result.postMortem()).forEach(warning ->
                notes.add("Blameless writing, " + warning.where() + ": \"" + warning.matched() + "\" - "
                        + warning.suggestion()));
        return notes.isEmpty() ? FormValidation.ok() : FormValidation.warning(String.join(" | ", notes));
    }

    /** Writes the Atom feed of the published post-mortems. */
    public void doFeed(StaplerRequest2 request, StaplerResponse2 response) throws IOException, ServletException {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        try {
            List<Incident> published = IncidentAccess.store().list(IncidentFilter.PUBLISHED);
            String root = Jenkins.get().getRootUrl();
            response.setContentType("application/atom+xml;charset=UTF-8");
            new io.jenkins.plugins.securitycatalogue.incident.AtomFeed(Messages.IncidentsRootAction_FeedTitle(),
                    root == null ? null : root + URL_NAME + "/incident/")
                    .write(published, Instant.now(), response.getWriter());
        }
        catch (StoreException | javax.xml.stream.XMLStreamException exception) {
            response.sendError(503, exception.getMessage());
        }
    }

    /** Returns the choices of the filters. */
    public List<String> getStatuses() {
        return Arrays.stream(IncidentStatus.values()).map(IncidentStatus::label).toList();
    }

    public List<String> getSeverities() {
        return Arrays.stream(IncidentSeverity.values()).map(Enum::name).toList();
    }

    /** Returns a request parameter, for the filter form. */
    @CheckForNull
    public String parameter(String name) {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return request == null ? null : Util.fixEmptyAndTrim(request.getParameter(name));
    }

    private List<Incident> incidents() {
        try {
            return IncidentAccess.store().list(filter());
        }
        catch (IllegalArgumentException exception) {
            return List.of();
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot read the incidents", exception);
            return List.of();
        }
    }

    private IncidentFilter filter() {
        String status = parameter("status");
        String severity = parameter("severity");
        String year = parameter("year");
        return new IncidentFilter(status == null ? null : IncidentStatus.parse(status),
                severity == null ? null : IncidentSeverity.parse(severity), parameter("service"), parameter("team"),
                year == null || !year.matches("\\d{4}") ? null : Integer.valueOf(year));
    }
}
