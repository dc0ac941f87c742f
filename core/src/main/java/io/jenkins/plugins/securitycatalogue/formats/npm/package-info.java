/**
 * npm audit JSON (npm 6 legacy and npm 7+ report version 2) and pnpm audit JSON.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.npm;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
