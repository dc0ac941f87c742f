package io.jenkins.plugins.securitycatalogue.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One name per tool, whatever report wrote it: scans are merged per tool, so "trivy" in a CycloneDX document,
 * "Trivy" in its JSON and "CodeQL command-line toolchain" in a SARIF log must not become separate tools.
 */
public final class ToolNames {
    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"Trivy", "Grype", "Syft", "CodeQL", "Semgrep", "Snyk", "Checkov", "gitleaks",
            "TruffleHog", "ESLint", "KICS", "tfsec", "OSV-Scanner", "OWASP Dependency-Check", "Dependabot",
            "npm audit", "pnpm audit", "yarn audit", "Bandit", "gosec", "Hadolint", "SpotBugs"}) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
        CANONICAL.put("dependency-check", "OWASP Dependency-Check");
        CANONICAL.put("semgrep oss", "Semgrep");
        CANONICAL.put("snyk open source", "Snyk");
        CANONICAL.put("snyk code", "Snyk Code");
    }

    private ToolNames() {
    }

    /**
     * Returns the catalogue's name of a tool: a known tool by its usual spelling, matched on the name or on its first
     * word ("CodeQL command-line toolchain" is CodeQL); any other name cleaned but kept as written.
     */
    public static String canonical(String name) {
        String cleaned = Texts.line(name);
        if (cleaned == null) {
            return "unnamed tool";
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        String known = CANONICAL.get(lower);
        if (known == null) {
            known = CANONICAL.get(lower.split(" ", 2)[0]);
        }
        return known == null ? cleaned : known;
    }
}
