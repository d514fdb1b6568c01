package cn.shangliang.open311;

import cn.shangliang.system.ErrorDialect.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The error answer of everything under {@code /open311/}, in the format its path asks for: {@code <errors>}
 * after a {@code .xml} path, the JSON array {@code [{"code", "description"}]} otherwise. Shared by Open311's
 * own handler and the application's error pages (through {@link GeoReportErrorDialect}), so that a refusal by Spring or Tomcat before our
 * controller runs (a wrong content type, an unknown path) reads like ours.
 */
public final class GeoReportErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final XmlMapper XML = Open311Xml.replacingInvalidCharacters(
      XmlMapper.builder().enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).build());

  private GeoReportErrors() {}

  public static boolean isOpen311(String path) {
    return path != null && path.startsWith("/open311/");
  }

  static boolean isXml(String path) {
    return path != null && path.endsWith(".xml");
  }

  public static ResponseEntity<Object> response(String path, int status, String description) {
    GeoReport.ErrorItem error = new GeoReport.ErrorItem(status, description);
    if (isXml(path)) return ResponseEntity.status(status).contentType(Open311Xml.TEXT_XML).body(new GeoReport.Errors(List.of(error)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(List.of(error));
  }

  public static Text text(String path, int status, String description) {
    GeoReport.ErrorItem error = new GeoReport.ErrorItem(status, description);
    try {
      return isXml(path) ? new Text(Open311Xml.TEXT_XML.toString(), XML.writeValueAsString(new GeoReport.Errors(List.of(error))))
          : new Text(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8", JSON.writeValueAsString(List.of(error)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error of two fields cannot be written", e);
    }
  }
}
