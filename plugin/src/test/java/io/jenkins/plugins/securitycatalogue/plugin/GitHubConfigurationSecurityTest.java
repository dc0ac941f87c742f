package io.jenkins.plugins.securitycatalogue.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Who may see and use the GitHub settings: only administrators list the credentials and test the connection, by
 * POST with a crumb; the test answers with what GitHub said and never with the token.
 */
@WithJenkins
class GitHubConfigurationSecurityTest {
    private static final String DESCRIPTOR =
            "descriptorByName/io.jenkins.plugins.securitycatalogue.plugin.SecurityCatalogueConfiguration/";

    private final FakeGitHub github = new FakeGitHub();
    private JenkinsRule j;

    @BeforeEach
    void secureJenkins(JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, CataloguePermissions.READ).everywhere().to("developer"));
        FakeGitHub.addTokenCredential();
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "database",
                "database login", "catalogue", "database-password"));
        provider.save();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldListOnlyTokenCredentialsAndOnlyToAdministrators() {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();

        List<String> forAdmin = valuesAs("admin", () -> configuration.doFillGithubCredentialsIdItems(""));
        List<String> forDeveloper = valuesAs("developer", () -> configuration.doFillGithubCredentialsIdItems(""));
        List<String> keptValue = valuesAs("developer",
                () -> configuration.doFillGithubCredentialsIdItems(FakeGitHub.CREDENTIALS_ID));

        assertThat(forAdmin).contains(FakeGitHub.CREDENTIALS_ID).doesNotContain("database");
        assertThat(forDeveloper).doesNotContain(FakeGitHub.CREDENTIALS_ID, "database");
        assertThat(keptValue).containsExactly(FakeGitHub.CREDENTIALS_ID);
    }

    @Test
    void shouldTestTheConnectionOnlyForAdministratorsByPost() throws Exception {
        github.getJson("/rate_limit", "rate-limit.json");
        String url = DESCRIPTOR + "testGitHubConnection?githubApiUrl=" + github.apiUrl() + "&githubCredentialsId="
                + FakeGitHub.CREDENTIALS_ID;
        try (JenkinsRule.WebClient developer = j.createWebClient().login("developer");
                JenkinsRule.WebClient admin = j.createWebClient().login("admin")) {
            developer.setThrowExceptionOnFailingStatusCode(false);
            admin.setThrowExceptionOnFailingStatusCode(false);

            var withoutCrumb = new WebRequest(new URL(j.getURL(), url), HttpMethod.POST);
            assertThat(admin.getPage(withoutCrumb).getWebResponse().getStatusCode()).isEqualTo(403);
            var notAdmin = new WebRequest(developer.createCrumbedUrl(url), HttpMethod.POST);
            assertThat(developer.getPage(notAdmin).getWebResponse().getStatusCode()).isEqualTo(403);
            var get = new WebRequest(admin.createCrumbedUrl(url), HttpMethod.GET);
            assertThat(admin.getPage(get).getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(github.server.getAllServeEvents()).isEmpty();

            var allowed = new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST);
            String answer = admin.getPage(allowed).getWebResponse().getContentAsString();
            assertThat(answer).contains("Connected to", "of 5,000 requests left").doesNotContain(FakeGitHub.TOKEN);
        }
    }

    @Test
    void shouldSayWhyTheConnectionFailsWithoutShowingTheToken() throws Exception {
        github.getError("/rate_limit", 401, "error-401.json");
        String url = DESCRIPTOR + "testGitHubConnection?githubApiUrl=" + github.apiUrl() + "&githubCredentialsId="
                + FakeGitHub.CREDENTIALS_ID;
        try (JenkinsRule.WebClient admin = j.createWebClient().login("admin")) {
            String answer = admin.getPage(new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST))
                    .getWebResponse().getContentAsString();

            assertThat(answer).contains("Cannot use GitHub", "401").doesNotContain(FakeGitHub.TOKEN);
        }
    }

    private static List<String> valuesAs(String user, java.util.function.Supplier<ListBoxModel> fill) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return fill.get().stream().map(option -> option.value).toList();
        }
    }
}
