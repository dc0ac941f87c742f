package io.jenkins.plugins.securitycatalogue.plugin;

import io.jenkins.plugins.securitycatalogue.incident.IncidentMetrics;
import java.util.ArrayList;
import java.util.List;

/** The incident metrics for the list page: one row per severity and per quarter, as distributions. */
public final class MetricsView {
    private final IncidentMetrics metrics;

    MetricsView(IncidentMetrics metrics) {
        this.metrics = metrics;
    }

    /** Returns one row per severity with incidents. */
    public List<Row> getBySeverity() {
        List<Row> rows = new ArrayList<>();
        metrics.bySeverity().forEach((severity, aggregate) -> rows.add(new Row(severity.name(), aggregate)));
        return rows;
    }

    /** Returns one row per quarter with incidents, oldest first. */
    public List<Row> getByQuarter() {
        List<Row> rows = new ArrayList<>();
        metrics.byQuarter().forEach((quarter, aggregate) -> rows.add(new Row(quarter, aggregate)));
        return rows;
    }

    /** Returns the row over every listed incident. */
    public Row getOverall() {
        return new Row("all", metrics.overall());
    }

    /** The times of one group of incidents. */
    public static final class Row {
        private final String group;
        private final IncidentMetrics.Aggregate aggregate;

        Row(String group, IncidentMetrics.Aggregate aggregate) {
            this.group = group;
            this.aggregate = aggregate;
        }

        public String getGroup() {
            return group;
        }

        public int getIncidents() {
            return aggregate.incidents();
        }

        public String getTimeToDetect() {
            return aggregate.timeToDetect().describe();
        }

        public String getTimeToMitigate() {
            return aggregate.timeToMitigate().describe();
        }

        public String getTimeToResolve() {
            return aggregate.timeToResolve().describe();
        }
    }
}
