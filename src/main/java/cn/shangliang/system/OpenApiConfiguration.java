package cn.shangliang.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI: {@code /swagger-ui/index.html}): the
 * product, its error form, HTTP Basic as the security scheme. What each operation answers besides success is
 * added by {@link ErrorResponses} from the facts that produce those answers.
 */
@Configuration
class OpenApiConfiguration {
  static final String BASIC_AUTH = "basicAuth";
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String RULES_REFUSED = "RulesRefused";

  private static final String DESCRIPTION = """
      商量（有事好商量）协商议事平台的 HTTP 接口：群众诉求从各渠道进入，按规则分流为当场答复、部门限时答复或提案，\
      经“知事、明事、议事、决事、办事、公示”六步协商办理，全程按法定工作日计时并公示结果。

      **登录**：`/api/**` 需要 HTTP Basic（用户名和密码；点击 Authorize 输入），读取也可沿用 Tasklist 的登录会话，\
      写入沿用该会话时须在 `X-XSRF-TOKEN` 请求头带上本会话的 CSRF 令牌（网页从 `/login/token` 取得）。\
      `/api/public/**`（公众页面）和 `/open311/**`（Open311 GeoReport v2）无需登录；凭据错误时任何地址都答 401。\
      各操作需要的用户组写在其 403 答复的说明里。

      **错误**：`/api/**` 的每个 4xx/5xx 答复都是 `application/problem+json`（RFC 9457）：`type`、`title`、`status`、\
      `detail`（中文说明），校验失败时另有 `errors: [{field, message}]` 逐项列出。被拒绝的请求不写入任何数据。\
      未知的枚举值、缺少必填字段、类型错误、超长文本、JSON 格式错误：400；请求内容类型不对：415；未登录：401；\
      无权：403；编号不存在：404；与当前状态冲突（含他人刚修改了同一记录，可稍后重试，见 `Retry-After`）：409；\
      公众写操作超出频率限制：429（见 `Retry-After`）。Open311 的错误按其规范为 `[{"code": 400, "description": "…"}]`。

      时间为带时区偏移的 ISO-8601（Asia/Shanghai，`+08:00`），JSON 字段为 camelCase，枚举取值见各字段说明。""";

  @Bean
  OpenAPI shangliangOpenApi(ObjectProvider<BuildProperties> build) {
    // Maven writes the build's properties (spring-boot-maven-plugin's build-info); a run from an IDE may have none
    String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion).orElse("未知（非 Maven 构建）");
    return new OpenAPI()
        .info(new Info().title("Shangliang 商量 — 有事好商量 协商议事平台").version(version).description(DESCRIPTION))
        .components(new Components()
            .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("用户名和密码（演示环境：密码即用户名，如 clerk / clerk）"))
            .addSchemas(PROBLEM, problem())
            .addSchemas(FIELD_ERROR, new ObjectSchema().description("一个字段的问题")
                .addProperty("field", new StringSchema().description("字段名（嵌套字段用点号，如 submitter.phone）").example("title"))
                .addProperty("message", new StringSchema().description("中文说明").example("标题不能为空")))
            .addSchemas(RULES_REFUSED, rulesRefused()));
  }

  private static Schema<?> problem() {
    return new ObjectSchema().description("问题详情（RFC 9457）：/api 的每个错误答复")
        .addProperty("type", new StringSchema().format("uri")
            .description("问题类型：https://shangliang.cn/problems/ 下的 validation、malformed-json、not-found、conflict、"
                + "concurrent-change、gone、rate-limited、rules-refused、internal，或只看状态码时的 about:blank")
            .example("https://shangliang.cn/problems/validation"))
        .addProperty("title", new StringSchema().description("问题类型的简短标题").example("Invalid request"))
        .addProperty("status", new IntegerSchema().description("HTTP 状态码").example(400))
        .addProperty("detail", new StringSchema().description("本次问题的中文说明").example("title：标题不能为空"))
        .addProperty("instance", new StringSchema().format("uri-reference").description("出问题的请求路径"))
        .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FIELD_ERROR)).description("校验失败时：逐个字段的问题"));
  }

  private static Schema<?> rulesRefused() {
    return new ComposedSchema().addAllOfItem(new Schema<>().$ref(PROBLEM)).addAllOfItem(new ObjectSchema()
        .addProperty("messages", new ArraySchema().items(new StringSchema()).description("规则编译器的消息"))
        .addProperty("checksumInForce", new StringSchema().description("继续生效的规则的校验和")))
        .description("规则文件有误，未加载：现行规则继续生效");
  }

  @Bean
  OpenApiCustomizer errorResponses(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    return new ErrorResponses(mappings)::describe;
  }
}
