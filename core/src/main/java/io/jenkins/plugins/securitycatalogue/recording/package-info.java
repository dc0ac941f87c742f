/**
 * Recording a service, its version, deployment and scans, merged with what was recorded before.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
