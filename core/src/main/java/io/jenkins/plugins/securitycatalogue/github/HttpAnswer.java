package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response from GitHub, read whole.
 *
 * @param status the status code
 * @param headers the headers, names compared case-insensitively
 * @param body the body
 */
record HttpAnswer(int status, Map<String, List<String>> headers, byte[] body) {
    HttpAnswer {
        Map<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                insensitive.put(name, List.copyOf(values));
            }
        });
        headers = insensitive;
    }

    /** Returns the first value of the header, or {@code null}. */
    @CheckForNull
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns the body as text. */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
