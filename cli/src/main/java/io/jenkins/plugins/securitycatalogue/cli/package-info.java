/**
 * The command line: records reports into a catalogue and answers questions about it, as text or JSON.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.cli;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
