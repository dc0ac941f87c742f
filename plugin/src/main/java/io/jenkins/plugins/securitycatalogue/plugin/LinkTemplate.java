package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A link added to every service, made from a URL template such as {@code https://grafana.example.org/d/{service}}:
 * {@code {service}} and {@code {team}} are replaced by the service's name and team, URL-encoded.
 */
public final class LinkTemplate implements Describable<LinkTemplate> {
    private final String name;
    private final String urlTemplate;

    /** Creates a template. */
    @DataBoundConstructor
    public LinkTemplate(String name, String urlTemplate) {
        this.name = Util.fixNull(name).trim();
        this.urlTemplate = Util.fixNull(urlTemplate).trim();
    }

    public String getName() {
        return name;
    }

    public String getUrlTemplate() {
        return urlTemplate;
    }

    /** Returns the link for a service, or empty when the result is not an http or https URL. */
    public Optional<String> expand(String service, @CheckForNull String team) {
        String url = urlTemplate.replace("{service}", encode(service)).replace("{team}", encode(Util.fixNull(team)));
        return Texts.httpUrl(url);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Describes templates in the global configuration and JCasC. */
    @Extension
    @Symbol("linkTemplate")
    public static final class DescriptorImpl extends Descriptor<LinkTemplate> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LinkTemplate_DisplayName();
        }

        /** Checks that the template gives an http or https URL. */
        @POST
        public FormValidation doCheckUrlTemplate(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return new LinkTemplate("check", value).expand("service", "team").isPresent() ? FormValidation.ok()
                    : FormValidation.error(Messages.LinkTemplate_NotHttp());
        }
    }
}
