package io.jenkins.plugins.securitycatalogue.cli;

import picocli.CommandLine.Command;

/**
 * {@code github}: imports from GitHub. Exit codes as the other commands, plus 6 when GitHub could not be read
 * (what could be read is still recorded).
 */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = "Imports from GitHub: code scanning and Dependabot alerts as scans.",
        subcommands = GitHubAlertsCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an unexpected failure", "2:bad usage",
                "4:the catalogue database could not be used", "6:GitHub could not be read (see the message)"})
final class GitHubCommand {
    /** GitHub could not be read. */
    static final int GITHUB = 6;
}
