package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML report of OWASP Dependency-Check ({@code --format XML}), every schema in use from
 * {@code dependency-check.1.0.xsd} (2014) to {@code dependency-check.4.x.xsd}. The reader streams: each
 * dependency is read as a small tree, its vulnerabilities are turned into the JSON report's shape and mapped by
 * the same code as the JSON format. Old schemas split CVSS v2 into {@code cvss...} elements (one of them
 * misspelled {@code cvssAuthenticationr}) and give one free-text {@code cwe}; newer ones nest {@code cvssV2},
 * {@code cvssV3}, {@code cvssV4} and list {@code cwes}. Analysis exceptions make the scan incomplete.
 */
public final class DependencyCheckXmlFormat implements ReportFormat {
    private static final Pattern SCHEMA = Pattern.compile("dependency-check\\.(\\d+)\\.(\\d+)\\.xsd");
    private static final int NEWEST_MAJOR = 4;
    private static final Map<String, String> OLD_CVSS = Map.of("cvssScore", "score",
            "cvssAccessVector", "accessVector", "cvssAccessComplexity", "accessComplexity",
            "cvssAuthentication", "authenticationr", "cvssAuthenticationr", "authenticationr",
            "cvssConfidentialImpact", "confidentialImpact", "cvssIntegrityImpact", "integrityImpact",
            "cvssAvailabilityImpact", "availabilityImpact");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String id() {
        return "dependency-check-xml";
    }

    @Override
    public String displayName() {
        return "OWASP Dependency-Check XML";
    }

    @Override
    public String description() {
        return "OWASP Dependency-Check 1 to 12, --format XML (schemas dependency-check.1.0 to 4.x)";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return sniff.shape() == Sniff.Shape.XML && "analysis".equals(sniff.xmlRoot().orElse(null))
                && sniff.xmlNamespace().orElse("").contains("dependency-check");
    }

    @Override
    public void parse(ReportInput input, ParseContext context)
            throws IOException, XMLStreamException, ReportException {
        try (InputStream in = input.open()) {
            XMLStreamReader reader = Sniff.secureXmlFactory().createXMLStreamReader(in);
            try {
                read(reader, input, context);
            }
            finally {
                reader.close();
            }
        }
    }

