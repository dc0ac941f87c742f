package io.jenkins.plugins.securitycatalogue.cli;

import picocli.CommandLine.Command;

/**
 * {@code incident}: security incidents and their blameless post-mortems. Exit codes as the other commands, plus
 * 5 when a save was based on a stale revision (someone else changed the post-mortem).
 */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"Security incidents and their blameless post-mortems: write, review, publish and share them.",
                "Lifecycle: draft -> in review (edit --status in-review) -> published (publish)."},
        subcommands = {IncidentNewCommand.class, IncidentEditCommand.class, IncidentShowCommand.class,
                IncidentListCommand.class, IncidentPublishCommand.class, IncidentExportCommand.class,
                IncidentImportCommand.class, IncidentActionToIssueCommand.class,
                IncidentRefreshIssuesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an unexpected failure", "2:bad usage, or a rule refused the change",
                "4:the catalogue database could not be used", "5:the post-mortem changed since your revision",
                "6:GitHub could not be read or refused the change"})
final class IncidentCommand {
    /** A save was based on a stale revision. */
    static final int CONFLICT = 5;
}
