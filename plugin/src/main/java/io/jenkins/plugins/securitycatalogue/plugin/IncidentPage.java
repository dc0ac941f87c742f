package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Api;
import hudson.model.ModelObject;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.jenkins.plugins.securitycatalogue.github.ActionItemIssues;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.IssueRefresh;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.incident.BlamelessCheck;
import io.jenkins.plugins.securitycatalogue.incident.EditConflictException;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownExport;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.incident.PublicationRules;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * One incident: its post-mortem, what it affected, its action items, and the forms to edit, send for review and
 * publish it. Edits carry the revision they started from, so that two people cannot overwrite each other.
 */
@ExportedBean
public final class IncidentPage implements ModelObject {
    private static final int MAX_LABELS = 10;
    private static final int MAX_LABEL_LENGTH = 50;

    private final Incident incident;

    IncidentPage(Incident incident) {
        this.incident = incident;
    }

    @Override
    public String getDisplayName() {
        return incident.id() + ": " + incident.title();
    }

    /** Returns the REST API of the incident. */
    public Api getApi() {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        return new Api(this);
    }

    public Permission getReadPermission() {
        return CataloguePermissions.READ;
    }

    public Permission getManagePermission() {
        return CataloguePermissions.MANAGE_INCIDENTS;
    }

    /** Returns whether the current user may edit the incident. */
    public boolean isEditable() {
        return Jenkins.get().hasPermission(CataloguePermissions.MANAGE_INCIDENTS);
    }

    /** Returns whether the current user may publish it now. */
    public boolean isPublishable() {
        return Jenkins.get().hasPermission(CataloguePermissions.PUBLISH_INCIDENTS)
                && incident.status() == IncidentStatus.IN_REVIEW;
    }

    /** Returns whether it can be sent for review now. */
    public boolean isReviewable() {
        return isEditable() && incident.status() == IncidentStatus.DRAFT;
    }

    @Exported
    public String getId() {
        return incident.id().toString();
    }

    @Exported
    public int getRevision() {
        return incident.revision();
    }

    @Exported
    public String getStatus() {
        return incident.status().label();
    }

    @Exported
    public String getUpdatedBy() {
        return incident.updatedBy();
    }

    @Exported
    public String getUpdatedAt() {
        return incident.updatedAt().toString();
    }

    /** Returns the post-mortem. */
    public PostMortem getPostMortem() {
        return incident.postMortem();
    }

    /** Returns the post-mortem as Markdown: shown on the page, exported, and edited. */
    @Exported
    public String getMarkdown() {
        return MarkdownExport.write(incident);
    }

    /** Returns the sections publishing still needs. */
    public List<String> getMissing() {
        return PublicationRules.missing(incident.postMortem());
    }

    /** Returns the wording that blames individuals, with suggestions. */
    public List<String> getBlamelessWarnings() {
        return BlamelessCheck.defaults().check(incident.postMortem()).stream()
                .map(warning -> warning.where() + ": \"" + warning.matched() + "\" - " + warning.suggestion())
                .toList();
    }

