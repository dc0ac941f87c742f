package io.jenkins.plugins.securitycatalogue.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes large reports of a format, in the shapes of the real reports of the corpus ({@code /work/shared/corpus}):
 * the same keys, nesting and value sizes, repeated with varying identifiers until the file has the wanted size.
 * Every entry is a distinct finding. Files are cached in the system temp directory by format and size.
 */
final class ReportGenerator {
    /** The formats a report can be generated for. */
    static final List<String> FORMATS = List.of("sarif", "trivy", "grype", "cyclonedx", "dependency-check-json");

    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
    private static final String[] PACKAGES = {"openssl", "musl", "zlib", "libxml2", "curl", "busybox", "expat"};

    private ReportGenerator() {
    }

    /** Returns a report of about {@code megabytes} MB in the format, generating it when not cached. */
    static Path report(String format, int megabytes) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "security-catalogue-bench",
                format + "-" + megabytes + "MB.json");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + ".part");
                write(format, megabytes * 1024L * 1024L, partial);
                Files.move(partial, file);
            }
            return file;
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static void write(String format, long bytes, Path file) throws IOException {
        Shape shape = shape(format);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(shape.header());
            long written = shape.header().length();
            for (int index = 0; written < bytes - shape.footer().length(); index++) {
                String entry = (index == 0 ? "" : ",") + shape.entry(index);
                out.write(entry);
                written += entry.length();
            }
            out.write(shape.footer());
        }
    }

    private static Shape shape(String format) {
        return switch (format) {
            case "sarif" -> new Sarif();
            case "trivy" -> new Trivy();
            case "grype" -> new Grype();
            case "cyclonedx" -> new CycloneDx();
            case "dependency-check-json" -> new DependencyCheck();
            default -> throw new IllegalArgumentException("No generator for format " + format);
        };
    }

    private static String cve(int index) {
        return "CVE-" + (2000 + index % 26) + "-" + (10000 + index);
    }

    private static String severity(int index) {
        return SEVERITIES[index % SEVERITIES.length];
    }

    private static String pkg(int index) {
        return PACKAGES[index % PACKAGES.length] + (index / PACKAGES.length % 50);
    }

    /** A report: a header, repeated entries separated by commas, a footer. */
    private interface Shape {
        String header();

        String entry(int index);

        String footer();
    }

    /** Semgrep's SARIF, as in sarif-semgrep/semgrep-oss-e2e-snapshot.sarif. */
    private static final class Sarif implements Shape {
        @Override
        public String header() {
            return "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json\","
                    + "\"version\":\"2.1.0\",\"runs\":[{\"invocations\":[{\"executionSuccessful\":true,"
                    + "\"toolExecutionNotifications\":[]}],\"tool\":{\"driver\":{\"name\":\"Semgrep OSS\","
                    + "\"semanticVersion\":\"1.50.0\",\"rules\":[{\"id\":\"rules.eqeq-is-bad\",\"name\":"
                    + "\"rules.eqeq-is-bad\",\"defaultConfiguration\":{\"level\":\"error\"},\"shortDescription\":"
                    + "{\"text\":\"useless comparison\"},\"properties\":{\"precision\":\"very-high\",\"tags\":"
                    + "[\"CWE-697\"],\"security-severity\":\"7.5\"}}]}},\"originalUriBaseIds\":{\"%SRCROOT%\":"
                    + "{\"uri\":\"file:///src/\"}},\"results\":[";
        }

        @Override
        public String entry(int index) {
            return String.format(Locale.ROOT, "{\"fingerprints\":{\"matchBasedId/v1\":\"%08x%08x\"},"
                    + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/module%d/file%d.py\","
                    + "\"uriBaseId\":\"%%SRCROOT%%\"},\"region\":{\"startLine\":%d,\"startColumn\":12,"
                    + "\"endLine\":%d,\"endColumn\":26,\"snippet\":{\"text\":\"    return a%d + b == a%d + b\"}}}}],"
                    + "\"message\":{\"text\":\"useless comparison operation `a + b == a + b` in function f%d\"},"
                    + "\"properties\":{},\"ruleId\":\"rules.eqeq-is-bad\"}",
                    index, index * 31, index % 97, index, 3 + index % 500, 3 + index % 500, index, index, index);
        }

        @Override
        public String footer() {
            return "]}]}";
        }
    }

    /** Trivy's JSON schema 2, as in trivy-json/trivy-v2-alpine39-image-critical-eosl.json. */
    private static final class Trivy implements Shape {
        @Override
        public String header() {
            return "{\"SchemaVersion\":2,\"ArtifactName\":\"registry.example.org/app:1.0\",\"ArtifactType\":"
                    + "\"container_image\",\"Metadata\":{\"OS\":{\"Family\":\"alpine\",\"Name\":\"3.9.4\","
                    + "\"EOSL\":true}},\"Results\":[{\"Target\":\"registry.example.org/app:1.0 (alpine 3.9.4)\","
                    + "\"Class\":\"os-pkgs\",\"Type\":\"alpine\",\"Vulnerabilities\":[";
        }

        @Override
        public String entry(int index) {
            return String.format(Locale.ROOT, "{\"VulnerabilityID\":\"%s\",\"PkgName\":\"%s\",\"InstalledVersion\":"
                    + "\"1.1.%d-r4\",\"FixedVersion\":\"1.1.%d-r5\",\"Layer\":{\"DiffID\":\"sha256:f1b5933fe4b5f49bbe8"
                    + "258745cf396afe07e625bdab3168e364daf7c956b6b81\"},\"SeveritySource\":\"nvd\",\"PrimaryURL\":"
                    + "\"https://avd.aquasec.com/nvd/%s\",\"DataSource\":{\"ID\":\"alpine\",\"Name\":\"Alpine Secdb\","
                    + "\"URL\":\"https://secdb.alpinelinux.org/\"},\"Title\":\"%s: out-of-bounds write\","
                    + "\"Description\":\"The library through 1.1.%d has a stack adjustment imbalance. In some cases, "
                    + "use of this library could introduce out-of-bounds writes.\",\"Severity\":\"%s\",\"CweIDs\":"
                    + "[\"CWE-787\"],\"CVSS\":{\"nvd\":{\"V3Vector\":\"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\","
                    + "\"V3Score\":9.8}},\"References\":[\"https://nvd.nist.gov/vuln/detail/%s\"]}",
                    cve(index), pkg(index), index % 90, index % 90, cve(index).toLowerCase(Locale.ROOT), pkg(index),
                    index % 90, severity(index), cve(index));
        }

        @Override
        public String footer() {
            return "]}]}";
        }
    }

    /** Grype's JSON, as in grype-json/grype-presenter-golden-image-synthetic.json. */
    private static final class Grype implements Shape {
        @Override
        public String header() {
            return "{\"matches\":[";
        }

        @Override
        public String entry(int index) {
            return String.format(Locale.ROOT, "{\"vulnerability\":{\"id\":\"%s\",\"dataSource\":\"https://nvd.nist.gov/"
                    + "vuln/detail/%s\",\"severity\":\"%s\",\"urls\":[],"
                    + "\"cvss\":[{\"source\":\"nvd\",\"type\":\"CVSS\","
                    + "\"version\":\"3.1\",\"vector\":\"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:H\",\"metrics\":"
                    + "{\"baseScore\":8.2},\"vendorMetadata\":{}}],\"fix\":{\"versions\":[\"1.2.%d\"],\"state\":"
                    + "\"fixed\"},\"advisories\":[]},\"relatedVulnerabilities\":[],\"matchDetails\":[{\"type\":"
                    + "\"exact-direct-match\",\"matcher\":\"dpkg-matcher\",\"searchedBy\":{\"distro\":{\"type\":"
                    + "\"ubuntu\",\"version\":\"20.04\"}},\"found\":{\"constraint\":\">= 20\"}}],\"artifact\":{\"id\":"
                    + "\"a246fd20%08x\",\"name\":\"%s\",\"version\":\"1.1.%d\",\"type\":\"deb\",\"locations\":"
                    + "[{\"path\":\"/var/lib/dpkg/status\"}],\"language\":\"\",\"licenses\":[],\"cpes\":[],\"purl\":"
                    + "\"pkg:deb/ubuntu/%s@1.1.%d\"}}",
                    cve(index), cve(index), capitalised(severity(index)), index % 90, index, pkg(index), index % 90,
                    pkg(index), index % 90);
        }

        private static String capitalised(String severity) {
            return severity.charAt(0) + severity.substring(1).toLowerCase(Locale.ROOT);
        }

        @Override
        public String footer() {
            return "],\"source\":{\"type\":\"image\",\"target\":{\"userInput\":\"app:1.0\"}},\"distro\":{\"name\":"
                    + "\"ubuntu\",\"version\":\"20.04\"},\"descriptor\":{\"name\":\"grype\",\"version\":\"0.74.0\"}}";
        }
    }

    /** CycloneDX 1.5 with vulnerabilities, as in cyclonedx-vex/cdx-1.5-vex-not-affected-bomlink-refs.json. */
    private static final class CycloneDx implements Shape {
        @Override
        public String header() {
            return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"vulnerabilities\":[";
        }

        @Override
        public String entry(int index) {
            return String.format(Locale.ROOT, "{\"bom-ref\":\"v%d\",\"id\":\"%s\",\"source\":{\"name\":\"NVD\","
                    + "\"url\":\"https://nvd.nist.gov/vuln/detail/%s\"},\"ratings\":[{\"source\":{\"name\":\"NVD\"},"
                    + "\"score\":9.8,\"severity\":\"%s\",\"method\":\"CVSSv31\",\"vector\":"
                    + "\"AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],\"cwes\":[787],\"description\":\"Out-of-bounds write "
                    + "in %s\",\"affects\":[{\"ref\":\"pkg:maven/org.example/%s@1.%d.0\"}]}",
                    index, cve(index), cve(index), severity(index).toLowerCase(Locale.ROOT), pkg(index), pkg(index),
                    index % 90);
        }

        @Override
        public String footer() {
            return "]}";
        }
    }

    /** Dependency-Check's JSON, as in dependency-check-json/dc-8.2.1-npm-analysis-exception-no-vulns.json. */
    private static final class DependencyCheck implements Shape {
        @Override
        public String header() {
            return "{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"8.2.1\"},\"projectInfo\":{\"name\":"
                    + "\"app\",\"reportDate\":\"2026-01-05T09:00:00Z\"},\"dependencies\":[";
        }

        @Override
        public String entry(int index) {
            return String.format(Locale.ROOT, "{\"isVirtual\":false,\"fileName\":\"%s-1.%d.jar\",\"filePath\":"
                    + "\"/app/lib/%s-1.%d.jar\",\"md5\":\"%032x\",\"packages\":[{\"id\":\"pkg:maven/org.example/%s"
                    + "@1.%d\",\"confidence\":\"HIGH\"}],\"vulnerabilities\":[{\"source\":\"NVD\",\"name\":\"%s\","
                    + "\"severity\":\"%s\",\"cvssv3\":{\"baseScore\":9.8,\"attackVector\":\"NETWORK\",\"baseSeverity\":"
                    + "\"%s\"},\"cwes\":[\"CWE-787\"],\"description\":\"Out-of-bounds write in %s\",\"notes\":\"\","
                    + "\"references\":[{\"source\":\"NVD\",\"url\":\"https://nvd.nist.gov/vuln/detail/%s\"}]}]}",
                    pkg(index), index % 90, pkg(index), index % 90, index, pkg(index), index % 90, cve(index),
                    severity(index), severity(index), pkg(index), cve(index));
        }

        @Override
        public String footer() {
            return "]}";
        }
    }
}
