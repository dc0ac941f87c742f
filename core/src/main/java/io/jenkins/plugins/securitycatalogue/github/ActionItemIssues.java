package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.incident.EditConflictException;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHRepository;

/**
 * Files post-mortem action items as GitHub issues and brings their state back. The issue's address becomes the
 * item's tracker link; refreshing reads each linked issue and moves the item to done (closed as completed), won't
 * do (closed as not planned) or open again (reopened). Only the action item goes into the issue, with the
 * incident's id and a link back, never the post-mortem itself: the repository may be more public than it is.
 */
public final class ActionItemIssues {
    private static final Pattern ISSUE = Pattern.compile(
            "(?i)^https?://([^/:]+)(?::\\d+)?/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/issues/(\\d{1,9})/?$");
    private static final int MAX_TITLE = 200;
    private static final int ATTEMPTS = 3;

    private final GitHubConnection connection;
    private final IncidentStore incidents;

    /** Creates the exporter over a connection and the catalogue's incidents. */
    public ActionItemIssues(GitHubConnection connection, IncidentStore incidents) {
        this.connection = connection;
        this.incidents = incidents;
    }

    /**
     * Files the action item as an issue in the repository and stores the issue's address on the item.
     *
     * @param item the item's number in the post-mortem, from 1
     * @param labels the labels to put on the issue; GitHub creates missing ones
     * @param postMortemUrl the http(s) address of the post-mortem, for the link back, or {@code null}
     * @throws IncidentException if there is no such incident or item, or the item already has a tracker link
     * @throws GitHubException if GitHub refuses the issue
     * @throws StoreException if the catalogue cannot be used
     */
    public IssueLink export(IncidentId id, int item, RepositoryCoordinates repository, List<String> labels,
            @CheckForNull String postMortemUrl, String editor, Instant now)
            throws IncidentException, GitHubException, StoreException {
        requireServed(repository.host());
        Incident incident = load(id);
        ActionItem action = itemOf(incident, item);
        if (action.tracker() != null) {
            throw new IncidentException("Action item " + item + " of " + id + " already links to "
                    + action.tracker() + "; remove the link first to file another issue");
        }
        GHIssue issue = connection.call("a new issue in " + repository.fullName(), github -> {
            GHIssueBuilder builder = github.getRepository(repository.fullName())
                    .createIssue(title(id, action)).body(body(id, action, postMortemUrl));
            labels.stream().map(String::strip).filter(label -> !label.isEmpty()).forEach(builder::label);
            return builder.create();
        });
        String url = issue.getHtmlUrl().toString();
        link(id, item, action, url, editor, now);
        return new IssueLink(item, issue.getNumber(), url);
    }

    /**
     * Reads the state of every GitHub issue linked from the incident's action items and stores the items' new
     * states. An issue that cannot be read is reported and its item left as it is.
     *
     * @throws IncidentException if there is no such incident
     * @throws StoreException if the catalogue cannot be used
     */
    public List<IssueRefresh> refresh(IncidentId id, String editor, Instant now)
            throws IncidentException, StoreException {
        Incident incident = load(id);
        List<IssueRefresh> results = new ArrayList<>();
        Map<String, GHRepository> repositories = new HashMap<>();
        List<ActionItem> items = incident.postMortem().actionItems();
        for (int index = 0; index < items.size(); index++) {
            ActionItem action = items.get(index);
            issueOfUrl(index + 1, action.tracker())
                    .ifPresent(issue -> results.add(refreshOne(issue, action, repositories)));
        }
        if (results.stream().anyMatch(IssueRefresh::changed)) {
            saveStates(id, results, editor, now);
        }
        return results;
    }

    private IssueRefresh refreshOne(IssueAddress issue, ActionItem action, Map<String, GHRepository> repositories) {
        if (!connection.serves(issue.host())) {
            return new IssueRefresh(issue.item(), issue.url(), null, null, action.state(), action.state(),
                    "the issue is on " + issue.host() + ", not on the configured GitHub API "
                            + connection.settings().apiUrl());
        }
        try {
            GHIssue read = connection.call("issue " + issue.number() + " of " + issue.repository(), github -> {
                GHRepository repo = repositories.get(issue.repository());
                if (repo == null) {
                    repo = github.getRepository(issue.repository());
                    repositories.put(issue.repository(), repo);
                }
                return repo.getIssue(issue.number());
            });
            String reason = read.getStateReason() == null ? null : read.getStateReason().name().toLowerCase(
                    java.util.Locale.ROOT);
            return new IssueRefresh(issue.item(), issue.url(), read.getState() == GHIssueState.CLOSED ? "closed"
                    : "open", reason, action.state(), next(action.state(), read), null);
        }
        catch (GitHubException exception) {
            return new IssueRefresh(issue.item(), issue.url(), null, null, action.state(), action.state(),
                    exception.getMessage());
        }
    }

