package cn.shangliang.scorecard;

import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period of the scorecard: a year (2026), a quarter (2026-Q3) or a month (2026-03), in China time. */
public record ScorePeriod(String label, LocalDate first, LocalDate end) {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2}))?");

  public static ScorePeriod parse(String text, Instant now) {
    if (text == null || text.isBlank()) text = String.valueOf(now.atZone(ChinaTime.ZONE).getYear());
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) throw invalid(text);
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2100) throw invalid(text);
    if (m.group(2) != null) {
      LocalDate first = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return new ScorePeriod(text.strip(), first, first.plusMonths(3));
    }
    if (m.group(3) != null) {
      int month = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12) throw invalid(text);
      YearMonth ym = YearMonth.of(year, month);
      return new ScorePeriod(text.strip(), ym.atDay(1), ym.plusMonths(1).atDay(1));
    }
    return new ScorePeriod(text.strip(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  public Instant from() {
    return first.atStartOfDay(ChinaTime.ZONE).toInstant();
  }

  public Instant to() {
    return end.atStartOfDay(ChinaTime.ZONE).toInstant();
  }

  private static InvalidRequestException invalid(String text) {
    return new InvalidRequestException(List.of(new InvalidRequestException.FieldError("period",
        "统计期应为年（2026）、季度（2026-Q3）或月份（2026-03），收到：" + text)));
  }
}
