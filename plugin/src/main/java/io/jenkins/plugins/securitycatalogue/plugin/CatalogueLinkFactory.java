package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.TransientViewActionFactory;
import hudson.model.View;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The "Security Catalogue" and "Security Incidents" links in the dashboard's side panel. Since Jenkins 2.507 root actions are in the header,
 * so the side panel link comes from the views; the URL space stays with {@link CatalogueRootAction}.
 */
@Extension
public class CatalogueLinkFactory extends TransientViewActionFactory {
    @Override
    public List<Action> createFor(View view) {
        return List.of(new Link(Messages.CatalogueRootAction_DisplayName(), CatalogueRootAction.URL_NAME,
                CatalogueRootAction.ICON), new Link(Messages.IncidentsRootAction_DisplayName(),
                IncidentsRootAction.URL_NAME, IncidentsRootAction.ICON));
    }

    /** A link; hidden from users who may not read the catalogue. */
    static final class Link implements Action {
        private final String name;
        private final String url;
        private final String icon;

        Link(String name, String url, String icon) {
            this.name = name;
            this.url = url;
            this.icon = icon;
        }

        @Override
        @CheckForNull
        public String getIconFileName() {
            return Jenkins.get().hasPermission(CataloguePermissions.READ) ? icon : null;
        }

        @Override
        public String getDisplayName() {
            return name;
        }

        @Override
        public String getUrlName() {
            return "/" + url;
        }
    }
}
