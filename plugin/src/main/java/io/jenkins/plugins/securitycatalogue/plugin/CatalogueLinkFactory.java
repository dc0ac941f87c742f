package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.TransientViewActionFactory;
import hudson.model.View;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The "Security Catalogue" link in the dashboard's side panel. Since Jenkins 2.507 root actions are in the header,
 * so the side panel link comes from the views; the URL space stays with {@link CatalogueRootAction}.
 */
@Extension
public class CatalogueLinkFactory extends TransientViewActionFactory {
    @Override
    public List<Action> createFor(View view) {
        return List.of(new Link());
    }

    /** The link; hidden from users who may not read the catalogue. */
    static final class Link implements Action {
        @Override
        @CheckForNull
        public String getIconFileName() {
            return Jenkins.get().hasPermission(CataloguePermissions.READ) ? CatalogueRootAction.ICON : null;
        }

        @Override
        public String getDisplayName() {
            return Messages.CatalogueRootAction_DisplayName();
        }

        @Override
        public String getUrlName() {
            return "/" + CatalogueRootAction.URL_NAME;
        }
    }
}
