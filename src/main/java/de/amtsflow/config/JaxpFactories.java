package de.amtsflow.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the XML factory implementations the JDK would find anyway, as system properties, so that
 * {@code TransformerFactory.newInstance()} and its siblings stop searching the class path.
 *
 * <p>Without a property, each {@code newInstance()} asks the {@link java.util.ServiceLoader}, which
 * reads {@code META-INF/services} of every jar on the class path: in the packaged application, two
 * hundred nested jars, on every call. PDFBox's XMP serializer, openhtmltopdf and Mustang call them
 * for every letter and every invoice rendering; the profile of the throughput bench found 6 to 11 %
 * of all CPU time in that search (issue 15). The implementations named here are the ones the search
 * finds: Saxon for XSLT (its jar registers itself), the JDK's own for everything else (no jar
 * registers one). A property an operator set (e.g. with {@code -D}) is left as it is.
 */
public final class JaxpFactories {

  static final Map<String, String> IMPLEMENTATIONS = new LinkedHashMap<>();

  static {
    IMPLEMENTATIONS.put(
        "javax.xml.transform.TransformerFactory", "net.sf.saxon.TransformerFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.parsers.DocumentBuilderFactory",
        "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.parsers.SAXParserFactory",
        "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.stream.XMLEventFactory",
        "com.sun.xml.internal.stream.events.XMLEventFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.datatype.DatatypeFactory",
        "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    IMPLEMENTATIONS.put(
        "javax.xml.validation.SchemaFactory:http://www.w3.org/2001/XMLSchema",
        "com.sun.org.apache.xerces.internal.jaxp.validation.XMLSchemaFactory");
    IMPLEMENTATIONS.put(
        "javax.xml.xpath.XPathFactory:http://java.sun.com/jaxp/xpath/dom",
        "com.sun.org.apache.xpath.internal.jaxp.XPathFactoryImpl");
    IMPLEMENTATIONS.put(
        "org.xml.sax.driver", "com.sun.org.apache.xerces.internal.parsers.SAXParser");
  }

  private JaxpFactories() {}

  /** Sets each property that is not set yet; call before anything parses XML. */
  public static void pin() {
    IMPLEMENTATIONS.forEach(
        (property, implementation) -> {
          if (System.getProperty(property) == null) {
            System.setProperty(property, implementation);
          }
        });
  }
}
