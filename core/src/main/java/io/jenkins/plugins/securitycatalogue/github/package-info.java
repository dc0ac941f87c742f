/**
 * Reading repositories, code scanning and Dependabot alerts from GitHub (github.com or GitHub Enterprise), and
 * filing post-mortem action items as GitHub issues. Every call has a connect and a read timeout, respects the rate
 * limit, and never shows the token.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
