package io.jenkins.plugins.securitycatalogue.github;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a CODEOWNERS file. The owner of a service is the owner of the whole tree: the first owner of the last rule
 * whose pattern covers every file ({@code *}, {@code **}, {@code /} or {@code /**}), since later rules win. A
 * last such rule with no owner means the tree is deliberately unowned.
 */
public final class CodeOwners {
    /** Where GitHub looks for the file, in its order. */
    public static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

    private static final Set<String> WHOLE_TREE = Set.of("*", "**", "/", "/**");

    private CodeOwners() {
    }

    /** Returns the owner of the whole tree, as written ({@code @acme/payments}, {@code @jane}, an e-mail). */
    public static Optional<String> wholeTreeOwner(String content) {
        String owner = null;
        for (String line : content.split("\\R")) {
            String[] parts = withoutComment(line).strip().split("\\s+");
            if (parts.length > 0 && WHOLE_TREE.contains(parts[0])) {
                owner = parts.length > 1 ? parts[1] : null;
            }
        }
        return Optional.ofNullable(owner);
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        while (hash > 0 && line.charAt(hash - 1) == '\\') {
            hash = line.indexOf('#', hash + 1);
        }
        return hash < 0 ? line : line.substring(0, hash);
    }
}
