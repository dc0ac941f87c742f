package io.jenkins.plugins.securitycatalogue.store;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Maps findings to and from the columns of the {@code finding} table. */
public final class FindingRows {
    /** The finding's columns, in the order {@link #read(ResultSet)} and {@link #bindDetails} use. */
    public static final String DETAIL_COLUMNS = "kind, identifier, title, description, severity, cvss_score, "
            + "cvss_vector, cwes, package_name, purl, installed_version, fixed_version, target, file_path, "
            + "line_number, url, secret_mask, suppression";

    /** The columns read by {@link #read(ResultSet)}: the tool and fingerprint, then the details. */
    public static final String COLUMNS = "tool, fingerprint, " + DETAIL_COLUMNS;

    private FindingRows() {
    }

    /** Binds the detail columns from parameter {@code first} on; returns the next parameter index. */
    public static int bindDetails(PreparedStatement statement, int first, Finding finding) throws SQLException {
        int index = first;
        statement.setString(index++, finding.kind().name());
        statement.setString(index++, finding.id());
        statement.setString(index++, finding.title());
        statement.setString(index++, finding.description());
        statement.setString(index++, finding.severity().name());
        if (finding.cvssScore() == null) {
            statement.setNull(index++, Types.DOUBLE);
        }
        else {
            statement.setDouble(index++, finding.cvssScore());
        }
        statement.setString(index++, finding.cvssVector());
        statement.setString(index++, finding.cwes().isEmpty() ? null : String.join(",", finding.cwes()));
        statement.setString(index++, finding.packageName());
        statement.setString(index++, finding.purl());
        statement.setString(index++, finding.installedVersion());
        statement.setString(index++, finding.fixedVersion());
        statement.setString(index++, finding.target());
        statement.setString(index++, finding.path());
        statement.setInt(index++, finding.line());
        statement.setString(index++, finding.url());
        statement.setString(index++, finding.secretMask());
        statement.setString(index++, finding.suppression());
        return index;
    }

    /**
     * The lower-case keys that exposure searches use, stored beside the details because H2 has no expression
     * indexes: {@code package_key} and {@code purl_key}, in that order, bound by {@link #bindKeys}.
     */
    public static final String KEY_COLUMNS = "package_key, purl_key";

    /** Binds the key columns from parameter {@code first} on; returns the next parameter index. */
    public static int bindKeys(PreparedStatement statement, int first, Finding finding) throws SQLException {
        statement.setString(first, lowerCase(finding.packageName()));
        statement.setString(first + 1, purlKey(finding.purl()));
        return first + 2;
    }

    /** Returns the key a purl is looked up by: lower-case, up to its first {@code @} (without its version). */
    @CheckForNull
    public static String purlKey(@CheckForNull String purl) {
        if (purl == null) {
            return null;
        }
        int at = purl.indexOf('@');
        return lowerCase(at < 0 ? purl : purl.substring(0, at));
    }

    @CheckForNull
    private static String lowerCase(@CheckForNull String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Returns the values of the detail columns, to tell whether a stored finding changed. */
    public static List<Object> details(Finding finding) {
        return Arrays.asList(finding.kind().name(), finding.id(), finding.title(), finding.description(),
                finding.severity().name(), finding.cvssScore(), finding.cvssVector(),
                finding.cwes().isEmpty() ? null : String.join(",", finding.cwes()), finding.packageName(),
                finding.purl(), finding.installedVersion(), finding.fixedVersion(), finding.target(), finding.path(),
                finding.line(), finding.url(), finding.secretMask(), finding.suppression());
    }

    /** Reads a finding from a row selected with {@link #COLUMNS}; aliases are not read. */
    public static Finding read(ResultSet row) throws SQLException {
        double score = row.getDouble("cvss_score");
        Double cvss = row.wasNull() ? null : score;
        String cwes = row.getString("cwes");
        return new Finding(row.getString("tool"), FindingKind.valueOf(row.getString("kind")),
                row.getString("identifier"), List.of(), row.getString("title"), row.getString("description"),
                Severity.valueOf(row.getString("severity")), cvss, row.getString("cvss_vector"),
                cwes == null ? List.of() : Arrays.asList(cwes.split(",")), row.getString("package_name"),
                row.getString("purl"), row.getString("installed_version"), row.getString("fixed_version"),
                row.getString("target"), row.getString("file_path"), row.getInt("line_number"), row.getString("url"),
                row.getString("suppression"), row.getString("secret_mask"), row.getString("fingerprint"));
    }
}
