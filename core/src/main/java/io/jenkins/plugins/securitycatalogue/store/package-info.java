/**
 * The catalogue store: JDBC access, schema migrations and queries.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.store;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
