package io.jenkins.plugins.securitycatalogue.plugin;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.ReportReader;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Fills an empty catalogue with the example reports when Jenkins starts with the system property
 * {@code security-catalogue.demo} naming the examples directory, for trying the pages with {@code mvn hpi:run}:
 * each subdirectory but {@code post-mortems} is a service, each file in it a report, recorded as deployed in
 * production.
 */
public final class DemoData {
    /** The system property that names the examples directory. */
    public static final String PROPERTY = "security-catalogue.demo";

    private static final Logger LOGGER = Logger.getLogger(DemoData.class.getName());

    private DemoData() {
    }

    /** Records the examples if the property is set and the catalogue is empty. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void seed() {
        String directory = System.getProperty(PROPERTY);
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            if (!CatalogueAccess.get().queries().services(ServiceFilter.ALL).isEmpty()) {
                return;
            }
            try (Stream<Path> services = Files.list(Path.of(directory))) {
                for (Path service : services.filter(Files::isDirectory)
                        .filter(path -> !"post-mortems".equals(path.getFileName().toString())).sorted().toList()) {
                    record(service);
                }
            }
        }
        catch (IOException | StoreException | ReportException exception) {
            LOGGER.log(Level.WARNING, "Cannot record the example reports of " + directory, exception);
        }
    }

    private static void record(Path service) throws IOException, StoreException, ReportException {
        var reader = new ReportReader(new FormatRegistry(), CatalogueAccess.get().store().secretHasher());
        List<ParsedReport> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(service)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                reports.add(reader.read(ReportInput.of(file, service.getFileName() + "/" + file.getFileName()), null));
            }
        }
        String name = service.getFileName().toString();
        CatalogueAccess.get().recorder().record(new RecordingRequest(new ServiceMetadata(name, "team-" + name,
                "Example service recorded from " + service, null, null, Map.of()), "1.0.0", "production", null,
                reports, Instant.now()));
        LOGGER.info(() -> "Recorded the example service " + name);
    }
}
