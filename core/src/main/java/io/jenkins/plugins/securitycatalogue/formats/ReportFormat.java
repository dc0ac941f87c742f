package io.jenkins.plugins.securitycatalogue.formats;

import java.io.IOException;
import javax.xml.stream.XMLStreamException;

/**
 * A report format the catalogue reads. Formats are found by their content through {@link #accepts(Sniff)}, or
 * named by {@link #id()}. Parsers stream: memory grows with the findings kept, not with the file.
 */
public interface ReportFormat {
    /** Returns the short id used on the command line and in the step, for example {@code trivy}. */
    String id();

    /** Returns the name shown to people, for example {@code Trivy JSON}. */
    String displayName();

    /** Returns one line on the tools and versions this format covers, for the list of supported formats. */
    String description();

    /** Returns whether the content looks like this format; {@code false} for formats only chosen by id. */
    boolean accepts(Sniff sniff);

    /**
     * Reads the report into the context.
     *
     * @throws ReportException if the report cannot be understood; the message names the problem and position
     * @throws IOException if it cannot be read
     * @throws XMLStreamException if an XML report is not well-formed
     */
    void parse(ReportInput input, ParseContext context) throws ReportException, IOException, XMLStreamException;
}
