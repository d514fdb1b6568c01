package cn.shangliang.sla;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV downloads that Excel opens with Chinese intact: UTF-8 with a byte-order mark. */
public final class Csv {
  private Csv() {}

  public static ResponseEntity<byte[]> download(String fileName, List<String> header, List<List<Object>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      writer.write('\ufeff'); // before the header, which the printer writes at once
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
      for (List<Object> row : rows) printer.printRecord(row);
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export.csv\"; filename*=UTF-8''" + encoded)
        .body(bytes.toByteArray());
  }

  public static Object orEmpty(Object value) {
    return value == null ? "" : value;
  }
}
