package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.query.ExposureHit;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A service that carries a searched vulnerability or package. */
@ExportedBean(defaultVisibility = 2)
public final class ExposureView {
    private final ExposureHit hit;

    ExposureView(ExposureHit hit) {
        this.hit = hit;
    }

    @Exported
    public String getService() {
        return hit.service();
    }

    @Exported
    @CheckForNull
    public String getTeam() {
        return hit.team();
    }

    @Exported
    public String getTool() {
        return hit.tool();
    }

    @Exported
    public String getId() {
        return hit.id();
    }

    @Exported
    public String getSeverity() {
        return hit.severity().label();
    }

    @Exported
    @CheckForNull
    public String getPackageName() {
        return hit.packageName();
    }

    @Exported
    @CheckForNull
    public String getInstalledVersion() {
        return hit.installedVersion();
    }

    @Exported
    @CheckForNull
    public String getFixedVersion() {
        return hit.fixedVersion();
    }

    @Exported
    public String getState() {
        return hit.state().toLowerCase(Locale.ROOT);
    }

    @Exported
    public List<String> getEnvironments() {
        return hit.environments();
    }
}
