package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryMetadataSource;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.util.logging.Logger;

/**
 * The one way the plugin reaches the catalogue: opens the store the configuration names on first use, and
 * closes it when the configuration changes or Jenkins stops.
 */
@Extension
public final class CatalogueAccess {
    private static final Logger LOGGER = Logger.getLogger(CatalogueAccess.class.getName());

    @CheckForNull
    private CatalogueStore store;

    /** Returns the singleton. */
    public static CatalogueAccess get() {
        return ExtensionList.lookupSingleton(CatalogueAccess.class);
    }

    /** Returns the open store, opening it first if needed. */
    public synchronized CatalogueStore store() throws StoreException {
        if (store == null) {
            store = SecurityCatalogueConfiguration.get().openStore();
            LOGGER.fine("Opened the security catalogue");
        }
        return store;
    }

    /** Returns the policy currently configured. */
    public CataloguePolicy policy() {
        return SecurityCatalogueConfiguration.get().policy();
    }

    /** Returns a recorder over the store. */
    public Recorder recorder() throws StoreException {
        return new Recorder(store(), policy());
    }

    /** Returns a recorder over the store that fills what the pipeline did not give from the repositories. */
    public Recorder recorder(@CheckForNull RepositoryMetadataSource repositories) throws StoreException {
        return new Recorder(store(), policy(), repositories);
    }

    /** Returns the queries over the store. */
    public CatalogueQueries queries() throws StoreException {
        return new CatalogueQueries(store(), policy());
    }

    /** Closes the store; the next use opens it again with the current configuration. */
    public synchronized void reset() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** Closes the store when Jenkins stops. */
    @Terminator
    public static void close() {
        ExtensionList<CatalogueAccess> all = ExtensionList.lookup(CatalogueAccess.class);
        all.forEach(CatalogueAccess::reset);
    }
}
