package io.jenkins.plugins.securitycatalogue.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one report: tells its format by content unless one is named, parses it, and turns every failure into a
 * {@link ReportException} whose message names the file, the format, the position and the problem.
 */
public final class ReportReader {
    private static final Logger LOGGER = Logger.getLogger(ReportReader.class.getName());

    /** The format id given to empty files. */
    public static final String EMPTY = "empty";

    private final FormatRegistry registry;
    private final SecretHasher hasher;
    @CheckForNull
    private final String baseDirectory;

    /** Creates a reader over the given formats, hashing secrets with the given hasher. */
    public ReportReader(FormatRegistry registry, SecretHasher hasher) {
        this(registry, hasher, null);
    }

    /**
     * Creates a reader that also makes absolute paths under the base directory (the workspace the reports were
     * written in) relative, so that fingerprints do not depend on where the build ran.
     */
    public ReportReader(FormatRegistry registry, SecretHasher hasher, @CheckForNull String baseDirectory) {
        this.registry = registry;
        this.hasher = hasher;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads the report.
     *
     * @param input the report
     * @param formatId the format to read it as, or {@code null} to tell the format by content
     * @throws ReportException if it cannot be read or understood
     */
    public ParsedReport read(ReportInput input, @CheckForNull String formatId) throws ReportException {
        Sniff sniff = sniff(input);
        ReportFormat format = sniff.shape() == Sniff.Shape.EMPTY ? null
                : formatId == null || formatId.isBlank() ? detect(input, sniff) : named(input, formatId, sniff);
        if (format == null) {
            var log = new ReportLog();
            log.warning("%s: the file is empty; nothing is recorded from it", input.name());
            return new ParsedReport(input.name(), EMPTY, List.of(), Set.of(), Map.of(), log);
        }
        var context = new ParseContext(input.name(), hasher).baseDirectory(baseDirectory);
        try {
            format.parse(input, context);
        }
        catch (ReportException exception) {
            throw exception;
        }
        catch (JsonProcessingException exception) {
            throw new ReportException(input.name(), format.displayName(), position(exception.getLocation()),
                    problem(exception), exception);
        }
        catch (XMLStreamException exception) {
            throw new ReportException(input.name(), format.displayName(), position(exception.getLocation()),
                    "not well-formed XML: " + xmlProblem(exception), exception);
        }
        catch (CharacterCodingException | CharConversionException exception) {
            throw new ReportException(input.name(), format.displayName(), null,
                    "the file is not valid text in its encoding (" + exception.getMessage() + ")", exception);
        }
        catch (IOException exception) {
            throw new ReportException(input.name(), format.displayName(), null,
                    "cannot be read: " + exception.getMessage(), exception);
        }
        catch (RuntimeException exception) {
            LOGGER.log(Level.FINE, "Parser failure on " + input.name(), exception);
            throw new ReportException(input.name(), format.displayName(), null,
                    "could not be understood (" + exception + ")", exception);
        }
        ParsedReport report = context.finish(format.id());
        if (isPlaceholder(format, sniff, report)) {
            throw new ReportException(input.name(), format.displayName(), null, "the content is not a report "
                    + "of this format (" + sniff + "); nothing is recorded from it", null);
        }
        return report;
    }

    /**
     * Returns whether a named built-in format read content that no built-in format recognises, and found nothing
     * in it: a placeholder such as {@code {}} must not pass for a clean scan that fixes every finding.
     */
    private boolean isPlaceholder(ReportFormat format, Sniff sniff, ParsedReport report) {
        return registry.formats().contains(format) && !sniff.isTruncated() && report.findings().isEmpty()
                && report.incomplete().isEmpty() && registry.detect(sniff).isEmpty();
    }

    private static Sniff sniff(ReportInput input) throws ReportException {
        try (InputStream in = input.open()) {
            return Sniff.of(in);
        }
        catch (IOException exception) {
            throw new ReportException(input.name(), null, null, "cannot be read: " + exception.getMessage(),
                    exception);
        }
    }

    private ReportFormat detect(ReportInput input, Sniff sniff) throws ReportException {
        return registry.detect(sniff).orElseThrow(() -> new ReportException(input.name(), null, null,
                "not a report format the catalogue recognises (" + sniff
                        + "); name its format if it is one of analysis-model's", null));
    }

    /**
     * Returns the named format. A built-in format is taken only for content that looks like a report of some
     * built-in format: a placeholder such as {@code {}} must not pass for a clean scan.
     */
    private ReportFormat named(ReportInput input, String formatId, Sniff sniff) throws ReportException {
        ReportFormat format = registry.find(formatId).orElseThrow(() -> new ReportException(input.name(), null,
                null, "unknown format '" + formatId + "'; known formats: "
                        + registry.formats().stream().map(ReportFormat::id).toList()
                        + " and the parser ids of analysis-model", null));
        return format;
    }

    @CheckForNull
    private static String position(@CheckForNull JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    @CheckForNull
    private static String position(@CheckForNull Location location) {
        if (location == null || location.getLineNumber() < 1) {
            return null;
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String problem(JsonProcessingException exception) {
        if (exception instanceof UnexpectedShapeException) {
            return "not the structure of this format: " + exception.getOriginalMessage();
        }
        if (exception instanceof StreamConstraintsException) {
            return "the document is nested or sized beyond the limits (" + firstLine(exception.getOriginalMessage())
                    + ")";
        }
        return "not valid JSON: " + firstLine(exception.getOriginalMessage());
    }

    private static String xmlProblem(XMLStreamException exception) {
        String message = String.valueOf(exception.getMessage());
        int detail = message.indexOf("Message: ");
        return firstLine(detail < 0 ? message : message.substring(detail + "Message: ".length()));
    }

    private static String firstLine(@CheckForNull String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
