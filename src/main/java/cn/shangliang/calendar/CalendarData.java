package cn.shangliang.calendar;

import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleData;
import cn.shangliang.system.ChinaTime;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code rules/calendar/}: one {@code <year>.yaml} per year (holidays and make-up working days of the
 * State Council's notice), {@code statutory-holidays.yaml} (the law, for years without a notice) and
 * {@code office-hours.yaml} (time zone, close of business).
 */
@Component
public class CalendarData implements RuleData<WorkingCalendar> {
  private static final Logger log = LoggerFactory.getLogger(CalendarData.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static final String STATUTORY_HOLIDAYS = "calendar/statutory-holidays\\.ya?ml";

  record Holiday(String name, LocalDate from, LocalDate to) {}

  record MakeUpDay(LocalDate date, String note) {}

  record YearFile(int year, String source, List<Holiday> holidays, List<MakeUpDay> makeUpWorkdays) {}

  record OfficeHours(String zone, String closeOfBusiness) {}

  @Override
  public Class<WorkingCalendar> type() {
    return WorkingCalendar.class;
  }

  @Override
  public boolean accepts(String path) {
    return path.startsWith("calendar/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
  }

  @Override
  public WorkingCalendar parse(Map<String, byte[]> files, RuleBase.Partial partial) {
    ZoneId zone = ChinaTime.ZONE;
    LocalTime close = LocalTime.of(17, 30);
    Map<Integer, CalendarYear> years = new HashMap<>();
    StatutoryHolidays law = null;
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      try {
        if (path.matches("calendar/office-hours\\.ya?ml")) {
          OfficeHours hours = YAML.readValue(file.getValue(), OfficeHours.class);
          zone = ZoneId.of(hours.zone());
          close = LocalTime.parse(hours.closeOfBusiness());
          continue;
        }
        if (path.matches(STATUTORY_HOLIDAYS)) {
          law = YAML.readValue(file.getValue(), StatutoryHolidays.class);
          continue;
        }
        YearFile year = YAML.readValue(file.getValue(), YearFile.class);
        if (!path.matches("calendar/" + year.year() + "\\.ya?ml")) {
          throw new IllegalArgumentException("the file of year " + year.year() + " must be named calendar/" + year.year() + ".yaml");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (Holiday holiday : year.holidays() == null ? List.<Holiday>of() : year.holidays()) {
          if (holiday.to().isBefore(holiday.from())) throw new IllegalArgumentException(holiday.name() + ": 'to' is before 'from'");
          for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) holidays.add(d);
        }
        Set<LocalDate> makeUp = new HashSet<>();
        for (MakeUpDay day : year.makeUpWorkdays() == null ? List.<MakeUpDay>of() : year.makeUpWorkdays()) makeUp.add(day.date());
        if (years.put(year.year(), CalendarYear.published(year.year(), year.source(), holidays, makeUp)) != null) {
          throw new IllegalArgumentException("year " + year.year() + " is defined twice");
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(path + ": " + rootMessage(e), e);
      }
    }
    if (law == null) throw new IllegalArgumentException("calendar/statutory-holidays.yaml is missing: years without a notice cannot be counted");
    StatutoryHolidays floor = law;
    return new WorkingCalendar(years, floor, zone, close, year -> warnMissing(year, floor));
  }

  private static void warnMissing(int year, StatutoryHolidays law) {
    if (law.appliesTo(year)) {
      log.warn("No holiday notice for {} in rules/calendar/: counting its statutory holidays by law, deadlines in {} are provisional", year, year);
    } else {
      log.warn("No calendar data for {} in rules/calendar/: counting Monday to Friday as working days", year);
    }
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }
}
