package cn.shangliang.system;

import cn.shangliang.open311.GeoReportErrors;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page, for requests Tomcat refuses before any servlet sees them (a NUL byte or an
 * encoded slash in the path, a malformed request line): problem JSON (RFC 9457) instead of Tomcat's
 * HTML, and under {@code /open311/} the GeoReport errors (JSON, or XML after a .xml path). No server version, no stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
  private static final StringManager TOMCAT = StringManager.getManager("org.apache.catalina.valves");

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    String reason = TOMCAT.getString("http." + status + ".reason");
    String detail = status == 400 ? "请求无效（路径或请求格式不被接受）" : reason;
    String contentType = "application/problem+json";
    String body = "{\"type\":\"about:blank\",\"title\":\"" + json(reason) + "\",\"status\":" + status + ",\"detail\":\""
        + json(detail) + "\"}";
    if (GeoReportErrors.isOpen311(request.getRequestURI())) {
      GeoReportErrors.Text open311 = GeoReportErrors.text(request.getRequestURI(), status, detail);
      contentType = open311.contentType();
      body = open311.body();
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
