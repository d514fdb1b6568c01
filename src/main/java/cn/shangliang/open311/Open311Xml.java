package cn.shangliang.open311;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * XML for Open311 and nowhere else. With jackson-dataformat-xml on the class path Spring MVC would offer
 * XML on every endpoint (a browser's Accept header prefers application/xml to the wildcard, so /api
 * would start answering XML). Instead the one XML converter writes only where a handler has set an XML
 * content type itself — Open311's .xml endpoints and their errors — and never takes part in content
 * negotiation or reads a body.
 */
@Configuration
class Open311Xml implements WebMvcConfigurer {
  /** GeoReport v2's XML content type (its Format Support section and Service Discovery's formats say text/xml). */
  static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

  private final XmlMapper mapper;

  Open311Xml(Jackson2ObjectMapperBuilder builder) {
    // the application's Jackson settings (dates as ISO text in China's time zone), so XML says what JSON says
    this.mapper = replacingInvalidCharacters(builder.createXmlMapper(true).build());
    mapper.enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION); // the specification asks for the declaration with UTF-8
  }

  /**
   * XML 1.0 cannot carry every character a client may send (a NUL in a description, found by FuzzTest): such
   * characters are written as U+FFFD instead of breaking the answer half-way.
   */
  static XmlMapper replacingInvalidCharacters(XmlMapper mapper) {
    mapper.getFactory().getXMLOutputFactory().setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
        new InvalidCharHandler.ReplacingHandler('\uFFFD'));
    return mapper;
  }

  static <T> ResponseEntity<T> ok(T document) {
    return ResponseEntity.ok().contentType(TEXT_XML).body(document);
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
    converters.add(new OnRequestOnly(mapper));
  }

  /** Writes XML when the handler chose XML (a content type set on the response); otherwise declines. */
  static final class OnRequestOnly extends MappingJackson2XmlHttpMessageConverter {
    OnRequestOnly(XmlMapper mapper) {
      super(mapper);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
      return mediaType != null && mediaType.isConcrete() && super.canWrite(clazz, mediaType);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
      return mediaType != null && mediaType.isConcrete() && super.canWrite(type, clazz, mediaType);
    }
  }
}