    /** Returns the action items that are past their due date and not done. */
    public List<ActionItem> getOverdueActions() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return incident.postMortem().actionItems().stream().filter(item -> item.isOverdue(today)).toList();
    }

    /** Returns the build that introduced the problem, as a link when it has an http URL. */
    @CheckForNull
    public String getIntroducedByUrl() {
        return url(incident.postMortem().security().introducedBy());
    }

    /** Returns the build that fixed the problem, as a link when it has an http URL. */
    @CheckForNull
    public String getFixedByUrl() {
        return url(incident.postMortem().security().fixedBy());
    }

    @CheckForNull
    private static String url(@CheckForNull BuildReference build) {
        return build == null ? null : Texts.httpUrl(build.url()).orElse(null);
    }

    /** Returns the action items with their number, state and tracker link. */
    public List<ActionItemRow> getActionItems() {
        List<ActionItem> items = incident.postMortem().actionItems();
        List<ActionItemRow> rows = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            ActionItem item = items.get(index);
            rows.add(new ActionItemRow(index + 1, item.description(), item.owner(),
                    item.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), item.tracker(),
                    Texts.httpUrl(item.tracker()).orElse(null)));
        }
        return rows;
    }

    /** Returns whether the current user may file issues: GitHub is configured and they may edit the incident. */
    public boolean isGitHubUsable() {
        return isEditable() && !SecurityCatalogueConfiguration.get().getGithubCredentialsId().isEmpty();
    }

    /** Returns the repository of the first affected service the catalogue knows one for, to file issues in. */
    @CheckForNull
    public String getDefaultIssueRepository() {
        try {
            for (String service : incident.postMortem().security().services()) {
                Optional<String> repository = CatalogueAccess.get().queries().service(service)
                        .map(details -> details.summary().repository())
                        .filter(address -> RepositoryCoordinates.parse(address).isPresent());
                if (repository.isPresent()) {
                    return repository.get();
                }
            }
        }
        catch (StoreException exception) {
            return null;
        }
        return null;
    }

    /**
     * Files an action item as a GitHub issue in the given repository, with the chosen labels, and stores the
     * issue's address on the item. The issue gets the item and a link back, never the post-mortem.
     */
    @POST
    public HttpResponse doCreateGitHubIssue(@QueryParameter int item, @QueryParameter String repository,
            @QueryParameter String labels) {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        Optional<RepositoryCoordinates> coordinates = RepositoryCoordinates.parse(Util.fixNull(repository));
        if (coordinates.isEmpty()) {
            return HttpResponses.errorWithoutStack(400, Messages.IncidentPage_NotARepository(
                    Util.fixNull(repository)));
        }
        List<String> labelList = Arrays.stream(Util.fixNull(labels).split(",")).map(String::strip)
                .filter(label -> !label.isEmpty()).toList();
        if (labelList.size() > MAX_LABELS || labelList.stream().anyMatch(label -> label.length() > MAX_LABEL_LENGTH)) {
            return HttpResponses.errorWithoutStack(400, Messages.IncidentPage_TooManyLabels(MAX_LABELS,
                    MAX_LABEL_LENGTH));
        }
        return withGitHub(issues -> {
            issues.export(incident.id(), item, coordinates.get(), labelList, postMortemUrl(),
                    IncidentAccess.currentUser(), Instant.now());
            return HttpResponses.redirectTo(".");
        });
    }

    /** Reads the state of every linked GitHub issue, moves the items that changed, and shows what it found. */
    @POST
    public HttpResponse doRefreshIssueStates() {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        return withGitHub(issues -> {
            List<IssueRefresh> results = issues.refresh(incident.id(), IncidentAccess.currentUser(), Instant.now());
            return HttpResponses.forwardToView(this, "refreshed").with("results", results);
        });
    }

    /** Runs work on the configured GitHub and turns its failures into error pages that say what went wrong. */
    private static HttpResponse withGitHub(IssueWork work) {
        try {
            GitHubConnection github = GitHubAccess.configured().orElse(null);
            if (github == null) {
                return HttpResponses.errorWithoutStack(409, Messages.IncidentPage_GitHubNotConfigured());
            }
            return work.run(new ActionItemIssues(github, IncidentAccess.store()));
        }
        catch (IncidentException exception) {
            return HttpResponses.errorWithoutStack(400, exception.getMessage());
        }
        catch (GitHubException exception) {
            return HttpResponses.errorWithoutStack(502, exception.getMessage());
        }
        catch (StoreException exception) {
            return HttpResponses.errorWithoutStack(503, exception.getMessage());
        }
    }

    /** Work on the action items' GitHub issues. */
    @FunctionalInterface
    private interface IssueWork {
        HttpResponse run(ActionItemIssues issues) throws IncidentException, GitHubException, StoreException;
    }

    /** Returns the address of this page, for the link back from an issue, or {@code null} without a root URL. */
    @CheckForNull
    private String postMortemUrl() {
        String root = Jenkins.get().getRootUrl();
        return root == null ? null : root + IncidentsRootAction.URL_NAME + "/incident/" + getId() + "/";
    }

    /**
     * One action item as the page shows it.
     *
     * @param number its number in the post-mortem, from 1
     * @param state open, in progress, done or won't do
     * @param tracker the tracker link as stored, or {@code null}
     * @param trackerUrl the tracker link when it is an http(s) URL, to show as a link
     */
    public record ActionItemRow(int number, String description, @CheckForNull String owner, String state,
            @CheckForNull String tracker, @CheckForNull String trackerUrl) {
    }

    /** Serves the post-mortem as a Markdown file, for wikis and repositories. */
    public void doMarkdown(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Jenkins.get().checkPermission(CataloguePermissions.READ);
        response.setContentType("text/markdown;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + getId() + ".md\"");
        response.getOutputStream().write(getMarkdown().getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the edited Markdown. */
    @POST
    public FormValidation doCheckMarkdown(@QueryParameter String value) {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        return IncidentsRootAction.check(value);
    }

    /** Saves an edit; refused with a conflict if someone saved another revision since the form was loaded. */
    @POST
    public HttpResponse doSave(StaplerRequest2 request) {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        try {
            int revision = Integer.parseInt(Util.fixNull(request.getParameter("revision")).trim());
            PostMortem postMortem = MarkdownImport.read(Util.fixNull(request.getParameter("markdown"))).postMortem();
            IncidentAccess.store().save(incident.id(), revision, postMortem, IncidentAccess.currentUser(),
                    Instant.now());
            return HttpResponses.redirectTo(".");
        }
        catch (EditConflictException exception) {
            return HttpResponses.errorWithoutStack(409, exception.getMessage());
        }
        catch (IncidentException | IllegalArgumentException exception) {
            return HttpResponses.errorWithoutStack(400, exception.getMessage());
        }
        catch (StoreException exception) {
            return HttpResponses.errorWithoutStack(503, exception.getMessage());
        }
    }

    /** Sends the post-mortem for review. */
    @POST
    public HttpResponse doSubmitForReview(@QueryParameter int revision) {
        Jenkins.get().checkPermission(CataloguePermissions.MANAGE_INCIDENTS);
        return changeStatus(revision, IncidentStatus.IN_REVIEW);
    }

    /** Publishes the post-mortem; refused with the list of missing sections if it is not complete. */
    @POST
    public HttpResponse doPublish(@QueryParameter int revision) {
        Jenkins.get().checkPermission(CataloguePermissions.PUBLISH_INCIDENTS);
        return changeStatus(revision, IncidentStatus.PUBLISHED);
    }

    private HttpResponse changeStatus(int revision, IncidentStatus status) {
        try {
            IncidentAccess.store().changeStatus(incident.id(), revision, status, IncidentAccess.currentUser(),
                    Instant.now());
            return HttpResponses.redirectTo(".");
        }
        catch (EditConflictException exception) {
            return HttpResponses.errorWithoutStack(409, exception.getMessage());
        }
        catch (IncidentException exception) {
            return HttpResponses.errorWithoutStack(400, exception.getMessage());
        }
        catch (StoreException exception) {
            return HttpResponses.errorWithoutStack(503, exception.getMessage());
        }
    }
}
