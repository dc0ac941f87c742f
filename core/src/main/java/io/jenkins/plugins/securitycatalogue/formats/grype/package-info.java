/**
 * Grype's JSON report.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.grype;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
