package io.jenkins.plugins.securitycatalogue.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.incident.Impact;
import io.jenkins.plugins.securitycatalogue.incident.IncidentSeverity;
import io.jenkins.plugins.securitycatalogue.incident.IncidentTimes;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.incident.Reference;
import io.jenkins.plugins.securitycatalogue.incident.SecurityDetails;
import io.jenkins.plugins.securitycatalogue.incident.TimelineEntry;
import io.jenkins.plugins.securitycatalogue.incident.Times;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The fields of a post-mortem as options of {@code incident new} and {@code incident edit}; given ones win. */
final class PostMortemOptions {
    @Option(names = "--title", paramLabel = "TEXT", description = "One-line title.")
    String title;

    @Option(names = "--severity", paramLabel = "SEV", description = "SEV1 (critical) to SEV4 (near miss).")
    String severity;

    @Option(names = "--started", paramLabel = "TIME", description = "When it started, e.g. '2026-03-01 12:00 UTC'.")
    String started;

    @Option(names = "--detected", paramLabel = "TIME", description = "When it was detected.")
    String detected;

    @Option(names = "--mitigated", paramLabel = "TIME", description = "When the harm stopped.")
    String mitigated;

    @Option(names = "--resolved", paramLabel = "TIME", description = "When the cause was fixed.")
    String resolved;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What happened, in a few sentences.")
    String summary;

    @Option(names = "--impact", paramLabel = "TEXT", description = "The impact narrative.")
    String impact;

    @Option(names = "--users-affected", paramLabel = "N", description = "How many users were affected.")
    Long usersAffected;

    @Option(names = "--systems-affected", paramLabel = "N", description = "How many systems were affected.")
    Integer systemsAffected;

    @Option(names = "--data-exposed", paramLabel = "TEXT", description = "What data was exposed, or 'none'.")
    String dataExposed;

    @Option(names = "--impact-duration", paramLabel = "DURATION", description = "How long users were affected: 2h 30m.")
    String impactDuration;

    @Option(names = "--detection", paramLabel = "TEXT", description = "How it was found and how sooner.")
    String detection;

    @Option(names = "--response", paramLabel = "TEXT", description = "Response and recovery.")
    String response;

    @Option(names = "--root-causes", paramLabel = "TEXT", description = "Root causes and contributing factors.")
    String rootCauses;

    @Option(names = "--trigger", paramLabel = "TEXT", description = "What set it off.")
    String trigger;

    @Option(names = "--went-well", paramLabel = "TEXT", description = "What went well.")
    String wentWell;

    @Option(names = "--went-badly", paramLabel = "TEXT", description = "What went badly.")
    String wentBadly;

    @Option(names = "--got-lucky", paramLabel = "TEXT", description = "Where we got lucky.")
    String gotLucky;

    @Option(names = "--lessons", paramLabel = "TEXT", description = "Lessons learned.")
    String lessons;

    @Option(names = "--timeline", paramLabel = "'TIME: TEXT'", description = "Adds a timeline entry; may be repeated.")
    List<String> timeline = new ArrayList<>();

