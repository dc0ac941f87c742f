package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A stored finding on the service page and in its REST API. */
@ExportedBean(defaultVisibility = 3)
public final class FindingView {
    private final ServiceDetails.StoredFinding stored;

    FindingView(ServiceDetails.StoredFinding stored) {
        this.stored = stored;
    }

    private Finding finding() {
        return stored.finding();
    }

    @Exported
    public String getSeverity() {
        return finding().severity().label();
    }

    @Exported
    public String getId() {
        return finding().id();
    }

    @Exported
    public List<String> getAliases() {
        return finding().aliases();
    }

    @Exported
    public String getKind() {
        return finding().kind().label();
    }

    @Exported
    public String getTitle() {
        return finding().title();
    }

    @Exported
    @CheckForNull
    public String getPackageName() {
        return finding().packageName();
    }

    @Exported
    @CheckForNull
    public String getInstalledVersion() {
        return finding().installedVersion();
    }

    @Exported
    @CheckForNull
    public String getFixedVersion() {
        return finding().fixedVersion();
    }

    @Exported
    public boolean isFixable() {
        return finding().isFixable();
    }

    /** Returns the file and line, or the target, where the finding is. */
    @Exported
    @CheckForNull
    public String getLocation() {
        if (finding().path() != null) {
            return finding().line() > 0 ? finding().path() + ":" + finding().line() : finding().path();
        }
        return finding().target();
    }

    @Exported
    public String getTool() {
        return finding().tool();
    }

    @Exported
    @CheckForNull
    public String getUrl() {
        return finding().url();
    }

    @Exported
    @CheckForNull
    public String getSuppression() {
        return finding().suppression();
    }

    @Exported
    @CheckForNull
    public String getSecretMask() {
        return finding().secretMask();
    }

    @Exported
    public String getFirstSeen() {
        return stored.firstSeen().toString();
    }

    @Exported
    public String getFirstVersion() {
        return stored.firstVersion();
    }

    @Exported
    public String getSla() {
        return stored.sla().name().toLowerCase(Locale.ROOT);
    }

    @Exported
    @CheckForNull
    public String getDue() {
        return stored.due() == null ? null : stored.due().toString();
    }
}
