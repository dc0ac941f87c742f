package io.jenkins.plugins.securitycatalogue.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.GitHubSettings;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.posture.RiskPolicy;
import io.jenkins.plugins.securitycatalogue.posture.SlaPolicy;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The catalogue's settings under Manage Jenkins, System (and in JCasC under {@code unclassified:
 * securityCatalogue}): where it is stored, the SLA days per severity, when a service is stale, how many scans are
 * kept, link templates added to every service, and the GitHub that metadata, alerts and issues come from.
 */
@Extension
@Symbol("securityCatalogue")
public class SecurityCatalogueConfiguration extends GlobalConfiguration {
    private String jdbcUrl = "";
    private String credentialsId = "";
    private int poolSize = 4;
    private int slaCriticalDays = 7;
    private int slaHighDays = 30;
    private int slaMediumDays = 90;
    private int slaLowDays = 120;
    private int staleDays = 30;
    private int scansKept = 50;
    private List<LinkTemplate> linkTemplates = new ArrayList<>();
    private String githubApiUrl = GitHubSettings.GITHUB_COM_API;
    private String githubCredentialsId = "";

    /** Loads the saved settings. */
    public SecurityCatalogueConfiguration() {
        load();
    }

    /** Returns the configuration. */
    public static SecurityCatalogueConfiguration get() {
        return ExtensionList.lookupSingleton(SecurityCatalogueConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 request, JSONObject json) throws FormException {
        String oldUrl = jdbcUrl;
        String oldCredentials = credentialsId;
        linkTemplates = new ArrayList<>();
        boolean result = super.configure(request, json);
        save();
        if (!Objects.equals(oldUrl, jdbcUrl) || !Objects.equals(oldCredentials, credentialsId)) {
            CatalogueAccess.get().reset();
        }
        return result;
    }

    /** Returns the policy the settings make. */
    public CataloguePolicy policy() {
        Map<Severity, Integer> days = new EnumMap<>(Severity.class);
        days.put(Severity.CRITICAL, positive(slaCriticalDays, 7));
        days.put(Severity.HIGH, positive(slaHighDays, 30));
        days.put(Severity.MEDIUM, positive(slaMediumDays, 90));
        days.put(Severity.LOW, positive(slaLowDays, 120));
        return new CataloguePolicy(RiskPolicy.defaults(), new SlaPolicy(days),
                Duration.ofDays(positive(staleDays, 30)), positive(scansKept, 50));
    }

    /** Opens the store these settings name: an external database, or the embedded one under JENKINS_HOME. */
    CatalogueStore openStore() throws StoreException {
        if (Util.fixEmptyAndTrim(jdbcUrl) == null) {
            return CatalogueStore.openDirectory(embeddedDirectory().toPath());
        }
        StandardUsernamePasswordCredentials credentials = credentials(credentialsId);
        return CatalogueStore.open(jdbcUrl.trim(), credentials == null ? "" : credentials.getUsername(),
                credentials == null ? "" : credentials.getPassword().getPlainText(), Math.max(1, poolSize));
    }

    /** Returns the directory of the embedded database. */
    static File embeddedDirectory() {
        return new File(Jenkins.get().getRootDir(), "security-catalogue");
    }

    @CheckForNull
    private static StandardUsernamePasswordCredentials credentials(@CheckForNull String id) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return null;
        }
        return CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                StandardUsernamePasswordCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }

    /** Lists the username and password credentials an administrator can choose for the database. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(credentialsId);
    }

    /** Checks that a JDBC URL looks like one; empty means the embedded database. */
    @POST
    public FormValidation doCheckJdbcUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok(Messages.SecurityCatalogueConfiguration_EmbeddedStorage(embeddedDirectory()));
        }
        return url.startsWith("jdbc:") ? FormValidation.ok()
                : FormValidation.error(Messages.SecurityCatalogueConfiguration_NotJdbc());
    }

    /** Connects to the database with the given settings and reports its schema version, or why it failed. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String jdbcUrl, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = Util.fixEmptyAndTrim(jdbcUrl);
        if (url != null && !url.startsWith("jdbc:")) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_NotJdbc());
        }
        StandardUsernamePasswordCredentials credentials = credentials(credentialsId);
        try (CatalogueStore store = url == null ? CatalogueStore.openDirectory(embeddedDirectory().toPath())
                : CatalogueStore.open(url, credentials == null ? "" : credentials.getUsername(),
                        credentials == null ? "" : credentials.getPassword().getPlainText(), 1)) {
            return FormValidation.ok(Messages.SecurityCatalogueConfiguration_ConnectionOk(store.schemaVersion()));
        }
        catch (StoreException exception) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_ConnectionFailed(
                    exception.getMessage()));
        }
    }

    /** Checks the GitHub API URL: an absolute http(s) URL; plain http only with a warning. */
    @POST
    public FormValidation doCheckGithubApiUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = GitHubAccess.apiUrlOrDefault(value);
        try {
            GitHubSettings settings = GitHubSettings.forApi(url);
            if ("http".equals(settings.apiUrl().getScheme().toLowerCase(Locale.ROOT))) {
                return FormValidation.warning(Messages.SecurityCatalogueConfiguration_PlainHttp());
            }
            return FormValidation.ok();
        }
        catch (IllegalArgumentException exception) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_NotGitHubApi());
        }
    }

    /**
     * Lists the credentials an administrator can choose for GitHub: Secret text tokens, and GitHub App credentials
     * when the GitHub Branch Source plugin is installed. Others only see the value already chosen.
     */
    @POST
    public ListBoxModel doFillGithubCredentialsIdItems(@QueryParameter String githubCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(githubCredentialsId);
        }
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        for (GitHubCredentialsType type : GitHubCredentialsType.all()) {
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), type.type());
        }
        model.includeCurrentValue(githubCredentialsId);
        return model;
    }

    /** Calls GitHub with the given URL and credential, and says how many requests it may still make or why not. */
    @POST
    public FormValidation doTestGitHubConnection(@QueryParameter String githubApiUrl,
            @QueryParameter String githubCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(githubCredentialsId) == null) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_NoGitHubCredentials());
        }
        try {
            GitHubConnection connection = GitHubAccess.open(githubApiUrl, githubCredentialsId);
            GitHubConnection.Quota quota = connection.check();
            return FormValidation.ok(Messages.SecurityCatalogueConfiguration_GitHubOk(connection.settings().apiUrl(),
                    quota.remaining(), quota.limit()));
        }
        catch (GitHubException exception) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_GitHubFailed(
                    exception.getMessage()));
        }
    }

    /** Checks a number of days. */
    @POST
    public FormValidation doCheckStaleDays(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            return Integer.parseInt(value.trim()) > 0 ? FormValidation.ok()
                    : FormValidation.error(Messages.SecurityCatalogueConfiguration_PositiveDays());
        }
        catch (NumberFormatException exception) {
            return FormValidation.error(Messages.SecurityCatalogueConfiguration_PositiveDays());
        }
    }

    private static int positive(int value, int fallback) {
        return value > 0 ? value : fallback;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @DataBoundSetter
    public void setJdbcUrl(@CheckForNull String jdbcUrl) {
        this.jdbcUrl = Util.fixNull(jdbcUrl).trim();
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId);
        save();
    }

    public int getPoolSize() {
        return poolSize;
    }

    @DataBoundSetter
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
        save();
    }

    public int getSlaCriticalDays() {
        return slaCriticalDays;
    }

    @DataBoundSetter
    public void setSlaCriticalDays(int days) {
        this.slaCriticalDays = days;
        save();
    }

    public int getSlaHighDays() {
        return slaHighDays;
    }

    @DataBoundSetter
    public void setSlaHighDays(int days) {
        this.slaHighDays = days;
        save();
    }

    public int getSlaMediumDays() {
        return slaMediumDays;
    }

    @DataBoundSetter
    public void setSlaMediumDays(int days) {
        this.slaMediumDays = days;
        save();
    }

    public int getSlaLowDays() {
        return slaLowDays;
    }

    @DataBoundSetter
    public void setSlaLowDays(int days) {
        this.slaLowDays = days;
        save();
    }

    public int getStaleDays() {
        return staleDays;
    }

    @DataBoundSetter
    public void setStaleDays(int days) {
        this.staleDays = days;
        save();
    }

    public int getScansKept() {
        return scansKept;
    }

    @DataBoundSetter
    public void setScansKept(int scansKept) {
        this.scansKept = scansKept;
        save();
    }

    /** Returns the GitHub API URL: github.com's unless a GitHub Enterprise Server's is set. */
    public String getGithubApiUrl() {
        return GitHubAccess.apiUrlOrDefault(githubApiUrl);
    }

    @DataBoundSetter
    public void setGithubApiUrl(@CheckForNull String githubApiUrl) {
        String url = GitHubAccess.apiUrlOrDefault(githubApiUrl);
        this.githubApiUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        save();
    }

    /** Returns the id of the credential for GitHub; empty means GitHub is not used. */
    public String getGithubCredentialsId() {
        return Util.fixNull(githubCredentialsId);
    }

    @DataBoundSetter
    public void setGithubCredentialsId(@CheckForNull String githubCredentialsId) {
        this.githubCredentialsId = Util.fixNull(githubCredentialsId).trim();
        save();
    }

    public List<LinkTemplate> getLinkTemplates() {
        return linkTemplates == null ? List.of() : List.copyOf(linkTemplates);
    }

    @DataBoundSetter
    public void setLinkTemplates(@CheckForNull List<LinkTemplate> linkTemplates) {
        this.linkTemplates = linkTemplates == null ? new ArrayList<>() : new ArrayList<>(linkTemplates);
        save();
    }
}
