package io.jenkins.plugins.securitycatalogue.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The global configuration: a form round trip keeps every value, and JCasC reads and exports it. */
class SecurityCatalogueConfigurationTest {
    @Test
    @WithJenkinsConfiguredWithCode
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldReadAndExportTheConfigurationAsCode(JenkinsConfiguredWithCodeRule j) throws Exception {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();

        assertThat(configuration.getSlaCriticalDays()).isEqualTo(3);
        assertThat(configuration.getStaleDays()).isEqualTo(14);
        assertThat(configuration.getLinkTemplates()).singleElement()
                .satisfies(template -> assertThat(template.getUrlTemplate())
                        .isEqualTo("https://grafana.example.org/d/{service}"));
        assertThat(configuration.policy().sla().daysFor(Severity.CRITICAL)).contains(3);
        assertThat(configuration.getGithubApiUrl()).isEqualTo("https://github.example.org/api/v3");
        assertThat(configuration.getGithubCredentialsId()).isEqualTo("github-token");

        ConfiguratorRegistry registry = ConfiguratorRegistry.get();
        ConfigurationContext context = new ConfigurationContext(registry);
        CNode exported = io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot(context).get("securityCatalogue");
        assertThat(io.jenkins.plugins.casc.misc.Util.toYamlString(exported))
                .contains("slaCriticalDays: 3", "staleDays: 14", "grafana.example.org",
                        "githubApiUrl:", "https://github.example.org/api/v3", "githubCredentialsId:",
                        "github-token");
    }

    @Test
    @WithJenkinsConfiguredWithCode
    void shouldKeepEveryValueThroughTheConfigurationForm(JenkinsConfiguredWithCodeRule j) throws Exception {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();
        configuration.setSlaHighDays(21);
        configuration.setScansKept(12);
        configuration.setLinkTemplates(List.of(new LinkTemplate("kibana", "https://kibana.example.org/{service}")));
        FakeGitHub.addTokenCredential();
        configuration.setGithubApiUrl("https://github.example.org/api/v3/");
        configuration.setGithubCredentialsId(FakeGitHub.CREDENTIALS_ID);

        j.configRoundtrip();

        SecurityCatalogueConfiguration saved = SecurityCatalogueConfiguration.get();
        assertThat(saved.getSlaHighDays()).isEqualTo(21);
        assertThat(saved.getScansKept()).isEqualTo(12);
        assertThat(saved.getLinkTemplates()).singleElement()
                .satisfies(template -> assertThat(template.getName()).isEqualTo("kibana"));
        assertThat(saved.getGithubApiUrl()).isEqualTo("https://github.example.org/api/v3");
        assertThat(saved.getGithubCredentialsId()).isEqualTo(FakeGitHub.CREDENTIALS_ID);
    }

    @Test
    @WithJenkinsConfiguredWithCode
    void shouldUseGitHubComUntilAnotherApiIsSet(JenkinsConfiguredWithCodeRule j) throws Exception {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();

        assertThat(configuration.getGithubApiUrl()).isEqualTo("https://api.github.com");
        assertThat(configuration.getGithubCredentialsId()).isEmpty();

        configuration.setGithubApiUrl("  ");
        assertThat(configuration.getGithubApiUrl()).isEqualTo("https://api.github.com");
    }
}
