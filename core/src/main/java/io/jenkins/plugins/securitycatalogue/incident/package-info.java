/**
 * Security incidents and their blameless post-mortems: the model, the rules (lifecycle, consistent times,
 * blameless wording), metrics, storage with optimistic concurrency, Markdown and Atom.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
