/**
 * yarn audit JSON lines (yarn 1) and yarn npm audit JSON (yarn 2 to 4).
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.yarn;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
