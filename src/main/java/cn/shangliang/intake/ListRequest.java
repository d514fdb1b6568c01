package cn.shangliang.intake;

import cn.shangliang.routing.Category;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.InvalidRequestException.FieldError;
import cn.shangliang.system.KeysetCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The parameters of {@code GET /api/demands}, checked all at once: every bad one is named in the 400. */
record ListRequest(String township, String village, DemandStatus status, Category category, Instant from, Instant to,
    KeysetCursor after, int limit) {
  static final int MAX_LIMIT = 200;

  static ListRequest of(String township, String village, String status, String category, String from, String to,
      String after, String limit) {
    List<FieldError> errors = new ArrayList<>();
    DemandStatus statusCode = code(DemandStatus.class, status, "status", "状态", errors);
    Category categoryCode = code(Category.class, category, "category", "类别", errors);
    Instant start = time(from, "from", "起始时间", errors);
    Instant end = time(to, "to", "截止时间", errors);
    if (start != null && end != null && !start.isBefore(end)) errors.add(new FieldError("to", "截止时间应晚于起始时间"));
    KeysetCursor cursor = blank(after) == null ? null : KeysetCursor.parse(after.strip()).orElse(null);
    if (blank(after) != null && cursor == null) errors.add(new FieldError("after", "翻页位置无效：请使用上一页应答中的 next"));
    int size = limit(limit, errors);
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return new ListRequest(blank(township), blank(village), statusCode, categoryCode, start, end, cursor, size);
  }

  DemandList.Filter filter(Set<String> departments) {
    return new DemandList.Filter(township, village, status, category, from, to, departments);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static <E extends Enum<E>> E code(Class<E> type, String text, String field, String name, List<FieldError> errors) {
    if (blank(text) == null) return null;
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, name + "代码无效：" + text.strip() + "，应为 "
          + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + " 之一"));
      return null;
    }
  }

  private static Instant time(String text, String field, String name, List<FieldError> errors) {
    if (blank(text) == null) return null;
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, name + "应为带时区的 ISO 时间，如 2026-11-23T10:00:00+08:00"));
      return null;
    }
  }

  private static int limit(String text, List<FieldError> errors) {
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) return limit;
    } catch (NumberFormatException e) {
      // answered below
    }
    errors.add(new FieldError("limit", "每页条数（limit）应为1到" + MAX_LIMIT + "的整数"));
    return 0;
  }
}
