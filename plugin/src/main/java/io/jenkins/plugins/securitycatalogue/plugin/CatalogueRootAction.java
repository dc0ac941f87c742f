package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Api;
import hudson.model.RootAction;
import hudson.security.Permission;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The catalogue's URL space, {@code /security-catalogue/}: the services table with its filters and the exposure
 * search, one page per service, and the REST API of both. Everything needs the catalogue's read permission, and
 * a service's details are shown only to users who can read a job that recorded it.
 */
@Extension
@ExportedBean
public class CatalogueRootAction implements RootAction, StaplerProxy {
    /** The URL name under the Jenkins root. */
    public static final String URL_NAME = "security-catalogue";

    /** The icon of the catalogue's links. */
    public static final String ICON = "symbol-security-catalogue plugin-security-catalogue";

    private static final String ALL_SERVICES = CatalogueRootAction.class.getName() + ".all";

    /** How many services one page of the table shows. */
    public static final int PAGE_SIZE = 50;

    private static final Logger LOGGER = Logger.getLogger(CatalogueRootAction.class.getName());

    @Override
    @CheckForNull
    public String getIconFileName() {
        return Jenkins.get().hasPermission(CataloguePermissions.READ) ? ICON : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.CatalogueRootAction_DisplayName();
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

    /** Returns the permission the layout checks. */
    public Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    /** Returns the REST API: {@code api/json} and {@code api/xml}, filtered like the page. */
    public Api getApi() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return new Api(this);
    }

    /**
     * Returns one page ({@link #PAGE_SIZE} rows, the request's {@code page} parameter, from 1) of the services the
     * current user may see, filtered by the request's parameters, riskiest first. Administrators' pages are read
     * page by page from the database, so that the page costs the same in a catalogue of any size.
     */
    @Exported(inline = true)
    public List<ServiceView> getServices() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        try {
            CatalogueQueries queries = CatalogueAccess.get().queries();
            ServiceVisibility visibility = ServiceVisibility.forCurrentUser(queries);
            int offset = (getPage() - 1) * PAGE_SIZE;
            if (Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return queries.services(filter(), offset, PAGE_SIZE + 1).stream().map(ServiceView::new).toList();
            }
            return queries.services(filter()).stream()
                    .filter(service -> visibility.canSee(service.name()))
                    .skip(offset)
                    .limit(PAGE_SIZE + 1L)
                    .map(ServiceView::new)
                    .toList();
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot read the security catalogue", exception);
            return List.of();
        }
    }

    /** Returns the services that carry the vulnerability or package of the {@code q} parameter. */
    @Exported(inline = true)
    public List<ExposureView> getExposure() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        String query = parameter("q");
        if (query == null) {
            return List.of();
        }
        try {
            CatalogueQueries queries = CatalogueAccess.get().queries();
            ServiceVisibility visibility = ServiceVisibility.forCurrentUser(queries);
            return queries.exposure(query).stream()
                    .filter(hit -> visibility.canSee(hit.service()))
                    .map(ExposureView::new)
                    .toList();
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot search the security catalogue", exception);
            return List.of();
        }
    }

    /** Returns the page of a service, or {@code null} (not found) if it does not exist or may not be seen. */
    @CheckForNull
    public ServicePage getService(String name) {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        try {
            CatalogueQueries queries = CatalogueAccess.get().queries();
            if (!ServiceVisibility.forCurrentUser(queries).canSee(name)) {
                return null;
            }
            Optional<ServiceDetails> details = queries.service(name);
            return details.map(ServicePage::new).orElse(null);
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot read service " + name + " of the security catalogue", exception);
            return null;
        }
    }

    /** Returns the teams of the services the user may see, for the filter. */
    public List<String> getTeams() {
        return getAllServices().stream().map(ServiceView::getTeam).filter(team -> team != null)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** Returns the environments of the services the user may see, for the filter. */
    public List<String> getEnvironments() {
        var environments = new TreeSet<String>();
        getAllServices().forEach(service -> service.getDeployments()
                .forEach(deployment -> environments.add(deployment.getName())));
        return List.copyOf(environments);
    }

    /** Returns the severities, for the filter. */
    public List<String> getSeverities() {
        return java.util.Arrays.stream(Severity.values()).map(Severity::label).toList();
    }

    /** Returns how many services a page shows; the services list holds one more when a next page exists. */
    public int getPageSize() {
        return PAGE_SIZE;
    }

    /** Returns the page of the table the request asks for, from 1. */
    public int getPage() {
        String page = parameter("page");
        return page != null && page.matches("[1-9]\\d{0,5}") ? Integer.parseInt(page) : 1;
    }

    /** Returns the request's filters as a query string without the page, for the links to other pages. */
    public String getFilterQuery() {
        var query = new StringBuilder();
        for (String name : List.of("team", "environment", "severity")) {
            String value = parameter(name);
            if (value != null) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** Returns the value of a request parameter, for the filter form. */
    @CheckForNull
    public String parameter(String name) {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return request == null ? null : Util.fixEmptyAndTrim(request.getParameter(name));
    }

    /**
     * Returns every service the user may see, for the filters' choices; read once per request, since the page
     * asks for both the teams and the environments.
     */
    @SuppressWarnings("unchecked")
    private List<ServiceView> getAllServices() {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        Object cached = request == null ? null : request.getAttribute(ALL_SERVICES);
        if (cached instanceof List) {
            return (List<ServiceView>) cached;
        }
        List<ServiceView> all = readAllServices();
        if (request != null) {
            request.setAttribute(ALL_SERVICES, all);
        }
        return all;
    }

    private static List<ServiceView> readAllServices() {
        try {
            CatalogueQueries queries = CatalogueAccess.get().queries();
            ServiceVisibility visibility = ServiceVisibility.forCurrentUser(queries);
            return queries.services(ServiceFilter.ALL).stream()
                    .filter(service -> visibility.canSee(service.name()))
                    .map(ServiceView::new).toList();
        }
        catch (StoreException exception) {
            LOGGER.log(Level.WARNING, "Cannot read the security catalogue", exception);
            return List.of();
        }
    }

    private ServiceFilter filter() {
        String severity = parameter("severity");
        Severity least = severity == null ? null : Severity.fromText(severity.toLowerCase(Locale.ROOT));
        return new ServiceFilter(parameter("team"), parameter("environment"), least);
    }

}
