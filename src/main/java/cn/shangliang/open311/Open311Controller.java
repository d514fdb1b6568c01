package cn.shangliang.open311;

import cn.shangliang.intake.Channel;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.intake.TrackingCodes;
import cn.shangliang.open311.GeoReport.Attribute;
import cn.shangliang.open311.GeoReport.Created;
import cn.shangliang.open311.GeoReport.CreatedRequests;
import cn.shangliang.open311.GeoReport.Request;
import cn.shangliang.open311.GeoReport.RequestForm;
import cn.shangliang.open311.GeoReport.Requests;
import cn.shangliang.open311.GeoReport.Service;
import cn.shangliang.open311.GeoReport.ServiceDefinition;
import cn.shangliang.open311.GeoReport.Services;
import cn.shangliang.organisation.Departments;
import cn.shangliang.privacy.Masking;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.NotFoundException;
import cn.shangliang.system.PublicRateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (API.md): services = our categories, a request = a demand followed by its tracking
 * code. {@code status} is open or closed, {@code expected_datetime} the routed deadline,
 * {@code agency_responsible} the lead department's name. No personal data; errors in the spec's form.
 * Every resource in both of the specification's formats: {@code .xml} (its base format) beside {@code .json},
 * the same document under the specification's element names.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {
  static final int MAX_REQUESTS = 1000;
  private static final String LIST = "按 service_request_id（逗号分隔的诉求编号），或按 service_code、status（open/closed）、"
      + "start_date、end_date（W3C 时间，如 2026-11-23T10:00:00+08:00）；默认最近90天，最多1000件，不含个人信息";
  /** Reads the form's first values into {@link RequestForm} (unknown fields ignored, as before). */
  private static final ObjectMapper FORM = new ObjectMapper();

  private final DemandQueries demands;
  private final RulesService rules;
  private final Clock clock;
  private final ApiKeys keys;
  private final IntakeService intake;
  private final PublicRateLimiter limiter;
  private final int writesPerMinute;

  Open311Controller(DemandQueries demands, RulesService rules, Clock clock, ApiKeys keys, IntakeService intake,
      PublicRateLimiter limiter, @Value("${shangliang.open311.writes-per-minute:120}") int writesPerMinute) {
    this.keys = keys;
    this.intake = intake;
    this.limiter = limiter;
    this.writesPerMinute = writesPerMinute;
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/services.json")
  @Operation(summary = "服务列表（JSON）：每个诉求类别一项服务")
  @ApiResponse(responseCode = "200", description = "服务列表",
      content = @Content(mediaType = Open311Docs.JSON, array = @ArraySchema(schema = @Schema(implementation = Service.class))))
  List<Service> services() {
    return Arrays.stream(Category.values()).map(c -> new Service(c.name(), c.label(), "群众诉求：" + c.label(), true, "realtime",
        c.label(), "有事好商量")).toList();
  }

  @GetMapping("/services.xml")
  @Operation(summary = "服务列表（XML）：<services><service>…")
  @ApiResponse(responseCode = "200", description = "服务列表",
      content = @Content(mediaType = Open311Docs.XML, schema = @Schema(implementation = Services.class)))
  ResponseEntity<Services> servicesXml() {
    return Open311Xml.ok(new Services(services()));
  }

  @GetMapping("/services/{code}.json")
  @Operation(summary = "服务定义（JSON）：提交时要填的属性（乡镇、村、涉及范围、紧急程度、标题）")
  @ApiResponse(responseCode = "200", description = "服务定义",
      content = @Content(mediaType = Open311Docs.JSON, schema = @Schema(implementation = ServiceDefinition.class)))
  @Open311Docs.NotFoundJson
  ServiceDefinition service(@PathVariable String code) {
    Category category = category(code, 404);
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute(true, "township", "string", true, "乡镇（街道）名称", 1, "诉求所在的乡镇或街道", null));
    attributes.add(new Attribute(true, "village", "string", true, "村（社区）名称", 2, "诉求所在的村或社区", null));
    attributes.add(new Attribute(true, "scope", "singlevaluelist", false, "默认 VILLAGE", 3, "涉及范围",
        Arrays.stream(Scope.values()).map(s -> new GeoReport.Value(s.name(), s.label())).toList()));
    attributes.add(new Attribute(true, "urgency", "singlevaluelist", false, "默认 NORMAL", 4, "紧急程度",
        Arrays.stream(Urgency.values()).map(u -> new GeoReport.Value(u.name(), u.label())).toList()));
    attributes.add(new Attribute(true, "title", "string", false, "不超过200字，默认取描述开头", 5, "诉求标题", null));
    return new ServiceDefinition(category.name(), attributes);
  }

  @GetMapping("/services/{code}.xml")
  @Operation(summary = "服务定义（XML）：<service_definition>…<attributes><attribute>…")
  @ApiResponse(responseCode = "200", description = "服务定义",
      content = @Content(mediaType = Open311Docs.XML, schema = @Schema(implementation = ServiceDefinition.class)))
  @Open311Docs.NotFoundXml
  ResponseEntity<ServiceDefinition> serviceXml(@PathVariable String code) {
    return Open311Xml.ok(service(code));
  }

  /**
   * Create a service request (GeoReport v2, form-encoded): {@code api_key}, {@code service_code}, a location
   * ({@code lat} + {@code long}, {@code address_string} or {@code address_id}), {@code description}, the
   * attributes of the service definition as {@code attribute[township]} etc., and optionally the person
   * ({@code first_name}, {@code last_name}, {@code phone}). Goes through the same intake as every channel
   * (channel OPEN311); a repeated {@code Idempotency-Key} header returns the first request.
   */
  @PostMapping(value = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "提交诉求（JSON 回答）：表单编码，需 api_key；与其他渠道同一受理流程")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      schema = @Schema(implementation = RequestForm.class)))
  @ApiResponse(responseCode = "200", description = "已受理：诉求编号与办理提示",
      content = @Content(mediaType = Open311Docs.JSON, array = @ArraySchema(schema = @Schema(implementation = Created.class))))
  @Open311Docs.BadRequestJson
  @Open311Docs.ForbiddenJson
  @Open311Docs.NotFormJson
  @Open311Docs.TooManyJson
  List<Created> create(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
      @Parameter(description = "重试时带同一个值，只受理一次") @RequestHeader(name = "Idempotency-Key", required = false)
      String idempotencyKey) {
    RequestForm fields = FORM.convertValue(form.toSingleValueMap(), RequestForm.class);
    ApiKey key = keys.check(fields.apiKey()).orElseThrow(() -> new Open311Exception(403, "api_key is missing or not valid"));
    limiter.consume("open311-key:" + key.getId(), writesPerMinute);
    DemandRequest request = demandRequest(fields);
    try {
      intake.validate(request);
    } catch (InvalidRequestException e) {
      throw new Open311Exception(400, String.join("; ", e.errors().stream().map(f -> f.field() + ": " + f.message()).toList()));
    }
    var submitted = intake.submit(request, idempotencyKey == null ? null : "open311:" + key.getId() + ":" + idempotencyKey,
        "open311:" + key.getName());
    Request created = request(submitted.demand());
    return List.of(new Created(created.serviceRequestId(), withAccessCode(created.serviceNotice(), submitted.accessCode()), null));
  }

  /**
   * The access code reaches an Open311 client once, in the notice of its first answer, for the client to pass on
   * to the submitter (GeoReport v2 has no field of its own for it); a repeated request does not see it again.
   */
  private static String withAccessCode(String notice, String accessCode) {
    if (accessCode == null) return notice;
    String code = "查询码 " + accessCode + "（请转告诉求人本人，评价办理结果时需要）";
    return notice == null || notice.isBlank() ? code : notice + "；" + code;
  }

  @PostMapping(value = "/requests.xml", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "提交诉求（XML 回答）：表单编码，需 api_key；与其他渠道同一受理流程")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      schema = @Schema(implementation = RequestForm.class)))
  @ApiResponse(responseCode = "200", description = "已受理：<service_requests><request>，诉求编号与办理提示",
      content = @Content(mediaType = Open311Docs.XML, schema = @Schema(implementation = CreatedRequests.class)))
  @Open311Docs.BadRequestXml
  @Open311Docs.ForbiddenXml
  @Open311Docs.NotFormXml
  @Open311Docs.TooManyXml
  ResponseEntity<CreatedRequests> createXml(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
      @Parameter(description = "重试时带同一个值，只受理一次") @RequestHeader(name = "Idempotency-Key", required = false)
      String idempotencyKey) {
    return Open311Xml.ok(new CreatedRequests(create(form, idempotencyKey)));
  }

  /** The form of a POST request as the intake's request; refused (400) field by field in the specification's terms. */
  private static DemandRequest demandRequest(RequestForm form) {
    if (form.serviceCode() == null || form.serviceCode().isBlank()) throw new Open311Exception(400, "service_code is required");
    Category category = category(form.serviceCode().strip(), 400);
    Double lat = number(form.lat(), "lat", -90, 90);
    Double lng = number(form.lng(), "long", -180, 180);
    String address = text(form.addressString(), 500);
    String addressId = text(form.addressId(), 100);
    if ((lat == null) != (lng == null)) throw new Open311Exception(400, "lat and long go together");
    if (lat == null && address == null && addressId == null) {
      throw new Open311Exception(400, "a location is required: lat and long, address_string or address_id");
    }
    String description = text(form.description(), 4000);
    if (description == null) throw new Open311Exception(400, "description is required");
    String township = text(form.township(), 100);
    String village = text(form.village(), 100);
    if (township == null) throw new Open311Exception(400, "attribute[township] is required");
    if (village == null) throw new Open311Exception(400, "attribute[village] is required");
    Scope scope = choice(Scope.class, form.scope(), "attribute[scope]", Scope.VILLAGE);
    Urgency urgency = choice(Urgency.class, form.urgency(), "attribute[urgency]", Urgency.NORMAL);
    String title = text(form.title(), 200);
    if (title == null) title = untitled(category, township, village);
    String fullDescription = address == null ? description : description + "\n地点：" + address;
    return new DemandRequest(title, fullDescription, category, scope, urgency, Channel.OPEN311, township, village,
        submitter(form), false, false, null, 1, List.of(), 0, null, lat, lng, null, null);
  }

  /**
   * The title of a request sent without one (GeoReport v2 has no title): what and where, in words, so that lists
   * do not show the start of the description twice, once as title and once as description.
   */
  static String untitled(Category category, String township, String village) {
    String title = category.label() + "诉求（" + township + village + "）";
    return title.length() > 200 ? title.substring(0, 200) : title;
  }

  /** Whether the title adds nothing to the description: made up for a request without one, or its first words. */
  private static boolean untitled(Demand d) {
    String title = d.getTitle();
    String start = title.endsWith("…") ? title.substring(0, title.length() - 1) : title;
    return title.equals(untitled(d.getCategory(), d.getTownship(), d.getVillage())) || d.getDescription().startsWith(start);
  }

  /** The person, if the client named one: family name first, as Chinese names are written. */
  private static DemandRequest.Submitter submitter(RequestForm form) {
    String last = text(form.lastName(), 50);
    String first = text(form.firstName(), 50);
    String name = (last == null ? "" : last) + (first == null ? "" : first);
    String phone = text(form.phone(), 30);
    return name.isEmpty() && phone == null ? null : new DemandRequest.Submitter(name.isEmpty() ? null : name, phone);
  }

  private static String text(String value, int max) {
    if (value == null || value.isBlank()) return null;
    String text = value.strip();
    if (text.length() > max) throw new Open311Exception(400, "a value is longer than " + max + " characters");
    return text;
  }

  private static Double number(String value, String name, double min, double max) {
    if (value == null || value.isBlank()) return null;
    try {
      double number = Double.parseDouble(value.strip());
      if (Double.isNaN(number) || number < min || number > max) throw new NumberFormatException();
      return number;
    } catch (NumberFormatException e) {
      throw new Open311Exception(400, name + " must be a number from " + (int) min + " to " + (int) max);
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String name, E otherwise) {
    if (value == null || value.isBlank()) return otherwise;
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new Open311Exception(400, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  @GetMapping("/requests/{id}.json")
  @Operation(summary = "查询一件诉求（JSON）：按诉求编号，回答只含一项的数组，不含个人信息")
  @ApiResponse(responseCode = "200", description = "这件诉求",
      content = @Content(mediaType = Open311Docs.JSON, array = @ArraySchema(schema = @Schema(implementation = Request.class))))
  @Open311Docs.NotFoundJson
  List<Request> request(@PathVariable String id) {
    if (!TrackingCodes.isTrackingCode(id)) throw new Open311Exception(404, "service_request_id not found: " + id);
    try {
      return List.of(request(demands.find(id)));
    } catch (NotFoundException e) {
      throw new Open311Exception(404, "service_request_id not found: " + id);
    }
  }

  @GetMapping("/requests/{id}.xml")
  @Operation(summary = "查询一件诉求（XML）：<service_requests><request>…，不含个人信息")
  @ApiResponse(responseCode = "200", description = "这件诉求",
      content = @Content(mediaType = Open311Docs.XML, schema = @Schema(implementation = Requests.class)))
  @Open311Docs.NotFoundXml
  ResponseEntity<Requests> requestXml(@PathVariable String id) {
    return Open311Xml.ok(new Requests(request(id)));
  }

  @GetMapping("/requests.json")
  @Operation(summary = "查询诉求（JSON）", description = LIST)
  @ApiResponse(responseCode = "200", description = "符合条件的诉求",
      content = @Content(mediaType = Open311Docs.JSON, array = @ArraySchema(schema = @Schema(implementation = Request.class))))
  @Open311Docs.BadRequestJson
  List<Request> requests(@RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCode,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(required = false) String status) {
    Category category = serviceCode == null || serviceCode.isBlank() ? null : category(serviceCode, 400);
    if (status != null && !status.isBlank() && !List.of("open", "closed").contains(status.toLowerCase(Locale.ROOT))) {
      throw new Open311Exception(400, "status must be open or closed");
    }
    Instant to = endDate == null ? clock.instant().plusSeconds(1) : time(endDate, "end_date");
    Instant from = startDate == null ? to.minus(Duration.ofDays(90)) : time(startDate, "start_date");
    if (from.isAfter(to)) throw new Open311Exception(400, "start_date is after end_date");
    List<String> codes = ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(String::strip).toList();
    List<Demand> found = demands.search(codes, category, from, to, MAX_REQUESTS);
    Map<Long, RouteResult> routes = demands.latestRoutes(found); // one statement, not one per request
    return found.stream().map(d -> request(d, routes.get(d.getId())))
        .filter(r -> status == null || status.isBlank() || r.status().equalsIgnoreCase(status)).toList();
  }

  @GetMapping("/requests.xml")
  @Operation(summary = "查询诉求（XML）：<service_requests><request>…", description = LIST)
  @ApiResponse(responseCode = "200", description = "符合条件的诉求",
      content = @Content(mediaType = Open311Docs.XML, schema = @Schema(implementation = Requests.class)))
  @Open311Docs.BadRequestXml
  ResponseEntity<Requests> requestsXml(@RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCode,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(required = false) String status) {
    return Open311Xml.ok(new Requests(requests(ids, serviceCode, startDate, endDate, status)));
  }

  Request request(Demand d) {
    return request(d, demands.route(d).orElse(null));
  }

  private Request request(Demand d, RouteResult route) {
    String agency = route == null || route.leadDepartment() == null ? null
        : rules.current().data(Departments.class).name(route.leadDepartment()).orElse(route.leadDepartment());
    String notice = route == null ? "研判中" : route.route().label() + (route.deadline() == null ? "" : "，办理时限 "
        + ChinaTime.text(route.deadline()));
    String description = Masking.freeText(untitled(d) ? d.getDescription() : d.getTitle() + "：" + d.getDescription(),
        d.getSubmitterName());
    if (description.length() > 4000) description = description.substring(0, 4000);
    return new Request(d.getTrackingCode(), d.getStatus() == DemandStatus.CLOSED ? "closed" : "open", d.getStatus().label(),
        d.getCategory().label(), d.getCategory().name(), description, agency, notice, at(d.getCreatedAt()), at(d.getUpdatedAt()),
        route == null ? null : route.deadline(), d.getTownship() + " " + d.getVillage(), null, null, d.getLatitude(),
        d.getLongitude(), null);
  }

  private static Category category(String code, int status) {
    try {
      return Category.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new Open311Exception(status, "unknown service_code: " + code);
    }
  }

  private static Instant time(String text, String name) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new Open311Exception(400, name + " must be a W3C date-time such as 2026-11-23T10:00:00+08:00");
    }
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }
}
