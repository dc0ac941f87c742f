/**
 * Posture of a service: risk score, SLA state, freshness and the quality gate.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.posture;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
