package io.jenkins.plugins.securitycatalogue.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Lets GitHub API for Java send its requests through the {@link GitHubTransport}, so that the library's calls and
 * the direct REST calls share the credentials, the timeouts and the rate-limit handling.
 */
final class TransportConnector implements GitHubConnector {
    private final GitHubTransport transport;

    TransportConnector(GitHubTransport transport) {
        this.transport = transport;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        request.allHeaders().forEach((name, values) -> {
            if (name != null && !values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        });
        if (request.contentType() != null) {
            headers.put("Content-Type", request.contentType());
        }
        byte[] body = request.hasBody() ? readAll(request.body()) : null;
        try {
            HttpAnswer answer = transport.send(request.method(), uri(request), headers, body,
                    request.method() + " " + request.url().getPath());
            return new Response(request, answer);
        }
        catch (GitHubException exception) {
            throw new Failure(exception);
        }
    }

    private static URI uri(GitHubConnectorRequest request) throws IOException {
        try {
            return request.url().toURI();
        }
        catch (URISyntaxException exception) {
            throw new IOException("Not a valid URL: " + request.url().getPath(), exception);
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }

    /**
     * Carries a {@link GitHubException} through the library, which passes this type on unchanged.
     */
    static final class Failure extends GHIOException {
        private static final long serialVersionUID = 1L;

        Failure(GitHubException cause) {
            super(cause.getMessage(), cause);
        }

        GitHubException failure() {
            return (GitHubException) getCause();
        }
    }

    /** A response already read whole. */
    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, HttpAnswer answer) {
            super(request, answer.status(), answer.headers());
            this.body = answer.body();
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
