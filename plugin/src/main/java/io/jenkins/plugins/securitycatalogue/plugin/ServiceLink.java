package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.Serializable;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A named link of a service given by the pipeline, such as a Grafana or Kibana dashboard or a runbook. */
public final class ServiceLink implements Describable<ServiceLink>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String url;

    /** Creates a link; it is validated when the step records it. */
    @DataBoundConstructor
    public ServiceLink(String name, String url) {
        this.name = Util.fixNull(name).trim();
        this.url = Util.fixNull(url).trim();
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    /** Describes links in the Snippet Generator: {@code link(name: 'grafana', url: 'https://...')}. */
    @Extension
    @Symbol("link")
    public static final class DescriptorImpl extends Descriptor<ServiceLink> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ServiceLink_DisplayName();
        }

        /** Checks that the URL is http or https; this reveals nothing, so it needs no permission. */
        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            return Texts.httpUrl(value).isPresent() ? FormValidation.ok()
                    : FormValidation.error(Messages.ServiceLink_NotHttp());
        }
    }
}
