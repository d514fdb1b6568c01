package cn.shangliang.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;

/** Reads a YAML rule-data file strictly (unknown keys and missing numbers refused), naming the file in every error. */
public final class RuleFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private RuleFiles() {}

  public static <T> T yaml(Map<String, byte[]> files, String path, Class<T> type) {
    byte[] content = files.get(path);
    if (content == null) throw new IllegalArgumentException(path + ": file is missing");
    try {
      T value = YAML.readValue(content, type);
      if (value == null) throw new IllegalArgumentException(path + ": file is empty");
      return value;
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(path + ": " + message, e);
    }
  }
}
