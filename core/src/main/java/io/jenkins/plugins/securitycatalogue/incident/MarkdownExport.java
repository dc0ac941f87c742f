package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import java.time.Instant;
import java.util.List;

/**
 * Writes a post-mortem as Markdown for wikis and repositories, with the headings of the usual templates, so that
 * {@link MarkdownImport} reads it back unchanged. Values from the post-mortem cannot add structure: one-line
 * values are escaped, and no line of a section can start a heading.
 */
public final class MarkdownExport {
    private MarkdownExport() {
    }

    /** Writes a stored incident: its id and status, then its post-mortem. */
    public static String write(Incident incident) {
        return write(incident.postMortem(), incident.id(), incident.status());
    }

    /** Writes a post-mortem; the id and status are left out when {@code null}. */
    public static String write(PostMortem postMortem, @CheckForNull IncidentId id,
            @CheckForNull IncidentStatus status) {
        var out = new StringBuilder();
        out.append("# ").append(MarkdownText.inline(postMortem.title())).append("\n\n");
        field(out, "Id", id == null ? null : id.toString());
        field(out, "Status", status == null ? null : status.label());
        field(out, "Severity", postMortem.severity().name());
        times(out, postMortem.times());
        security(out, postMortem.security());
        out.append('\n');
        section(out, MarkdownSections.SUMMARY, postMortem.summary());
        impact(out, postMortem.impact());
        timeline(out, postMortem.timeline());
        section(out, MarkdownSections.DETECTION, postMortem.detection());
        section(out, MarkdownSections.RESPONSE, postMortem.response());
        section(out, MarkdownSections.ROOT_CAUSES, postMortem.rootCauses());
        section(out, MarkdownSections.TRIGGER, postMortem.trigger());
        section(out, MarkdownSections.WENT_WELL, postMortem.wentWell());
        section(out, MarkdownSections.WENT_BADLY, postMortem.wentBadly());
        section(out, MarkdownSections.GOT_LUCKY, postMortem.gotLucky());
        actions(out, postMortem.actionItems());
        section(out, MarkdownSections.LESSONS, postMortem.lessons());
        references(out, postMortem.references());
        return out.toString().stripTrailing() + "\n";
    }

    private static void times(StringBuilder out, IncidentTimes times) {
        field(out, "Started", time(times.started()));
        field(out, "Detected", time(times.detected()));
        field(out, "Mitigated", time(times.mitigated()));
        field(out, "Resolved", time(times.resolved()));
    }

    private static void security(StringBuilder out, SecurityDetails security) {
        list(out, "Vulnerabilities", security.vulnerabilities());
        list(out, "Findings", security.findings());
        list(out, "Services", security.services());
        list(out, "Environments", security.environments());
        list(out, "Versions", security.versions());
        field(out, "Introduced by", build(security.introducedBy()));
        field(out, "Fixed by", build(security.fixedBy()));
        Boolean due = security.disclosure().due();
        field(out, "Disclosure due", due == null ? null : due ? "yes" : "no");
        field(out, "Disclosure note", security.disclosure().note());
    }

    private static void field(StringBuilder out, String name, @CheckForNull String value) {
        if (value != null) {
            out.append("- ").append(name).append(": ").append(MarkdownText.inline(value)).append('\n');
        }
    }

    private static void list(StringBuilder out, String name, List<String> values) {
        if (!values.isEmpty()) {
            field(out, name, String.join(", ", values));
        }
    }

    @CheckForNull
    private static String time(@CheckForNull Instant time) {
        return time == null ? null : Times.format(time);
    }

    @CheckForNull
    private static String build(@CheckForNull BuildReference build) {
        if (build == null) {
            return null;
        }
        return build.job() + (build.number() == null ? "" : " #" + build.number())
                + (build.url() == null ? "" : " " + build.url());
    }

    private static void section(StringBuilder out, String heading, @CheckForNull String text) {
        if (text != null) {
            heading(out, heading);
            out.append(MarkdownText.block(text)).append("\n\n");
        }
    }

    private static void heading(StringBuilder out, String heading) {
        out.append("## ").append(heading).append("\n\n");
    }

    private static void impact(StringBuilder out, Impact impact) {
        if (impact.isEmpty()) {
            return;
        }
        heading(out, MarkdownSections.IMPACT);
        field(out, "Users affected", impact.usersAffected() == null ? null : impact.usersAffected().toString());
        field(out, "Systems affected", impact.systemsAffected() == null ? null
                : impact.systemsAffected().toString());
        field(out, "Data exposed", impact.dataExposed());
        field(out, "Duration", impact.duration() == null ? null : Times.format(impact.duration()));
        if (impact.description() != null) {
            out.append('\n').append(MarkdownText.block(impact.description())).append('\n');
        }
        out.append('\n');
    }

    private static void timeline(StringBuilder out, List<TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            return;
        }
        heading(out, MarkdownSections.TIMELINE);
        for (TimelineEntry entry : timeline) {
            out.append("- ").append(Times.format(entry.at())).append(": ")
                    .append(MarkdownText.inline(entry.text())).append('\n');
        }
        out.append('\n');
    }

    private static void actions(StringBuilder out, List<ActionItem> items) {
        if (items.isEmpty()) {
            return;
        }
        heading(out, MarkdownSections.ACTION_ITEMS);
        out.append("| Description | Owner | Type | Priority | Due | State | Tracker |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (ActionItem item : items) {
            out.append("| ").append(String.join(" | ", MarkdownText.inline(item.description()),
                    cell(item.owner()), Enums.label(item.type()), item.priority().name(),
                    item.due() == null ? "" : item.due().toString(), Enums.label(item.state()),
                    item.tracker() == null ? "" : "<" + item.tracker() + ">")).append(" |\n");
        }
        out.append('\n');
    }

    private static String cell(@CheckForNull String value) {
        return value == null ? "" : MarkdownText.inline(value);
    }

    private static void references(StringBuilder out, List<Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        heading(out, MarkdownSections.REFERENCES);
        for (Reference reference : references) {
            out.append("- [").append(MarkdownText.inline(reference.title())).append("](<").append(reference.url())
                    .append(">)\n");
        }
    }
}
