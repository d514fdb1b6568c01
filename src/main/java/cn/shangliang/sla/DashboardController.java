package cn.shangliang.sla;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' dashboard (API.md "Pages"): a static page that reads /api/sla/*. */
@Controller
class DashboardController {
  @GetMapping("/dashboard")
  String dashboard() {
    return "forward:/dashboard/index.html";
  }
}
