package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentFilter;
import io.jenkins.plugins.securitycatalogue.incident.IncidentMetrics;
import io.jenkins.plugins.securitycatalogue.incident.IncidentSeverity;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.OverdueAction;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code incident list}: incidents with filters, their time metrics, and overdue action items per team. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists incidents, newest first, with their times to detect, mitigate and resolve.",
                "--metrics adds medians and ranges by severity and quarter; --overdue lists late action items "
                        + "per team."})
final class IncidentListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Option(names = "--status", paramLabel = "STATUS", description = "draft, in-review or published.")
    String status;

    @Option(names = "--severity", paramLabel = "SEV", description = "SEV1 to SEV4.")
    String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "Only incidents that affected this service.")
    String service;

    @Option(names = "--team", paramLabel = "TEAM",
            description = "Only incidents of this team's services or with this team's action items.")
    String team;

    @Option(names = "--year", paramLabel = "YEAR", description = "Only incidents of this year.")
    Integer year;

    @Option(names = "--metrics", description = "Add times by severity and by quarter (medians, ranges).")
    boolean metrics;

    @Option(names = "--overdue", description = "Add the overdue action items, per owner.")
    boolean overdue;

    @Option(names = "--today", paramLabel = "DATE", description = "The day overdue is measured against (default: "
            + "today, UTC).")
    LocalDate today;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            IncidentFilter filter = new IncidentFilter(status == null ? null : IncidentStatus.parse(status),
                    severity == null ? null : IncidentSeverity.parse(severity), service, team, year);
            try (CatalogueStore store = catalogue.open()) {
                IncidentStore incidents = new IncidentStore(store);
                List<Incident> listed = incidents.list(filter);
                Map<String, List<OverdueAction>> late = overdue ? incidents.overdueByOwner(day()) : Map.of();
                print(spec.commandLine().getOut(), listed, IncidentMetrics.of(listed), late);
            }
            return Main.OK;
        });
    }

    private LocalDate day() {
        return today == null ? LocalDate.now(ZoneOffset.UTC) : today;
    }

    private void print(PrintWriter out, List<Incident> incidents, IncidentMetrics computed,
            Map<String, List<OverdueAction>> late) {
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incidents", summaries(incidents, computed),
                    "bySeverity", metrics ? computed.bySeverity() : null,
                    "byQuarter", metrics ? computed.byQuarter() : null, "overdueByOwner", overdue ? late : null));
            return;
        }
        table(out, incidents, computed);
        if (metrics) {
            printMetrics(out, computed);
        }
        if (overdue) {
            printOverdue(out, late);
        }
    }

    private static List<Map<String, Object>> summaries(List<Incident> incidents, IncidentMetrics computed) {
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (Incident incident : incidents) {
            IncidentMetrics.IncidentTimesRow times = computed.incidents().stream()
                    .filter(row -> row.id().equals(incident.id())).findFirst().orElseThrow();
            summaries.add(IncidentOutput.object("id", incident.id(), "title", incident.title(), "severity",
                    incident.severity(), "status", incident.status(), "revision", incident.revision(),
                    "started", incident.postMortem().times().started(), "timeToDetect", times.timeToDetect(),
                    "timeToMitigate", times.timeToMitigate(), "timeToResolve", times.timeToResolve()));
        }
        return summaries;
    }

    private static void table(PrintWriter out, List<Incident> incidents, IncidentMetrics computed) {
        List<List<String>> rows = new ArrayList<>();
        for (Incident incident : incidents) {
            IncidentMetrics.IncidentTimesRow times = computed.incidents().stream()
                    .filter(row -> row.id().equals(incident.id())).findFirst().orElseThrow();
            rows.add(List.of(incident.id().toString(), incident.severity().name(), incident.status().label(),
                    Output.time(incident.postMortem().times().started()), IncidentOutput.duration(times.timeToDetect()),
                    IncidentOutput.duration(times.timeToMitigate()), IncidentOutput.duration(times.timeToResolve()), incident.title()));
        }
        Output.table(out, List.of("ID", "SEVERITY", "STATUS", "STARTED", "DETECT", "MITIGATE", "RESOLVE", "TITLE"),
                rows);
    }

    private static void printMetrics(PrintWriter out, IncidentMetrics computed) {
        out.println();
        out.println("Times from the start, as medians and ranges (durations are skewed; a mean would mislead):");
        computed.bySeverity().forEach((level, aggregate) -> aggregate(out, level.name(), aggregate));
        computed.byQuarter().forEach((quarter, aggregate) -> aggregate(out, quarter, aggregate));
    }

    private static void aggregate(PrintWriter out, String group, IncidentMetrics.Aggregate aggregate) {
        out.printf("  %-8s %d incidents; detect %s; mitigate %s; resolve %s%n", group, aggregate.incidents(),
                aggregate.timeToDetect().describe(), aggregate.timeToMitigate().describe(),
                aggregate.timeToResolve().describe());
    }

    private static void printOverdue(PrintWriter out, Map<String, List<OverdueAction>> late) {
        out.println();
        out.println(late.isEmpty() ? "No overdue action items." : "Overdue action items by owner:");
        late.forEach((owner, items) -> {
            out.printf("  %s (%d)%n", owner, items.size());
            items.forEach(item -> out.printf("    %s %s, due %s (%d days late): %s%n", item.incident(),
                    item.item().priority(), item.item().due(), item.daysOverdue(), item.item().description()));
        });
    }
}
