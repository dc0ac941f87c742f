/**
 * OWASP Dependency-Check reports, JSON and XML, of every schema version in use.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
