package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.query.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One row of the catalogue table, for Jelly and the REST API. Every link it gives is http or https. */
@ExportedBean(defaultVisibility = 2)
public final class ServiceView {
    private final ServiceSummary summary;

    ServiceView(ServiceSummary summary) {
        this.summary = summary;
    }

    @Exported
    public String getName() {
        return summary.name();
    }

    @Exported
    @CheckForNull
    public String getTeam() {
        return summary.team();
    }

    @Exported
    @CheckForNull
    public String getTier() {
        return summary.tier();
    }

    @Exported
    @CheckForNull
    public String getRepository() {
        return summary.repository();
    }

    /** Returns the repository as a link if it is an http or https URL, else {@code null} (shown as text). */
    @CheckForNull
    public String getRepositoryUrl() {
        return Texts.httpUrl(summary.repository()).orElse(null);
    }

    @Exported
    public List<NamedValue> getLinks() {
        return pairs(summary.links());
    }

    /** Returns the version deployed per environment, by environment name. */
    @Exported
    public List<NamedValue> getDeployments() {
        return pairs(summary.deployments());
    }

    @Exported
    @CheckForNull
    public String getLastBuildJob() {
        return summary.lastBuild() == null ? null : summary.lastBuild().job();
    }

    @Exported
    @CheckForNull
    public Long getLastBuildNumber() {
        return summary.lastBuild() == null ? null : summary.lastBuild().number();
    }

    @Exported
    @CheckForNull
    public String getLastBuildUrl() {
        return summary.lastBuild() == null ? null : summary.lastBuild().url();
    }

    @Exported
    public int getCritical() {
        return summary.open().critical();
    }

    @Exported
    public int getHigh() {
        return summary.open().high();
    }

    @Exported
    public int getMedium() {
        return summary.open().medium();
    }

    @Exported
    public int getLow() {
        return summary.open().low();
    }

    @Exported
    public int getInfo() {
        return summary.open().info();
    }

    @Exported
    public int getUnknown() {
        return summary.open().unknown();
    }

    @Exported
    public int getOpenTotal() {
        return summary.open().total();
    }

    @Exported
    public int getSuppressed() {
        return summary.suppressed();
    }

    @Exported(name = "new")
    public int getNewFindings() {
        return summary.newFindings();
    }

    @Exported
    public int getSlaBreached() {
        return summary.slaBreached().total();
    }

    @Exported
    public long getRisk() {
        return summary.risk().total();
    }

    @Exported
    public String getRiskExplanation() {
        return summary.risk().explain();
    }

    @Exported
    public String getLastRecorded() {
        return summary.lastRecorded().toString();
    }

    @Exported
    @CheckForNull
    public String getLastScanned() {
        return summary.lastScanned() == null ? null : summary.lastScanned().toString();
    }

    @Exported
    public boolean isStale() {
        return summary.stale();
    }

    private static List<NamedValue> pairs(Map<String, String> map) {
        List<NamedValue> pairs = new ArrayList<>();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> pairs.add(new NamedValue(entry.getKey(), entry.getValue())));
        return pairs;
    }

    /** A name and a value: a link or a deployment. */
    @ExportedBean(defaultVisibility = 3)
    public static final class NamedValue {
        private final String name;
        private final String value;

        NamedValue(String name, String value) {
            this.name = name;
            this.value = value;
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public String getValue() {
            return value;
        }

        /** Returns the value as a link if it is an http or https URL, else {@code null}. */
        @CheckForNull
        public String getUrl() {
            return Texts.httpUrl(value).orElse(null);
        }
    }
}
