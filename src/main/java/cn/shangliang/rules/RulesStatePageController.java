package cn.shangliang.rules;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rules state page (issue #21): the rules in force and the last refused change, for process designers and
 * administrators, from GET /api/admin/rules.
 */
@Controller
class RulesStatePageController {
  @GetMapping("/rules-state")
  String page() {
    return "forward:/rules-state/index.html";
  }
}
