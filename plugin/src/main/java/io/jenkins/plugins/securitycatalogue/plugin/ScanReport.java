package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.io.Serializable;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Reports matching an Ant-style pattern, read as a named format instead of one told by content:
 * {@code scan(pattern: 'reports/*.json', format: 'trivy')}.
 */
public final class ScanReport implements Describable<ScanReport>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    @CheckForNull
    private String format;

    /** Creates the pattern. */
    @DataBoundConstructor
    public ScanReport(String pattern) {
        this.pattern = Util.fixNull(pattern).trim();
    }

    public String getPattern() {
        return pattern;
    }

    @CheckForNull
    public String getFormat() {
        return format;
    }

    /** Sets the format id; empty means "tell by content". */
    @DataBoundSetter
    public void setFormat(@CheckForNull String format) {
        this.format = Util.fixEmptyAndTrim(format);
    }

    /** Describes report patterns in the Snippet Generator. */
    @Extension
    @Symbol("scan")
    public static final class DescriptorImpl extends Descriptor<ScanReport> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ScanReport_DisplayName();
        }
    }
}
