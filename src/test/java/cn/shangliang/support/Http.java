package cn.shangliang.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests that go through the real port, as the demo users of API.md. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Response(int status, String body, Map<String, String> headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final int port;
  private String user;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();

  public Http(int port) {
    this.port = port;
  }

  /** As a demo user (password = user id); null for anonymous. */
  public Http as(String user) {
    Http http = new Http(port);
    http.user = user;
    return http;
  }

  public Http header(String name, String value) {
    Http http = as(user);
    http.extraHeaders.putAll(extraHeaders);
    http.extraHeaders.put(name, value);
    return http;
  }

  /** The same client without one of the headers given through {@link #header}. */
  public Http without(String name) {
    Http http = as(user);
    http.extraHeaders.putAll(extraHeaders);
    http.extraHeaders.remove(name);
    return http;
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
  }

  public Response put(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").PUT(publisher(body)));
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  /** POSTs the text as it is, with the Content-Type given through {@link #header}. */
  public Response postRaw(String path, String body) {
    return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** PUTs the text as it is, with the Content-Type given through {@link #header}. */
  public Response putRaw(String path, String body) {
    return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public Response postForm(String path, String formEncoded) {
    return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formEncoded)));
  }

  private HttpRequest.BodyPublisher publisher(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json, */*;q=0.1");
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    extraHeaders.forEach(builder::setHeader);
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      return new Response(response.statusCode(), response.body(), headers);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
