package cn.shangliang.sla;

import cn.shangliang.system.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
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
      for (List<Object> row : rows) printer.printRecord(row.stream().map(Csv::cell).toList());
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

  /** A moment in a cell reads as people write it (2026-12-10 20:04), never as ISO text. */
  private static Object cell(Object value) {
    if (value instanceof Instant instant) return ChinaTime.text(instant);
    if (value instanceof OffsetDateTime moment) return ChinaTime.text(moment);
    return value;
  }

  public static Object orEmpty(Object value) {
    return value == null ? "" : value;
  }
}
