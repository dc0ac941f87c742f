/**
 * The Jenkins binding of the catalogue: the {@code recordService} step, the pages, the actions on jobs and
 * builds, the permissions and the global configuration. Everything that can be decided without Jenkins is in
 * the core library; this package only connects it to Jenkins.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