    private void read(XMLStreamReader reader, ReportInput input, ParseContext context)
            throws XMLStreamException, ReportException {
        int depth = 0;
        int dependencies = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 1) {
                    root(reader, input, context);
                }
                else if (depth == 2 && "scanInfo".equals(reader.getLocalName())) {
                    scanInfo(XmlElement.read(reader), context);
                    depth--;
                }
                else if (depth == 3 && "dependency".equals(reader.getLocalName())) {
                    dependency(XmlElement.read(reader), dependencies++, context);
                    depth--;
                }
            }
        }
    }

    private void root(XMLStreamReader reader, ReportInput input, ParseContext context) throws ReportException {
        if (!"analysis".equals(reader.getLocalName())) {
            throw new ReportException(input.name(), displayName(), null, "not a Dependency-Check report: the root"
                    + " element is <" + reader.getLocalName() + ">, not <analysis>", null);
        }
        context.toolRan(DependencyCheckFindings.TOOL);
        String namespace = String.valueOf(reader.getNamespaceURI());
        Matcher matcher = SCHEMA.matcher(namespace);
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) > NEWEST_MAJOR) {
            context.toolIncomplete(DependencyCheckFindings.TOOL, "the report's schema (" + namespace
                    + ") is not one this version reads (1.0 to 4.x); findings may be missing");
        }
    }

    private static void scanInfo(XmlElement scanInfo, ParseContext context) {
        XmlElement exceptions = scanInfo.child("analysisExceptions");
        if (exceptions == null || exceptions.children().isEmpty()) {
            return;
        }
        String message = exceptions.children().get(0).childText("message");
        context.toolIncomplete(DependencyCheckFindings.TOOL, exceptions.children().size()
                + " analysis exception(s), first: " + (message == null ? "no message" : message));
    }

    private static void dependency(XmlElement dependency, int index, ParseContext context) {
        List<String> packageIds = new ArrayList<>();
        List<String> mavenIds = new ArrayList<>();
        XmlElement identifiers = dependency.child("identifiers");
        if (identifiers != null) {
            identifiers.children("package").forEach(id -> addText(packageIds, id.childText("id")));
            identifiers.children("identifier").stream()
                    .filter(id -> "maven".equalsIgnoreCase(id.attribute("type")))
                    .forEach(id -> addText(mavenIds, id.childText("name")));
        }
        var item = DependencyCheckPackage.of(dependency.childText("fileName"), dependency.childText("filePath"),
                packageIds, mavenIds);
        String where = "dependencies/dependency[" + (index + 1) + "]";
        int position = 0;
        for (XmlElement container : dependency.children()) {
            if (!"vulnerabilities".equals(container.name())
                    && !"suppressedVulnerabilities".equals(container.name())) {
                continue;
            }
            for (XmlElement vulnerability : container.children()) {
                boolean suppressed = "suppressedVulnerability".equals(vulnerability.name());
                if (suppressed || "vulnerability".equals(vulnerability.name())) {
                    DependencyCheckFindings.add(context, item, asJson(vulnerability), suppressed,
                            where + "/" + vulnerability.name() + "[" + ++position + "]");
                }
            }
        }
    }

    /** Returns the vulnerability in the shape of the JSON report. */
    static ObjectNode asJson(XmlElement vulnerability) {
        ObjectNode json = NODES.objectNode();
        putText(json, "source", vulnerability.attribute("source"));
        ObjectNode oldCvss = NODES.objectNode();
        ArrayNode cwes = json.putArray("cwes");
        for (XmlElement child : vulnerability.children()) {
            String name = child.name();
            if (OLD_CVSS.containsKey(name)) {
                putText(oldCvss, OLD_CVSS.get(name), child.text());
            }
            else if (name.startsWith("cvssV")) {
                json.set(name.toLowerCase(java.util.Locale.ROOT), texts(child));
            }
            else if ("cwes".equals(name)) {
                child.children("cwe").forEach(cwe -> addText(cwes, cwe.text()));
            }
            else if ("cwe".equals(name)) {
                addText(cwes, child.text());
            }
            else if ("references".equals(name)) {
                ArrayNode references = json.putArray("references");
                child.children("reference").forEach(reference -> references.add(texts(reference)));
            }
            else if ("vulnerableSoftware".equals(name)) {
                json.set("vulnerableSoftware", software(child));
            }
            else if (child.children().isEmpty()) {
                putText(json, name, child.text());
            }
        }
        if (!oldCvss.isEmpty() && !json.has("cvssv2")) {
            json.set("cvssv2", oldCvss);
        }
        return json;
    }

    private static ArrayNode software(XmlElement vulnerableSoftware) {
        ArrayNode list = NODES.arrayNode();
        for (XmlElement software : vulnerableSoftware.children("software")) {
            ObjectNode entry = NODES.objectNode();
            putText(entry, "id", software.text());
            software.attributes().forEach((key, value) -> putText(entry, key, value));
            if ("true".equals(software.attribute("matched"))) {
                entry.put("vulnerabilityIdMatched", "true");
            }
            list.addObject().set("software", entry);
        }
        return list;
    }

    private static ObjectNode texts(XmlElement element) {
        ObjectNode json = NODES.objectNode();
        element.children().forEach(child -> putText(json, child.name(), child.text()));
        return json;
    }

    private static void putText(ObjectNode json, String key, @CheckForNull String text) {
        if (text != null && !json.has(key)) {
            json.put(key, text);
        }
    }

    private static void addText(ArrayNode list, @CheckForNull String text) {
        if (text != null) {
            list.add(text);
        }
    }

    private static void addText(List<String> list, @CheckForNull String text) {
        if (text != null) {
            list.add(text);
        }
    }
}
