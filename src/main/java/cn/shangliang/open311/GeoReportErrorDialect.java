package cn.shangliang.open311;

import cn.shangliang.system.ErrorDialect;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Errors under {@code /open311/} read like Open311's own, even when Spring or Tomcat refuses before us. */
@Component
class GeoReportErrorDialect implements ErrorDialect {
  @Override
  public boolean speaks(String path) {
    return GeoReportErrors.isOpen311(path);
  }

  @Override
  public ResponseEntity<Object> response(String path, int status, String description) {
    return GeoReportErrors.response(path, status, description);
  }

  @Override
  public Text text(String path, int status, String description) {
    return GeoReportErrors.text(path, status, description);
  }
}
