package io.jenkins.plugins.securitycatalogue.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The SQL of lists: filtered incidents and overdue action items. Only the store uses it. */
final class IncidentQueries {
    private IncidentQueries() {
    }

    /** Prepares the select of the incidents the filter lets through, newest id first. */
    static PreparedStatement select(Connection connection, IncidentFilter filter) throws SQLException {
        var sql = new StringBuilder("SELECT * FROM incident i WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" AND i.status = ?");
            values.add(filter.status().name());
        }
        if (filter.severity() != null) {
            sql.append(" AND i.severity = ?");
            values.add(filter.severity().name());
        }
        if (filter.year() != null) {
            sql.append(" AND i.incident_year = ?");
            values.add(filter.year());
        }
        if (filter.service() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_subject s WHERE s.incident_id = i.id "
                    + "AND s.subject_kind = 'service' AND s.subject = ?)");
            values.add(filter.service());
        }
        if (filter.team() != null) {
            sql.append(" AND (EXISTS (SELECT 1 FROM incident_subject s JOIN service v ON v.name = s.subject "
                    + "WHERE s.incident_id = i.id AND s.subject_kind = 'service' AND v.team = ?) "
                    + "OR EXISTS (SELECT 1 FROM incident_action a WHERE a.incident_id = i.id AND a.owner_name = ?))");
            values.add(filter.team());
            values.add(filter.team());
        }
        sql.append(" ORDER BY i.incident_year DESC, i.incident_number DESC");
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** Returns the pending action items due before today, most overdue first. */
    static List<OverdueAction> overdue(Connection connection, LocalDate today) throws SQLException {
        List<OverdueAction> overdue = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.incident_year, i.incident_number, "
                + "i.title, a.* FROM incident_action a JOIN incident i ON i.id = a.incident_id "
                + "WHERE a.item_state IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ? "
                + "ORDER BY a.due_date, i.incident_year, i.incident_number, a.item_index")) {
            select.setObject(1, today);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ActionItem item = IncidentRows.action(row);
                    overdue.add(new OverdueAction(new IncidentId(row.getInt(1), row.getInt(2)), row.getString(3),
                            item, ChronoUnit.DAYS.between(item.due(), today)));
                }
            }
        }
        return overdue;
    }
}
