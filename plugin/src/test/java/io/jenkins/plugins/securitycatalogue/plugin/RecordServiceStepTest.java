package io.jenkins.plugins.securitycatalogue.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import java.nio.file.Path;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step in real Pipelines on an agent, with the real reports of the examples directory (their provenance is
 * in examples/PROVENANCE.md): recording, the console, the returned map, the pages, the gate and bad input.
 */
@WithJenkins
class RecordServiceStepTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private JenkinsRule j;
    private DumbSlave agent;

    @BeforeEach
    void startAgent(JenkinsRule rule) throws Exception {
        j = rule;
        agent = j.createOnlineSlave(Label.get("scanner"));
    }

    @Test
    void shouldRecordRealReportsOnAnAgentAndShowThemOnThePages() throws Exception {
        WorkflowJob job = pipeline("payments", "node('scanner') {\n"
                + "  def r = recordService name: 'payments-api', team: 'payments', version: '1.4.2',\n"
                + "      environment: 'production', reports: 'trivy-image.json, *.sarif',\n"
                + "      links: [link(name: 'grafana', url: 'https://grafana.example.org/d/payments')]\n"
                + "  echo \"open=${r.openTotal} new=${r['new']} gate=${r.qualityGate}\"\n"
                + "}");
        copyExample(job, "payments-api/trivy-image.json", "trivy-image.json");
        copyExample(job, "payments-api/semgrep.sarif", "semgrep.sarif");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[security-catalogue] Recorded payments-api 1.4.2, deployed in production", run);
        j.assertLogContains("[security-catalogue]   Trivy: 2 findings, 2 new", run);
        j.assertLogContains("gate=PASS", run);
        ServiceRecordingAction action = run.getAction(ServiceRecordingAction.class);
        assertThat(action.getService()).isEqualTo("payments-api");
        assertThat(action.getOpen()).containsEntry("critical", 2);
        ServiceDetails details = CatalogueAccess.get().queries().service("payments-api").orElseThrow();
        assertThat(details.deployments()).singleElement()
                .satisfies(deployment -> assertThat(deployment.environment()).isEqualTo("production"));
        assertThat(details.summary().links()).containsEntry("grafana", "https://grafana.example.org/d/payments");

        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage catalogue = web.goTo("security-catalogue/");
            assertThat(catalogue.asNormalizedText()).contains("payments-api", "production: 1.4.2");
            HtmlPage service = web.goTo("security-catalogue/service/payments-api/");
            assertThat(service.asNormalizedText()).contains("CVE-2019-14697", "musl-utils", "1.1.20-r5");
            assertThat(web.getPage(run, action.getUrlName() + "/").asNormalizedText()).contains("CVE-2019-14697");
            assertThat(web.goTo("security-catalogue/api/json?depth=1", "application/json")
                    .getWebResponse().getContentAsString()).contains("\"name\":\"payments-api\"");
            assertThat(web.goTo("security-catalogue/?q=CVE-2019-14697").asNormalizedText()).contains("production");
        }
    }

    @Test
    void shouldRecordADeploymentWithoutReportsOutsideANode() throws Exception {
        WorkflowJob job = pipeline("deploy",
                "recordService name: 'web-shop', team: 'storefront', version: '2.0.0', environment: 'staging'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("web-shop 2.0.0 is deployed in staging", run);
        assertThat(CatalogueAccess.get().queries().services(ServiceFilter.ALL))
                .singleElement().satisfies(service -> assertThat(service.deployments()).containsEntry("staging", "2.0.0"));
    }

    @Test
    void shouldLoseNothingWhenParallelBranchesRecordTheSameService() throws Exception {
        WorkflowJob job = pipeline("parallel", "parallel image: {\n"
                + "  node('scanner') { recordService name: 'payments-api', version: '1.4.2', reports: 'trivy-image.json' }\n"
                + "}, code: {\n"
                + "  node('scanner') { recordService name: 'payments-api', version: '1.4.2', reports: 'semgrep.sarif' }\n"
                + "}");
        copyExample(job, "payments-api/trivy-image.json", "trivy-image.json");
        copyExample(job, "payments-api/semgrep.sarif", "semgrep.sarif");

        j.buildAndAssertSuccess(job);

        ServiceDetails details = CatalogueAccess.get().queries().service("payments-api").orElseThrow();
        assertThat(details.scans()).extracting(ServiceDetails.ScanInfo::tool).containsExactly("Semgrep", "Trivy");
        assertThat(details.recordings()).hasSize(2);
    }

    @Test
    void shouldMarkTheBuildUnstableOrFailedByTheQualityGate() throws Exception {
        WorkflowJob unstable = pipeline("unstable", "node('scanner') { recordService name: 'payments-api', "
                + "reports: 'trivy-image.json', qualityGates: [gate(type: 'OPEN', severity: 'high', threshold: 1, "
                + "result: 'UNSTABLE')] }");
        copyExample(unstable, "payments-api/trivy-image.json", "trivy-image.json");
        WorkflowJob failed = pipeline("failed", "node('scanner') { recordService name: 'billing', "
                + "reports: 'trivy-image.json', qualityGates: [gate(type: 'NEW', severity: 'critical', threshold: 1, "
                + "result: 'FAILURE')] }");
        copyExample(failed, "payments-api/trivy-image.json", "trivy-image.json");

        WorkflowRun unstableRun = j.buildAndAssertStatus(Result.UNSTABLE, unstable);
        WorkflowRun failedRun = j.buildAndAssertStatus(Result.FAILURE, failed);

        j.assertLogContains("Quality gate: UNSTABLE", unstableRun);
        j.assertLogContains("fail: 2 new finding(s) of severity critical or worse (limit 1)", failedRun);
    }

    @Test
    void shouldFailWithAClearMessageAndRecordNothingWhenAReportIsMalformed() throws Exception {
        WorkflowJob job = pipeline("broken", "node('scanner') { recordService name: 'payments-api', "
                + "reports: 'reports/*.json' }");
        FilePath workspace = agent.getWorkspaceFor(job);
        workspace.child("reports/good.json").copyFrom(EXAMPLES.resolve("web-shop/npm-audit.json").toUri().toURL());
        workspace.child("reports/truncated.json").write("{\"SchemaVersion\": 2, \"Results\": [", "UTF-8");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("[security-catalogue] ERROR: reports/truncated.json (Trivy JSON)", run);
        j.assertLogContains("nothing was recorded", run);
        assertThat(CatalogueAccess.get().queries().services(ServiceFilter.ALL)).isEmpty();
    }

    @Test
    void shouldRejectALinkThatIsNotHttp() throws Exception {
        WorkflowJob job = pipeline("link", "recordService name: 'payments-api', "
                + "links: [link(name: 'docs', url: 'javascript:alert(1)')]");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("must be an absolute http or https URL", run);
        assertThat(CatalogueAccess.get().queries().services(ServiceFilter.ALL)).isEmpty();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private void copyExample(WorkflowJob job, String example, String target) throws Exception {
        agent.getWorkspaceFor(job).child(target).copyFrom(EXAMPLES.resolve(example).toUri().toURL());
    }
}
