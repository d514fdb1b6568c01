package cn.shangliang.system;

import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;

/**
 * An error format other than problem JSON that the clients of some paths expect (Open311's GeoReport errors).
 * A module that serves such clients provides one as a bean; the error handler, the error page and Tomcat's
 * error valve answer in it wherever it {@link #speaks} the path, without knowing the module.
 */
public interface ErrorDialect {
  /** A body and its content type, for Tomcat's error page, which runs outside Spring MVC. */
  record Text(String contentType, String body) {}

  boolean speaks(String path);

  ResponseEntity<Object> response(String path, int status, String description);

  Text text(String path, int status, String description);

  /** The dialect the clients of this path expect, if any. */
  static Optional<ErrorDialect> at(List<ErrorDialect> dialects, String path) {
    return path == null ? Optional.empty() : dialects.stream().filter(d -> d.speaks(path)).findFirst();
  }
}
