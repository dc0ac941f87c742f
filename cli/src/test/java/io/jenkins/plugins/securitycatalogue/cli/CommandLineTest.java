package io.jenkins.plugins.securitycatalogue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line: the shipped example reports (real tool output) recorded for two services
 * in two environments, then the catalogue table, one service and the exposure search, as text and JSON.
 */
class CommandLineTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path catalogue;

    @BeforeEach
    void recordTwoServicesInTwoEnvironments() {
        assertThat(run("record", "--service", "payments-api", "--team", "payments", "--version", "1.4.2",
                "--environment", "production", "--build-job", "payments/main", "--build-number", "41",
                "--build-url", "https://ci.example.org/job/payments/job/main/41/", "--repository",
                "https://git.example.org/payments/api", "--link", "grafana=https://grafana.example.org/d/payments",
                "--report", example("payments-api/trivy-image.json"), "--report", example("payments-api/semgrep.sarif"))
                .code).isZero();
        assertThat(run("record", "--service", "payments-api", "--version", "1.5.0", "--environment", "staging",
                "--report", example("payments-api/trivy-fs.json")).code).isZero();
        assertThat(run("record", "--service", "web-shop", "--team", "storefront", "--version", "2.0.0",
                "--environment", "production", "--report", example("web-shop/grype.json"), "--report",
                example("web-shop/npm-audit.json")).code).isZero();
        assertThat(run("record", "--service", "web-shop", "--version", "2.1.0", "--environment", "staging",
                "--report", example("web-shop/npm-audit.json"), "--report", example("web-shop/gitleaks.sarif"))
                .code).isZero();
    }

    @Test
    void shouldPrintTheRecordingAsJson() throws Exception {
        Result recorded = run("record", "--service", "payments-api", "--version", "1.4.3", "--report",
                example("payments-api/trivy-image.json"), "--json");

        assertThat(recorded.code).isZero();
        JsonNode json = JSON.readTree(recorded.out);
        assertThat(json.get("service").asText()).isEqualTo("payments-api");
        assertThat(json.get("open").get("critical").asInt()).isEqualTo(4);
        assertThat(json.get("tools").get(0).get("stillOpen").asInt()).isEqualTo(2);
        assertThat(json.get("qualityGate").get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void shouldListTheServicesRiskiestFirst() throws Exception {
        Result text = run("services");
        Result json = run("services", "--json");

        assertThat(text.code).isZero();
        assertThat(text.out.lines().toList()).element(0).asString().startsWith("SERVICE");
        assertThat(text.out).contains("payments-api", "production=1.4.2", "staging=1.5.0", "web-shop", "storefront");
        JsonNode services = JSON.readTree(json.out);
        assertThat(services).hasSize(2);
        assertThat(services.get(0).get("risk").get("total").asLong())
                .isGreaterThanOrEqualTo(services.get(1).get("risk").get("total").asLong());
        assertThat(run("services", "--team", "payments", "--json").out).contains("payments-api")
                .doesNotContain("web-shop");
    }

    @Test
    void shouldShowOneServiceWithItsDeploymentsAndFindings() throws Exception {
        Result text = run("service", "payments-api");
        JsonNode json = JSON.readTree(run("service", "payments-api", "--json").out);

        assertThat(text.code).isZero();
        assertThat(text.out).contains("team:        payments", "production: 1.4.2", "staging: 1.5.0",
                "https://grafana.example.org/d/payments", "CVE-2021-33503");
        assertThat(json.get("deployments")).hasSize(2);
        assertThat(json.get("deployments").get(0).get("environment").asText()).isEqualTo("production");
        assertThat(json.get("deployments").get(0).get("build").get("number").asLong()).isEqualTo(41);
        assertThat(run("service", "no-such-service").code).isEqualTo(Main.USAGE);
    }

    @Test
    void shouldFindWhichEnvironmentsCarryAVulnerability() throws Exception {
        JsonNode musl = JSON.readTree(run("exposure", "CVE-2019-14697", "--json").out);
        Result urllib = run("exposure", "urllib3");

        assertThat(musl).hasSize(2);
        assertThat(musl.get(0).get("service").asText()).isEqualTo("payments-api");
        assertThat(musl.get(0).get("environments").toString()).isEqualTo("[\"production\"]");
        assertThat(urllib.out).contains("payments-api", "staging", "CVE-2021-33503", "1.26.3 -> 1.26.5");
        assertThat(run("exposure", "CVE-0000-0000").out).contains("No service carries CVE-0000-0000");
    }

    @Test
    void shouldNeverPrintTheSecretsScannersFound() {
        Result service = run("service", "web-shop", "--json");

        assertThat(service.out).doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("AKIA****");
    }

    @Test
    void shouldFailTheGateAndKeepTheCatalogueWhenAReportIsBroken() throws Exception {
        Path broken = Files.writeString(catalogue.resolve("broken.json"), "{\"SchemaVersion\": 2, \"Results\": [");
        String before = run("services", "--json").out;

        Result failed = run("record", "--service", "payments-api", "--version", "9.9.9", "--report",
                broken.toString());
        Result gate = run("record", "--service", "payments-api", "--version", "1.4.3", "--report",
                example("payments-api/trivy-image.json"), "--fail-on", "critical");

        assertThat(failed.code).isEqualTo(Main.USAGE);
        assertThat(failed.err).contains(broken.toString(), "nothing was recorded");
        assertThat(gate.code).isEqualTo(Main.GATE_FAILED);
        assertThat(gate.out).contains("Quality gate: FAIL");
        assertThat(before).doesNotContain("9.9.9");
        assertThat(run("services", "--json").out).doesNotContain("9.9.9");
    }

    @Test
    void shouldRejectUnsafeLinksAndUnknownFormats() {
        Result link = run("record", "--service", "payments-api", "--link", "docs=javascript:alert(1)");
        Result format = run("record", "--service", "payments-api", "--report", example("web-shop/npm-audit.json"),
                "--format", "no-such-format");

        assertThat(link.code).isEqualTo(Main.USAGE);
        assertThat(link.err).contains("must be an absolute http or https URL");
        assertThat(format.code).isEqualTo(Main.USAGE);
        assertThat(format.err).contains("unknown format 'no-such-format'");
    }

    @Test
    void shouldListTheFormats() {
        Result formats = run("formats");

        assertThat(formats.out).contains("trivy", "grype", "sarif", "cyclonedx", "npm-audit");
    }

    private String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!"formats".equals(args[0])) {
            all.add("--catalogue");
            all.add(catalogue.resolve("db").toString());
        }
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
