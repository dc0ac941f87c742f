package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.ReportReader;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.io.File;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.DirectoryScanner;

/**
 * Finds and reads the reports on the agent, next to the files, so that only the normalised findings travel to the
 * controller. Secrets are hashed and redacted here, before anything leaves the agent.
 */
final class ReadReports extends MasterToSlaveFileCallable<ReadReports.Outcome> {
    private static final long serialVersionUID = 1L;

    private final List<Pattern> patterns;
    private final SecretHasher hasher;

    ReadReports(List<Pattern> patterns, SecretHasher hasher) {
        this.patterns = List.copyOf(patterns);
        this.hasher = hasher;
    }

    @Override
    public Outcome invoke(File workspace, VirtualChannel channel) {
        var reader = new ReportReader(new FormatRegistry(), hasher, workspace.getAbsolutePath());
        var outcome = new Outcome();
        Set<String> seen = new LinkedHashSet<>();
        for (Pattern pattern : patterns) {
            String[] files = files(workspace, pattern.includes(), outcome);
            if (files.length == 0) {
                outcome.unmatched.add(pattern.includes());
            }
            for (String file : files) {
                if (seen.add(file)) {
                    read(reader, new File(workspace, file), file.replace('\\', '/'), pattern.format(), outcome);
                }
            }
        }
        return outcome;
    }

    private static String[] files(File workspace, String includes, Outcome outcome) {
        try {
            DirectoryScanner scanner = Util.createFileSet(workspace, includes).getDirectoryScanner();
            String[] files = scanner.getIncludedFiles();
            Arrays.sort(files);
            return files;
        }
        catch (BuildException exception) {
            outcome.errors.add("The report pattern '" + includes + "' is not valid: " + exception.getMessage());
            return new String[0];
        }
    }

    private static void read(ReportReader reader, File file, String name, @CheckForNull String format,
            Outcome outcome) {
        try {
            outcome.reports.add(reader.read(ReportInput.of(file.toPath(), name), format));
        }
        catch (ReportException exception) {
            outcome.errors.add(exception.getMessage());
        }
    }

    /**
     * An Ant-style pattern of report files and the format to read them as.
     *
     * @param includes comma-separated Ant patterns relative to the workspace
     * @param format a format id, or {@code null} to tell the format by content
     */
    record Pattern(String includes, @CheckForNull String format) implements Serializable {
    }

    /** What was read: the reports, the errors, and the patterns that matched no file. */
    static final class Outcome implements Serializable {
        private static final long serialVersionUID = 1L;

        private final List<ParsedReport> reports = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final List<String> unmatched = new ArrayList<>();

        List<ParsedReport> reports() {
            return reports;
        }

        List<String> errors() {
            return errors;
        }

        List<String> unmatched() {
            return unmatched;
        }
    }
}
