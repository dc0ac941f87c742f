package io.jenkins.plugins.securitycatalogue.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CODEOWNERS, repository addresses, tokens and settings. */
class SmallPartsTest {
    @TempDir
    Path directory;

    @Test
    void shouldTakeTheLastWholeTreeRuleOfCodeOwners() {
        String content = "# owners\n* @acme/platform\n/docs/ @acme/writers\n** @acme/payments @acme/security # all\n"
                + "/src/ @acme/backend\n";

        assertThat(CodeOwners.wholeTreeOwner(content)).contains("@acme/payments");
        assertThat(CodeOwners.wholeTreeOwner("* @acme/one\n/* @acme/root-files-only\n")).contains("@acme/one");
        assertThat(CodeOwners.wholeTreeOwner("* @acme/one\n*\n")).isEmpty();
        assertThat(CodeOwners.wholeTreeOwner("/src/ @acme/backend\n")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://github.com/acme/shop, github.com, acme, shop",
        "https://github.com/acme/shop.git, github.com, acme, shop",
        "https://github.com/acme/shop/tree/main/api, github.com, acme, shop",
        "git@github.com:acme/shop.git, github.com, acme, shop",
        "ssh://git@git.example.com:7999/acme/shop.git, git.example.com, acme, shop",
        "https://GIT.example.com/acme/my.repo, git.example.com, acme, my.repo"})
    void shouldReadRepositoryAddresses(String address, String host, String owner, String name) {
        assertThat(RepositoryCoordinates.parse(address))
                .contains(new RepositoryCoordinates(host, owner, name));
    }

    @Test
    void shouldRejectWhatIsNoRepositoryAndPickTheApiUrl() {
        assertThat(RepositoryCoordinates.parse("https://github.com/acme")).isEmpty();
        assertThat(RepositoryCoordinates.parse("file:///tmp/repo")).isEmpty();
        assertThat(RepositoryCoordinates.parse("https://github.com/acme/..")).isEmpty();
        assertThat(RepositoryCoordinates.parse("https://github.com/acme/shop").orElseThrow().defaultApiUrl())
                .isEqualTo("https://api.github.com");
        assertThat(RepositoryCoordinates.parse("https://git.example.com/a/b").orElseThrow().defaultApiUrl())
                .isEqualTo("https://git.example.com/api/v3");
    }

    @Test
    void shouldReadTokensFromTheEnvironmentOrAFileWithoutShowingThem() throws Exception {
        Path file = directory.resolve("token");
        Files.writeString(file, "  ghp_fromFile123  \nsecond line\n");

        assertThat(GitHubToken.fromEnvironment("GH", Map.of("GH", "ghp_fromEnv123")).authorization())
                .isEqualTo("Bearer ghp_fromEnv123");
        assertThat(GitHubToken.fromFile(file).authorization()).isEqualTo("Bearer ghp_fromFile123");
        assertThatThrownBy(() -> GitHubToken.fromEnvironment("GH", Map.of()))
                .hasMessage("The environment variable GH that should hold the GitHub token is not set or empty");
        assertThatThrownBy(() -> GitHubToken.fromEnvironment("GH", Map.of("GH", "ghp_a b")))
                .hasMessageNotContaining("ghp_a").hasMessageContaining("is not a token");
        assertThatThrownBy(() -> GitHubToken.fromFile(directory.resolve("missing")))
                .hasMessageStartingWith("Cannot read the GitHub token file");
        assertThat(GitHubToken.of("ghp_fromFile123").toString()).doesNotContain("ghp");
    }

    @Test
    void shouldValidateTheSettings() {
        assertThat(GitHubSettings.forApi("https://git.example.com/api/v3/").apiUrl())
                .hasToString("https://git.example.com/api/v3");
        assertThatThrownBy(() -> GitHubSettings.forApi("ftp://git.example.com"))
                .hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> GitHubSettings.forApi("https://user:pass@git.example.com"))
                .hasMessageContaining("no user, password or query");
    }

    @Test
    void shouldServeOnlyTheApisOwnHost() throws Exception {
        GitHubConnection dotCom = GitHubConnection.open(GitHubSettings.forApi("https://api.github.com"),
                GitHubToken.of("t"));
        GitHubConnection enterprise = GitHubConnection.open(GitHubSettings.forApi("https://git.example.com/api/v3"),
                GitHubToken.of("t"));

        assertThat(dotCom.serves("github.com")).isTrue();
        assertThat(dotCom.serves("www.github.com")).isTrue();
        assertThat(dotCom.serves("git.example.com")).isFalse();
        assertThat(enterprise.serves("git.example.com")).isTrue();
        assertThat(enterprise.serves("github.com")).isFalse();
    }
}
