package io.jenkins.plugins.securitycatalogue.store;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Provides the invocations of {@link OnEachDatabase} (one per kind of database) and {@link OnPostgreSql}, each
 * with a fresh database.
 */
final class DatabaseExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        if (context.getRequiredTestMethod().isAnnotationPresent(OnPostgreSql.class)) {
            return Stream.of(new Invocation(TestDatabase.Kind.POSTGRESQL));
        }
        return Stream.of(TestDatabase.Kind.values()).map(Invocation::new);
    }

    /** One run of the test on one kind of database. */
    private record Invocation(TestDatabase.Kind kind) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return kind.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Resolver(kind));
        }
    }

    /** Creates the test's database on first use; the store of the test's context closes and drops it. */
    private record Resolver(TestDatabase.Kind kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestDatabase.class,
                    key -> create(context), TestDatabase.class);
        }

        private TestDatabase create(ExtensionContext context) {
            if (kind == TestDatabase.Kind.H2) {
                return TestDatabase.h2();
            }
            PostgresServer server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    PostgresServer.class, key -> PostgresServer.start(), PostgresServer.class);
            return server.newDatabase();
        }
    }
}
