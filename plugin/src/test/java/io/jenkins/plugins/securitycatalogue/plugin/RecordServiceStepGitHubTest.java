package io.jenkins.plugins.securitycatalogue.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step with GitHub configured: a WireMock server on 127.0.0.1 answers like GitHub Enterprise's REST API with
 * core's fixtures, and is the configured GitHub API URL. Recording fills the metadata, imports alerts when asked,
 * and never fails because GitHub is unavailable; the token never shows.
 */
@WithJenkins
class RecordServiceStepGitHubTest {
    private static final String SHOP = FakeGitHub.repository("acme/shop");

    private final FakeGitHub github = new FakeGitHub();
    private JenkinsRule j;

    @BeforeEach
    void configureGitHub(JenkinsRule rule) throws Exception {
        j = rule;
        github.configure();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldFillWhatThePipelineDidNotGiveFromTheRepository() throws Exception {
        github.repositoryFixtures("acme/shop");
        WorkflowJob job = pipeline("shop", "def r = recordService name: 'shop', version: '2.4.1', tier: 'critical',\n"
                + "    repository: '" + SHOP + "'\n"
                + "echo \"recorded=${r.recorded}\"");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue] GitHub: read the metadata of acme/shop", run);
        j.assertLogContains("recorded=true", run);
        j.assertLogNotContains(FakeGitHub.TOKEN, run);
        ServiceDetails details = CatalogueAccess.get().queries().service("shop").orElseThrow();
        assertThat(details.description()).isEqualTo("The shop's checkout and payment API");
        assertThat(details.summary().team()).isEqualTo("@acme/payments");
        assertThat(details.summary().tier()).isEqualTo("critical");
        assertThat(details.repository().topics()).contains("payments", "checkout");
        assertThat(details.repository().latestRelease()).isEqualTo("v2.4.1");
        assertThat(details.repository().sources()).anySatisfy(source -> {
            assertThat(source.field()).isEqualTo("team");
            assertThat(source.source()).isEqualTo("codeowners");
        });
        github.server.verify(getRequestedFor(urlPathEqualTo(FakeGitHub.PREFIX + "/repos/acme/shop"))
                .withHeader("Authorization", equalTo("Bearer " + FakeGitHub.TOKEN)));
    }

    @Test
    void shouldKeepWhatThePipelineGives() throws Exception {
        github.repositoryFixtures("acme/shop");
        WorkflowJob job = pipeline("shop", "recordService name: 'shop', team: 'checkout-team',\n"
                + "    description: 'Given by the pipeline', repository: '" + SHOP + "'");

        j.buildAndAssertSuccess(job);

        ServiceDetails details = CatalogueAccess.get().queries().service("shop").orElseThrow();
        assertThat(details.summary().team()).isEqualTo("checkout-team");
        assertThat(details.description()).isEqualTo("Given by the pipeline");
        assertThat(details.repository().defaultBranch()).isEqualTo("main");
    }

    @Test
    void shouldRecordAndSaySoWhenGitHubCannotBeReached() throws Exception {
        FakeGitHub.configure(FakeGitHub.unreachableApiUrl());
        WorkflowJob job = pipeline("shop", "recordService name: 'shop', version: '1.0.0', repository: '" + SHOP
                + "',\n    importGitHubAlerts: true");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue] warning: GitHub: could not read the repository's metadata", run);
        j.assertLogContains("[security-catalogue] WARNING: GitHub code scanning alerts were not imported", run);
        j.assertLogContains("[security-catalogue] WARNING: Dependabot alerts were not imported", run);
        j.assertLogContains("[security-catalogue] Recorded shop 1.0.0", run);
        j.assertLogNotContains(FakeGitHub.TOKEN, run);
        assertThat(CatalogueAccess.get().queries().service("shop")).isPresent();
    }

    @Test
    void shouldRecordWhenTheCredentialIsMissing() throws Exception {
        SecurityCatalogueConfiguration.get().setGithubCredentialsId("no-such-credential");
        WorkflowJob job = pipeline("shop", "recordService name: 'shop', repository: '" + SHOP + "'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue] WARNING: GitHub is not read: There is no credential with the id "
                + "'no-such-credential'", run);
        assertThat(CatalogueAccess.get().queries().service("shop")).isPresent();
    }

    @Test
    void shouldNotReadARepositoryOnAnotherHost() throws Exception {
        WorkflowJob job = pipeline("shop", "recordService name: 'shop', repository: 'https://gitlab.example.org/a/b'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("its metadata was not read", run);
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldImportCodeScanningAndDependabotAlertsAsScansOfTheSameRecording() throws Exception {
        github.repositoryFixtures("acme/shop");
        github.codeScanningInTwoPages("acme/shop");
        github.getJson("/repos/acme/shop/dependabot/alerts", "dependabot-alerts.json");
        WorkflowJob job = pipeline("shop", "def r = recordService name: 'shop', version: '2.4.1', repository: '"
                + SHOP + "',\n    importGitHubAlerts: true\necho \"open=${r.openTotal} suppressed=${r.suppressed}\"");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue]   GitHub code scanning: ", run);
        j.assertLogContains("[security-catalogue]   Dependabot: ", run);
        ServiceRecordingAction action = run.getAction(ServiceRecordingAction.class);
        assertThat(action.getService()).isEqualTo("shop");
        ServiceDetails details = CatalogueAccess.get().queries().service("shop").orElseThrow();
        assertThat(details.summary().open().total()).isPositive();
        assertThat(details.summary().suppressed()).isPositive();
    }

    @Test
    void shouldRecordTheOtherAlertsWhenOneKindIsRefused() throws Exception {
        github.repositoryFixtures("acme/shop");
        github.getError("/repos/acme/shop/code-scanning/alerts", 403, "error-code-scanning-disabled.json");
        github.getJson("/repos/acme/shop/dependabot/alerts", "dependabot-alerts.json");
        WorkflowJob job = pipeline("shop", "recordService name: 'shop', repository: '" + SHOP + "',\n"
                + "    importGitHubAlerts: true");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue] WARNING: GitHub code scanning alerts were not imported: ", run);
        j.assertLogContains("Advanced Security must be enabled", run);
        j.assertLogContains("[security-catalogue]   Dependabot: ", run);
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
