/**
 * SARIF 2.1.0 logs of any producer (CodeQL, Semgrep, Checkov, Trivy, gitleaks, ESLint, ...), read as a stream.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.sarif;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
