package io.jenkins.plugins.securitycatalogue.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code security-catalogue} command. Exit codes: 0 success, 1 an unexpected failure, 2 bad usage or an
 * unreadable report, 3 the quality gate failed, 4 the catalogue database could not be used.
 */
@Command(name = "security-catalogue", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Records services and their security scan results into a catalogue, and shows where the risk is.",
        subcommands = {RecordCommand.class, ServicesCommand.class, ServiceCommand.class, ExposureCommand.class,
                FormatsCommand.class, IncidentCommand.class, GitHubCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an unexpected failure", "2:bad usage, or a report that cannot be read",
                "3:the quality gate failed", "4:the catalogue database could not be used",
                "5:the post-mortem changed since the revision named (incident commands)",
                "6:GitHub could not be read (github and incident commands)"})
public final class Main {
    /** Success. */
    public static final int OK = 0;
    /** Bad usage or a report that cannot be read. */
    public static final int USAGE = 2;
    /** The quality gate failed. */
    public static final int GATE_FAILED = 3;
    /** The catalogue database could not be used. */
    public static final int STORE = 4;

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String... args) {
        quietLogging();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Keeps library logging (migrations, the connection pool, retries) off the terminal unless it is severe: the
     * commands print what a person must know themselves, as one clear message.
     */
    private static void quietLogging() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.SEVERE);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    /** Runs the command, writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Main::invalidInput);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + exception);
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * Reports bad usage like picocli does, except that unknown arguments are not echoed: a token typed as a value
     * of a mistyped option ({@code --github-token ghp_...}) must not be printed to a build log.
     */
    private static int invalidInput(CommandLine.ParameterException exception, String[] args) {
        CommandLine line = exception.getCommandLine();
        PrintWriter err = line.getErr();
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-"))
                    .map(arg -> "'" + arg.split("=", 2)[0] + "'").toList();
            int hidden = unmatched.getUnmatched().size() - options.size();
            err.println((options.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", options)
                    + (hidden > 0 ? " (and " + hidden + " more arguments, not shown)" : ""));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err)) {
                line.usage(err);
            }
        }
        else {
            err.println(exception.getMessage());
            line.usage(err);
        }
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"security-catalogue " + (version == null ? "development build" : version)};
        }
    }
}
