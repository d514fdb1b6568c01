package cn.shangliang.calendar;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The working calendar page (issue #20): next year's days off and make-up working days as deadlines count
 * them, for the liaison office and supervisors; the dashboard shows the same section.
 */
@Controller
class CalendarPageController {
  @GetMapping("/calendar")
  String page() {
    return "forward:/calendar/index.html";
  }
}
