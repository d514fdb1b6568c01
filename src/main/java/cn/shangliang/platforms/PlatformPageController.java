package cn.shangliang.platforms;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The platforms page (staff): a static page that reads and writes /api/platforms. */
@Controller
class PlatformPageController {
  @GetMapping("/platforms")
  String page() {
    return "forward:/platforms/index.html";
  }
}
