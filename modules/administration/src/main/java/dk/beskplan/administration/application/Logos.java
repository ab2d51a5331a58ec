package dk.beskplan.administration.application;

import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.InvalidInput;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an uploaded logo: a PNG, or an SVG that can do nothing but draw. An SVG with scripts, event handlers,
 * embedded HTML, a DOCTYPE (entities) or references to anything outside itself is refused, naming what was found.
 * The platform also serves logos with a sandboxing Content-Security-Policy, so a logo is harmless twice over.
 */
public final class Logos {
    public static final int MAX_BYTES = 256 * 1024;
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "audio", "video", "canvas", "handler", "listener", "animate", "set", "animatemotion", "animatetransform", "discard");

    private Logos() {
    }

    /** The logo to store, or {@link InvalidInput} naming the field {@code logo}. */
    public static Municipalities.Logo check(byte[] content) {
        if (content == null || content.length == 0) {
            throw InvalidInput.field("logo", "Vælg en fil med logoet (PNG eller SVG)");
        }
        if (content.length > MAX_BYTES) {
            throw InvalidInput.field("logo", "Logoet må højst fylde " + MAX_BYTES / 1024 + " KB (filen fylder "
                    + (content.length + 1023) / 1024 + " KB)");
        }
        if (content.length >= PNG_SIGNATURE.length && Arrays.equals(Arrays.copyOf(content, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            return new Municipalities.Logo(content, PNG, Hashes.sha256Hex(content));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.contains("<svg")) {
            throw InvalidInput.field("logo", "Logoet skal være en PNG- eller SVG-fil");
        }
        checkSvg(content);
        return new Municipalities.Logo(content, SVG, Hashes.sha256Hex(content));
    }

    private static void checkSvg(byte[] content) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // No DOCTYPE at all: no entities, no external anything.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (SAXException e) {
            throw InvalidInput.field("logo", "SVG-filen kan ikke læses (ugyldig XML eller en DOCTYPE, som ikke er tilladt)");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
        if (!"svg".equals(localName(root))) {
            throw InvalidInput.field("logo", "SVG-filen skal have <svg> som yderste element");
        }
        checkElement(root);
        if (new String(content, StandardCharsets.UTF_8).contains("<?xml-stylesheet")) {
            throw InvalidInput.field("logo", "SVG-filen må ikke hente stylesheets udefra");
        }
    }

    private static void checkElement(Element element) {
        String name = localName(element).toLowerCase(Locale.ROOT);
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            throw InvalidInput.field("logo", "SVG-filen må ikke indeholde <" + localName(element) + "> (kun tegning er tilladt)");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String attr = localName(attribute).toLowerCase(Locale.ROOT);
            String value = attribute.getNodeValue().strip().toLowerCase(Locale.ROOT);
            if (attr.startsWith("on")) {
                throw InvalidInput.field("logo", "SVG-filen må ikke indeholde hændelser som " + attribute.getNodeName());
            }
            if ((attr.equals("href") || attr.equals("src")) && !value.startsWith("#") && !value.startsWith("data:image/png")) {
                throw InvalidInput.field("logo", "SVG-filen må ikke henvise til noget uden for filen (" + attribute.getNodeName() + ")");
            }
            if (refersOutside(value)) {
                throw InvalidInput.field("logo", "SVG-filen må ikke henvise til noget uden for filen (" + attribute.getNodeName() + ")");
            }
        }
        if (name.equals("style") && refersOutside(element.getTextContent().toLowerCase(Locale.ROOT))) {
            throw InvalidInput.field("logo", "SVG-filens <style> må ikke hente noget udefra");
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                checkElement(child);
            }
        }
    }

    /** CSS or attribute values that load something: url() other than a fragment, @import, javascript:. */
    private static boolean refersOutside(String value) {
        return value.contains("javascript:") || value.contains("@import")
                || value.replace(" ", "").matches("(?s).*url\\((?!['\"]?#).*");
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
