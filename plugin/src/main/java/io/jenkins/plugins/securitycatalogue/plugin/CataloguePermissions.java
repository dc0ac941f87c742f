package io.jenkins.plugins.securitycatalogue.plugin;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;

/**
 * The catalogue's own permissions. Findings are sensitive: reading the catalogue needs its own permission, granted
 * to administrators by default; managing and publishing incidents need theirs.
 */
public final class CataloguePermissions {
    /** The group shown in authorization strategies. */
    public static final PermissionGroup GROUP =
            new PermissionGroup(CataloguePermissions.class, Messages._CataloguePermissions_Group());

    /** Read the catalogue. */
    public static final Permission READ = new Permission(GROUP, "Read", Messages._CataloguePermissions_Read(),
            Jenkins.ADMINISTER, PermissionScope.JENKINS);

    /** Create and edit incidents and post-mortems. */
    public static final Permission MANAGE_INCIDENTS = new Permission(GROUP, "ManageIncidents",
            Messages._CataloguePermissions_ManageIncidents(), Jenkins.ADMINISTER, PermissionScope.JENKINS);

    /** Publish post-mortems. */
    public static final Permission PUBLISH_INCIDENTS = new Permission(GROUP, "PublishIncidents",
            Messages._CataloguePermissions_PublishIncidents(), Jenkins.ADMINISTER, PermissionScope.JENKINS);

    private CataloguePermissions() {
    }

    /** Loads this class early, so that authorization strategies and JCasC find the permissions. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.EXTENSIONS_AUGMENTED)
    public static void register() {
        READ.getId();
        MANAGE_INCIDENTS.getId();
        PUBLISH_INCIDENTS.getId();
    }
}
