package dev.convene.events.internal;

import dev.convene.events.EventResult.Reason;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeCom's flat XML ({@code <xml><Name>value</Name>…</xml>}) with the JDK's streaming parser, DTDs and
 * external entities off. A document that declares a DOCTYPE or refers to an entity is refused outright rather
 * than parsed without it: no vendor message has one, and every XXE attack needs one.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * The text of each child of the root element, by name (the first of a repeated name); deeper elements
     * are read as part of their parent's text.
     */
    static Map<String, String> fields(byte[] xml, int offset, int length) throws Refusal {
        Map<String, String> fields = new HashMap<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml, offset, length));
            int depth = 0;
            String name = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new Refusal(Reason.FORBIDDEN_XML, "XML with a DOCTYPE or entity references is refused (none of the vendors sends one; XXE attacks do)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 2) {
                            name = r.getLocalName();
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth >= 2) {
                            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2) {
                            fields.putIfAbsent(name, text.toString());
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions, the document's end
                    }
                }
            }
            return fields;
        } catch (XMLStreamException e) {
            throw new Refusal(Reason.MALFORMED, "the XML is not well-formed");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing was open beyond the byte array
                }
            }
        }
    }
}
