package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: where the catalogue is, and JSON output. */
final class CatalogueOptions {
    @Option(names = "--catalogue", paramLabel = "DIR",
            description = "The catalogue's database directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.security-catalogue")
    Path directory;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    CatalogueStore open() throws StoreException {
        return CatalogueStore.openDirectory(directory, true);
    }

    CataloguePolicy policy() {
        return CataloguePolicy.defaults();
    }
}
