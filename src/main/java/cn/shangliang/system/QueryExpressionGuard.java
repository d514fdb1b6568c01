package cn.shangliang.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes CVE-2026-109432: a task query sent by a client (ad hoc, in {@code orQueries}, or as the
 * extending query of a stored filter) must never carry an expression for the engine to evaluate.
 * Every query request to Camunda's REST API and the webapps' API is refused (400) when any parameter,
 * JSON value or key holds {@code ${…}} or {@code #{…}}, after all decoding (URL and JSON escapes).
 * The engine's own setting {@code enable-expressions-in-adhoc-queries: false} stays on as a second wall;
 * stored filters (created by administrators only) keep their expressions.
 */
class QueryExpressionGuard extends OncePerRequestFilter {
  /** Task queries, historic task queries and filter executions, on /engine-rest and the webapps' API. */
  private static final Pattern QUERY_PATH = Pattern.compile(
      "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "/(task(/count)?|history/task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  private static final int MAX_BODY = 1 << 20;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !QUERY_PATH.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (hasExpression(parameter.getKey())) {
        refuse(response);
        return;
      }
      for (String value : parameter.getValue()) {
        if (hasExpression(value)) {
          refuse(response);
          return;
        }
      }
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (body.length > 0 && bodyHasExpression(body)) {
      refuse(response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private boolean bodyHasExpression(byte[] body) {
    String raw = new String(body, StandardCharsets.UTF_8);
    if (hasExpression(raw)) return true;
    try {
      return containsExpression(json.readTree(body));
    } catch (IOException notJson) {
      return false; // the raw text was checked; Camunda answers malformed JSON itself
    }
  }

  private static boolean containsExpression(JsonNode node) {
    if (node == null) return false;
    if (node.isTextual()) return hasExpression(node.textValue());
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (hasExpression(field.getKey()) || containsExpression(field.getValue())) return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpression(element)) return true;
      }
    }
    return false;
  }

  static boolean hasExpression(String text) {
    return text != null && EXPRESSION.matcher(text).find();
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"InvalidRequestException\","
        + "\"message\":\"Expressions are not allowed in queries sent by clients (查询条件中不允许使用表达式)\"}");
  }

  /** The request with its body already read, served again to Camunda. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
