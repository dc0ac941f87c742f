/**
 * OSV-Scanner's JSON report.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.osv;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
