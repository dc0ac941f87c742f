/**
 * The normalised finding model shared by every report format, the recorder and the views.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
