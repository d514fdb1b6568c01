package cn.shangliang.publicity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page (API.md "Pages"): {@code /public}, and {@code /public?code=SL-…} opens a demand directly. */
@Controller
class PublicPageController {
  @GetMapping("/public")
  String page() {
    return "forward:/public/index.html";
  }
}
