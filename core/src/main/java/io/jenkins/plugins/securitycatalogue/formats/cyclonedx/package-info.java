/**
 * CycloneDX JSON documents: the vulnerabilities of an SBOM or a VEX document.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.securitycatalogue.formats.cyclonedx;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
