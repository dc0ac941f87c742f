package io.jenkins.plugins.securitycatalogue.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once on an embedded H2 catalogue and once on a real PostgreSQL server, each time on a fresh empty
 * database. The test takes a {@link TestDatabase} parameter and opens stores from it; they are closed and the
 * database dropped after the test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface OnEachDatabase {
}
