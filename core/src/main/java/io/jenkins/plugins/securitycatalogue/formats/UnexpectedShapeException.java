package io.jenkins.plugins.securitycatalogue.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Well-formed JSON whose structure is not the report's: an array where an object must be, and the like. */
public class UnexpectedShapeException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception at the parser's current position. */
    public UnexpectedShapeException(JsonParser parser, String problem) {
        super(problem, parser.currentLocation(), null);
    }
}
