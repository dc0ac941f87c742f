/**
 * Read models of the catalogue for the command line, the pages and the REST API: the services table, one
 * service's details and the exposure search.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.query;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
