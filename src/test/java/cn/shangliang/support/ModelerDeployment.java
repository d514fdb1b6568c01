package cn.shangliang.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Deploys as Camunda Modeler does: {@code POST /engine-rest/deployment/create}, multipart. */
public final class ModelerDeployment {
  private ModelerDeployment() {}

  /** A multipart deployment as Camunda Modeler sends it: a name, a source, and each file as a form part. */
  public static Http.Response deploy(Http as, String name, Map<String, String> files) {
    String boundary = "----designer" + System.nanoTime();
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("deployment-name", name);
    parts.put("deployment-source", "Camunda Modeler");
    StringBuilder body = new StringBuilder();
    parts.forEach((field, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(field).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((file, content) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(file).append("\"; filename=\"").append(file).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return as.header("Content-Type", "multipart/form-data; boundary=" + boundary).postRaw("/engine-rest/deployment/create", body.toString());
  }
}
