package cn.shangliang.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Open311 GeoReport v2 answers checked against the project's own schemas in {@code src/test/resources/open311/}
 * (JSON Schema and XSD, written from the published specification), and the XML form compared with the JSON
 * form of the same resource.
 */
public final class GeoReportDocuments {
  private static final String BASE = "https://shangliang.cn/schemas/open311/";
  private static final JsonSchemaFactory JSON_SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:open311/")));
  private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Schema> XSDS = new ConcurrentHashMap<>();

  private GeoReportDocuments() {}

  /** The JSON answer against {@code open311/<schema>} (e.g. {@code services.json}). */
  public static JsonNode assertValidJson(String schema, String body) {
    JsonNode json = readJson(body);
    Set<ValidationMessage> errors = JSON_SCHEMAS.getSchema(SchemaLocation.of(BASE + schema), FORMATS).validate(json);
    assertThat(errors).as(schema + " against " + body).isEmpty();
    return json;
  }

  /**
   * The XML answer against {@code open311/<xsd>}: an XML declaration with UTF-8 first (the specification asks for
   * it), the expected root element, valid; returns the document's root.
   */
  public static Element assertValidXml(String xsd, String root, Http.Response response) {
    assertThat(response.header("content-type")).as("content type").isEqualToIgnoringCase("text/xml;charset=UTF-8");
    String body = response.body();
    assertThat(body).as("XML declaration").startsWith("<?xml").containsPattern("^<\\?xml[^>]*encoding=['\"]UTF-8['\"]");
    Document document = parse(body);
    try {
      schema(xsd).newValidator().validate(new DOMSource(document));
    } catch (SAXException | IOException e) {
      throw new AssertionError(xsd + " against " + body + ": " + e.getMessage(), e);
    }
    assertThat(document.getDocumentElement().getTagName()).as("root element").isEqualTo(root);
    return document.getDocumentElement();
  }

  /** Is this an Open311 error answer, in the format its path asked for, with the response's status as its code? */
  public static boolean isError(String path, Http.Response response) {
    try {
      if (path.replaceFirst("\\?.*", "").endsWith(".xml")) {
        Element errors = assertValidXml("errors.xsd", "errors", response);
        return children(errors).size() == 1 && code(children(errors).get(0)) == response.status();
      }
      JsonNode errors = assertValidJson("errors.json", response.body());
      return errors.size() == 1 && errors.get(0).get("code").asInt() == response.status();
    } catch (AssertionError | RuntimeException notTheForm) {
      return false;
    }
  }

  /**
   * The XML form says what the JSON form says: a JSON array is an element with one child per item, an object an
   * element with one child per field (and no other), a value the element's text (null: empty).
   */
  public static void assertSameContent(JsonNode json, Element xml) {
    assertSameContent(json, xml, xml.getTagName());
  }

  private static void assertSameContent(JsonNode json, Element xml, String where) {
    List<Element> children = children(xml);
    if (json.isArray()) {
      assertThat(children).as(where + ": one element per item").hasSize(json.size());
      for (int i = 0; i < json.size(); i++) assertSameContent(json.get(i), children.get(i), where + "[" + i + "]");
    } else if (json.isObject()) {
      assertThat(children.stream().map(Element::getTagName).toList()).as(where + ": the JSON fields, no more")
          .containsExactlyInAnyOrderElementsOf((Iterable<String>) json::fieldNames);
      children.forEach(child -> assertSameContent(json.get(child.getTagName()), child, where + "." + child.getTagName()));
    } else {
      assertThat(children).as(where + ": a value").isEmpty();
      assertThat(xml.getTextContent()).as(where).isEqualTo(json.isNull() ? "" : json.asText());
    }
  }

  public static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) children.add(child);
    }
    return children;
  }

  private static int code(Element error) {
    return Integer.parseInt(error.getElementsByTagName("code").item(0).getTextContent());
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static Document parse(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not XML: " + body, e);
    }
  }

  private static Schema schema(String xsd) {
    return XSDS.computeIfAbsent(xsd, name -> {
      URL url = GeoReportDocuments.class.getResource("/open311/" + name);
      assertThat(url).as("open311/" + name + " on the test class path").isNotNull();
      try {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new StreamSource(url.toExternalForm())); // by URL, so that xs:include finds its neighbours
      } catch (SAXException e) {
        throw new IllegalStateException("open311/" + name + " is not a valid XML Schema", e);
      }
    });
  }
}