    @Option(names = "--action", paramLabel = "'TEXT; owner=..; due=YYYY-MM-DD; type=..; priority=..; state=..; "
            + "tracker=URL'", description = "Adds an action item; may be repeated.")
    List<String> actions = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "TITLE=URL",
            description = "Adds an http(s) reference; may be repeated.")
    List<String> references = new ArrayList<>();

    @Option(names = "--vulnerability", paramLabel = "ID", split = ",", description = "CVE or GHSA ids involved.")
    List<String> vulnerabilities;

    @Option(names = "--finding", paramLabel = "FINGERPRINT", split = ",", description = "Catalogue findings involved.")
    List<String> findings;

    @Option(names = "--service", paramLabel = "NAME", split = ",", description = "Affected catalogue services.")
    List<String> services;

    @Option(names = "--environment", paramLabel = "ENV", split = ",", description = "Affected environments.")
    List<String> environments;

    @Option(names = "--affected-version", paramLabel = "VERSION", split = ",", description = "Affected versions.")
    List<String> versions;

    @Option(names = "--introduced-by", paramLabel = "'JOB #N URL'", description = "The build that introduced it.")
    String introducedBy;

    @Option(names = "--fixed-by", paramLabel = "'JOB #N URL'", description = "The build that fixed it.")
    String fixedBy;

    @Option(names = "--disclosure-due", paramLabel = "yes|no", description = "Whether disclosure was due.")
    String disclosureDue;

    @Option(names = "--disclosure-note", paramLabel = "TEXT", description = "What was disclosed, to whom, when.")
    String disclosureNote;

    /** Returns whether no option was given. */
    boolean isEmpty() {
        return apply(PostMortem.builder("x", IncidentSeverity.SEV4).build()).equals(
                PostMortem.builder("x", IncidentSeverity.SEV4).build());
    }

    /**
     * Returns the post-mortem with the given options applied.
     *
     * @throws IllegalArgumentException naming a bad value
     */
    PostMortem apply(PostMortem base) {
        PostMortem.Builder builder = base.toBuilder();
        builder.title(or(title, base.title()));
        builder.severity(severity == null ? base.severity() : IncidentSeverity.parse(severity));
        builder.times(times(base.times()));
        builder.summary(or(summary, base.summary()));
        builder.impact(impact(base.impact()));
        builder.detection(or(detection, base.detection())).response(or(response, base.response()))
                .rootCauses(or(rootCauses, base.rootCauses())).trigger(or(trigger, base.trigger()))
                .wentWell(or(wentWell, base.wentWell())).wentBadly(or(wentBadly, base.wentBadly()))
                .gotLucky(or(gotLucky, base.gotLucky())).lessons(or(lessons, base.lessons()));
        builder.timeline(appended(base.timeline(), timeline, PostMortemOptions::entry));
        builder.actionItems(appended(base.actionItems(), actions, PostMortemOptions::action));
        builder.references(appended(base.references(), references, PostMortemOptions::reference));
        builder.security(security(base.security()));
        return builder.build();
    }

    @CheckForNull
    private static <T> T or(@CheckForNull T given, @CheckForNull T base) {
        return given == null ? base : given;
    }

    private IncidentTimes times(IncidentTimes base) {
        return new IncidentTimes(time(started, base.started()), time(detected, base.detected()),
                time(mitigated, base.mitigated()), time(resolved, base.resolved()));
    }

    @CheckForNull
    private static Instant time(@CheckForNull String given, @CheckForNull Instant base) {
        return given == null ? base : Times.parse(given);
    }

    private Impact impact(Impact base) {
        return new Impact(or(impact, base.description()), or(usersAffected, base.usersAffected()),
                or(systemsAffected, base.systemsAffected()), or(dataExposed, base.dataExposed()),
                impactDuration == null ? base.duration() : Times.parseDuration(impactDuration));
    }

    private SecurityDetails security(SecurityDetails base) {
        SecurityDetails.Disclosure disclosure = base.disclosure();
        return new SecurityDetails(or(vulnerabilities, base.vulnerabilities()), or(findings, base.findings()),
                or(services, base.services()), or(environments, base.environments()), or(versions, base.versions()),
                introducedBy == null ? base.introducedBy() : build(introducedBy),
                fixedBy == null ? base.fixedBy() : build(fixedBy),
                new SecurityDetails.Disclosure(disclosureDue == null ? disclosure.due() : yes(disclosureDue),
                        or(disclosureNote, disclosure.note())));
    }

    private static <T> List<T> appended(List<T> base, List<String> given, Function<String, T> parser) {
        List<T> all = new ArrayList<>(base);
        given.stream().map(parser).forEach(all::add);
        return all;
    }

    private static TimelineEntry entry(String text) {
        int separator = text.indexOf(": ");
        if (separator < 0) {
            throw new IllegalArgumentException("A timeline entry reads 'TIME: TEXT', got '" + text + "'");
        }
        return new TimelineEntry(Times.parse(text.substring(0, separator)), text.substring(separator + 2));
    }

    private static ActionItem action(String text) {
        String[] parts = text.split(";");
        ActionItem item = ActionItem.of(parts[0]);
        String owner = null;
        LocalDate due = null;
        String tracker = null;
        ActionItem.Type type = item.type();
        ActionItem.Priority priority = item.priority();
        ActionItem.State state = item.state();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String value = pair.length == 2 ? pair[1].strip() : "";
            switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
                case "owner" -> owner = value;
                case "due" -> due = LocalDate.parse(value);
                case "type" -> type = ActionItem.Type.parse(value);
                case "priority" -> priority = ActionItem.Priority.parse(value);
                case "state" -> state = ActionItem.State.parse(value);
                case "tracker" -> tracker = value;
                default -> throw new IllegalArgumentException("Unknown action item field '" + parts[i].strip()
                        + "': use owner, due, type, priority, state or tracker");
            }
        }
        return new ActionItem(item.description(), owner, type, priority, due, state, tracker);
    }

    private static Reference reference(String text) {
        int separator = text.indexOf("=http");
        return separator < 0 ? new Reference(text, text)
                : new Reference(text.substring(0, separator), text.substring(separator + 1));
    }

    private static BuildReference build(String text) {
        String[] words = text.strip().split("\\s+");
        String job = words[0];
        Long number = null;
        String url = null;
        for (int i = 1; i < words.length; i++) {
            if (words[i].matches("#\\d+")) {
                number = Long.valueOf(words[i].substring(1));
            }
            else {
                url = words[i];
            }
        }
        return new BuildReference(job, number, url);
    }

    private static Boolean yes(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y" -> Boolean.TRUE;
            case "no", "false", "n" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("--disclosure-due takes yes or no, got '" + text + "'");
        };
    }
}
