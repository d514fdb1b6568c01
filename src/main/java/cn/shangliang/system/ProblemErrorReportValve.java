package cn.shangliang.system;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page, for requests Tomcat refuses before any servlet sees them (a NUL byte or an
 * encoded slash in the path, a malformed request line): problem JSON (RFC 9457) instead of Tomcat's
 * HTML, and where a path has its {@link ErrorDialect} that one (under {@code /open311/} the GeoReport errors, JSON, or
 * XML after a .xml path). No server version, no stack trace. PlatformConfiguration puts the instance into the host's
 * pipeline itself, so that it knows the dialects; Tomcat finds it there by its class name and makes no other.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
  private static final StringManager TOMCAT = StringManager.getManager("org.apache.catalina.valves");
  private final List<ErrorDialect> dialects;

  ProblemErrorReportValve(List<ErrorDialect> dialects) {
    this.dialects = List.copyOf(dialects);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    String reason = TOMCAT.getString("http." + status + ".reason");
    String detail = status == 400 ? "请求无效（路径或请求格式不被接受）" : reason;
    String contentType = "application/problem+json";
    String body = "{\"type\":\"about:blank\",\"title\":\"" + json(reason) + "\",\"status\":" + status + ",\"detail\":\""
        + json(detail) + "\"}";
    Optional<ErrorDialect> dialect = ErrorDialect.at(dialects, request.getRequestURI());
    if (dialect.isPresent()) {
      ErrorDialect.Text text = dialect.get().text(request.getRequestURI(), status, detail);
      contentType = text.contentType();
      body = text.body();
    }
    try {
      response.setContentType(contentType);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was taken: nothing more to say
    }
  }

  private static String json(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
