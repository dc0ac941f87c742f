package io.jenkins.plugins.securitycatalogue.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.incident.BlamelessCheck;
import io.jenkins.plugins.securitycatalogue.incident.BlamelessWarning;
import io.jenkins.plugins.securitycatalogue.incident.Distribution;
import io.jenkins.plugins.securitycatalogue.incident.EditConflictException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.Times;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** JSON and shared text output of the incident commands, and their error handling. */
final class IncidentOutput {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(LocalDate.class, ToStringSerializer.instance)
                    .addSerializer(IncidentId.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, new DurationSerializer())
                    .addSerializer(Distribution.class, new DistributionSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private IncidentOutput() {
    }

    /** Prints the value as indented JSON; times as ISO 8601, durations as {@code 2h 5m} and seconds. */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        }
        catch (JsonProcessingException exception) {
            throw new IllegalStateException("Cannot write JSON", exception);
        }
    }

    /** Returns the default blameless check, extended by the user's word list if one is given. */
    static BlamelessCheck blameless(Path words) throws IOException {
        BlamelessCheck check = BlamelessCheck.defaults();
        return words == null ? check : check.with(words);
    }

    /** Prints the blameless warnings, if any. */
    static void warnings(PrintWriter out, List<BlamelessWarning> warnings) {
        if (!warnings.isEmpty()) {
            out.printf("Blameless check (%d warnings; they do not block):%n", warnings.size());
            warnings.forEach(warning -> out.println("  " + warning));
        }
    }

    /** Formats a possibly unknown duration as {@code 2h 5m}, or a dash. */
    static String duration(@CheckForNull Duration duration) {
        return duration == null ? "-" : Times.format(duration);
    }

    /** Returns a JSON object of the pairs, in order. */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    /** Runs a command body, turning the failures users can fix into messages and exit codes. */
    static int run(CommandSpec spec, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run();
        }
        catch (EditConflictException exception) {
            err.println("conflict: " + exception.getMessage());
            return IncidentCommand.CONFLICT;
        }
        catch (IncidentException | IllegalArgumentException | IOException exception) {
            err.println("error: " + exception.getMessage());
            return Main.USAGE;
        }
        catch (StoreException exception) {
            err.println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }

    /** The body of a command. */
    @FunctionalInterface
    interface Body {
        int run() throws IncidentException, StoreException, IOException;
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("text", Times.format(value));
            json.writeNumberField("seconds", value.toSeconds());
            json.writeEndObject();
        }
    }

    private static final class DistributionSerializer extends JsonSerializer<Distribution> {
        @Override
        public void serialize(Distribution value, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject();
            json.writeNumberField("count", value.count());
            provider.defaultSerializeField("median", value.median(), json);
            provider.defaultSerializeField("min", value.min(), json);
            provider.defaultSerializeField("max", value.max(), json);
            provider.defaultSerializeField("mean", value.mean(), json);
            provider.defaultSerializeField("values", value.values(), json);
            json.writeEndObject();
        }
    }
}