    /** Closed as not planned is won't do, otherwise closed is done; an open issue reopens a finished item. */
    static ActionItem.State next(ActionItem.State current, GHIssue issue) {
        if (issue.getState() == GHIssueState.CLOSED) {
            return issue.getStateReason() == GHIssueStateReason.NOT_PLANNED ? ActionItem.State.WONT_DO
                    : ActionItem.State.DONE;
        }
        return current.isPending() ? current : ActionItem.State.OPEN;
    }

    private void saveStates(IncidentId id, List<IssueRefresh> results, String editor, Instant now)
            throws IncidentException, StoreException {
        for (int attempt = 1; ; attempt++) {
            Incident current = load(id);
            List<ActionItem> items = new ArrayList<>(current.postMortem().actionItems());
            for (IssueRefresh result : results) {
                ActionItem action = result.item() <= items.size() ? items.get(result.item() - 1) : null;
                if (result.changed() && action != null && result.url().equals(action.tracker())) {
                    items.set(result.item() - 1, withState(action, result.after()));
                }
            }
            try {
                incidents.save(id, current.revision(), current.postMortem().toBuilder().actionItems(items).build(),
                        editor, now);
                return;
            }
            catch (EditConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private void link(IncidentId id, int item, ActionItem exported, String url, String editor, Instant now)
            throws IncidentException, StoreException {
        for (int attempt = 1; ; attempt++) {
            Incident current = load(id);
            List<ActionItem> items = new ArrayList<>(current.postMortem().actionItems());
            ActionItem action = item <= items.size() ? items.get(item - 1) : null;
            if (action == null || !action.description().equals(exported.description()) || action.tracker() != null) {
                throw new IncidentException("Issue " + url + " was filed, but action item " + item + " of " + id
                        + " changed meanwhile; link the issue to the right item by hand");
            }
            items.set(item - 1, new ActionItem(action.description(), action.owner(), action.type(),
                    action.priority(), action.due(), action.state(), url));
            PostMortem changed = current.postMortem().toBuilder().actionItems(items).build();
            try {
                incidents.save(id, current.revision(), changed, editor, now);
                return;
            }
            catch (EditConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw new IncidentException("Issue " + url + " was filed, but it could not be linked to "
                            + "action item " + item + " of " + id + ": " + conflict.getMessage());
                }
            }
        }
    }

    private static ActionItem withState(ActionItem action, ActionItem.State state) {
        return new ActionItem(action.description(), action.owner(), action.type(), action.priority(), action.due(),
                state, action.tracker());
    }

    private Incident load(IncidentId id) throws IncidentException, StoreException {
        return incidents.find(id).orElseThrow(() -> new IncidentException("There is no incident " + id));
    }

    private static ActionItem itemOf(Incident incident, int item) throws IncidentException {
        List<ActionItem> items = incident.postMortem().actionItems();
        if (item < 1 || item > items.size()) {
            throw new IncidentException(incident.id() + " has " + items.size() + " action items; there is no item "
                    + item);
        }
        return items.get(item - 1);
    }

    private void requireServed(String host) throws GitHubException {
        if (!connection.serves(host)) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 0, "The repository is on " + host
                    + ", not on the configured GitHub API " + connection.settings().apiUrl()
                    + "; give its API URL");
        }
    }

    static String title(IncidentId id, ActionItem action) {
        String text = "[" + id + "] " + action.description();
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE - 1) + "…";
    }

    static String body(IncidentId id, ActionItem action, @CheckForNull String postMortemUrl) {
        var body = new StringBuilder();
        body.append("Follow-up action from the post-mortem of ").append(id).append(".\n\n");
        body.append("**Action:** ").append(action.description()).append("\n\n");
        body.append("**Type:** ").append(action.type().name().toLowerCase(java.util.Locale.ROOT))
                .append(" · **Priority:** ").append(action.priority())
                .append(" · **Owner:** ").append(action.owner() == null ? "not decided" : action.owner())
                .append(" · **Due:** ").append(action.due() == null ? "not decided" : action.due()).append("\n\n");
        body.append("**Post-mortem:** ").append(postMortemUrl == null ? id + " in the Security Catalogue"
                : postMortemUrl).append("\n\n");
        body.append("_Filed from the Security Catalogue. Closing this issue marks the action item done "
                + "(or won't do, if closed as not planned) when its issues are refreshed._\n");
        return body.toString();
    }

    private static Optional<IssueAddress> issueOfUrl(int item, @CheckForNull String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = ISSUE.matcher(url);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new IssueAddress(item, url, matcher.group(1), matcher.group(2) + "/" + matcher.group(3),
                Integer.parseInt(matcher.group(4))));
    }

    /** A GitHub issue address found in a tracker link. */
    private record IssueAddress(int item, String url, String host, String repository, int number) {
    }
}
