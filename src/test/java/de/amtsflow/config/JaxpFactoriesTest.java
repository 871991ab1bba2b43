package de.amtsflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;

/**
 * The pinned factories are the ones the class path search finds: pinning changes how fast they are
 * found, never which. Fails when a dependency starts registering a provider of its own.
 */
class JaxpFactoriesTest {

  @Test
  @SuppressWarnings("deprecation") // XMLReaderFactory: openhtmltopdf still asks it
  void pinsWhatTheServiceLookupFinds() throws Exception {
    // this JVM never ran AmtsflowApplication.main: nothing is pinned, the lookup searches
    assertThat(JaxpFactories.IMPLEMENTATIONS.keySet())
        .allSatisfy(property -> assertThat(System.getProperty(property)).isNull());
    Map<String, String> found = new LinkedHashMap<>();
    found.put(
        "javax.xml.transform.TransformerFactory",
        TransformerFactory.newInstance().getClass().getName());
    found.put(
        "javax.xml.parsers.DocumentBuilderFactory",
        DocumentBuilderFactory.newInstance().getClass().getName());
    found.put(
        "javax.xml.parsers.SAXParserFactory", SAXParserFactory.newInstance().getClass().getName());
    found.put(
        "javax.xml.stream.XMLInputFactory", XMLInputFactory.newFactory().getClass().getName());
    found.put(
        "javax.xml.stream.XMLOutputFactory", XMLOutputFactory.newFactory().getClass().getName());
    found.put(
        "javax.xml.stream.XMLEventFactory", XMLEventFactory.newFactory().getClass().getName());
    found.put(
        "javax.xml.datatype.DatatypeFactory", DatatypeFactory.newInstance().getClass().getName());
    found.put(
        "javax.xml.validation.SchemaFactory:" + XMLConstants.W3C_XML_SCHEMA_NS_URI,
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).getClass().getName());
    found.put(
        "javax.xml.xpath.XPathFactory:" + XPathFactory.DEFAULT_OBJECT_MODEL_URI,
        XPathFactory.newInstance().getClass().getName());
    found.put(
        "org.xml.sax.driver",
        org.xml.sax.helpers.XMLReaderFactory.createXMLReader().getClass().getName());

    assertThat(JaxpFactories.IMPLEMENTATIONS).containsExactlyEntriesOf(found);
  }
}
