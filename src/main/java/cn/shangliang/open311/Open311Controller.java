package cn.shangliang.open311;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.intake.TrackingCodes;
import cn.shangliang.publicity.Masking;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Departments;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.rules.RulesService;
import cn.shangliang.sla.WorkingCalendar;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (API.md): services = our categories, a request = a demand followed by its tracking
 * code. {@code status} is open or closed, {@code expected_datetime} the routed deadline,
 * {@code agency_responsible} the lead department's name. No personal data; errors in the spec's array form.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {
  static final int MAX_REQUESTS = 1000;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
      String description, boolean metadata, String type, String keywords, String group) {}

  record Value(String key, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Attribute(boolean variable, String code, String datatype, boolean required,
      @JsonProperty("datatype_description") String datatypeDescription, int order, String description, List<Value> values) {}

  record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
      @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
      @JsonProperty("service_code") String serviceCode, String description,
      @JsonProperty("agency_responsible") String agencyResponsible, @JsonProperty("service_notice") String serviceNotice,
      @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
      @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
      @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime, String address,
      @JsonProperty("address_id") String addressId, String zipcode, Double lat, @JsonProperty("long") Double lng,
      @JsonProperty("media_url") String mediaUrl) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Created(@JsonProperty("service_request_id") String serviceRequestId,
      @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {}

  private final DemandQueries demands;
  private final RulesService rules;
  private final Clock clock;
  private final ApiKeys keys;
  private final cn.shangliang.intake.IntakeService intake;
  private final cn.shangliang.system.PublicRateLimiter limiter;
  private final int writesPerMinute;

  Open311Controller(DemandQueries demands, RulesService rules, Clock clock, ApiKeys keys, cn.shangliang.intake.IntakeService intake,
      cn.shangliang.system.PublicRateLimiter limiter,
      @org.springframework.beans.factory.annotation.Value("${shangliang.open311.writes-per-minute:120}") int writesPerMinute) {
    this.keys = keys;
    this.intake = intake;
    this.limiter = limiter;
    this.writesPerMinute = writesPerMinute;
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/services.json")
  @Operation(summary = "Service list: one service per demand category")
  List<Service> services() {
    return Arrays.stream(Category.values()).map(c -> new Service(c.name(), c.label(), "群众诉求：" + c.label(), true, "realtime",
        c.label(), "有事好商量")).toList();
  }

  @GetMapping("/services/{code}.json")
  @Operation(summary = "Service definition: the fields our routing reads (scope, urgency, township, village)")
  ServiceDefinition service(@PathVariable String code) {
    Category category = category(code, 404);
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute(true, "township", "string", true, "乡镇（街道）名称", 1, "诉求所在的乡镇或街道", null));
    attributes.add(new Attribute(true, "village", "string", true, "村（社区）名称", 2, "诉求所在的村或社区", null));
    attributes.add(new Attribute(true, "scope", "singlevaluelist", false, "默认 VILLAGE", 3, "涉及范围",
        Arrays.stream(Scope.values()).map(s -> new Value(s.name(), s.label())).toList()));
    attributes.add(new Attribute(true, "urgency", "singlevaluelist", false, "默认 NORMAL", 4, "紧急程度",
        Arrays.stream(Urgency.values()).map(u -> new Value(u.name(), u.label())).toList()));
    attributes.add(new Attribute(true, "title", "string", false, "不超过200字，默认取描述开头", 5, "诉求标题", null));
    return new ServiceDefinition(category.name(), attributes);
  }

  /**
   * Create a service request (GeoReport v2, form-encoded): {@code api_key}, {@code service_code}, a location
   * ({@code lat} + {@code long}, {@code address_string} or {@code address_id}), {@code description}, the
   * attributes of the service definition as {@code attribute[township]} etc., and optionally the person
   * ({@code first_name}, {@code last_name}, {@code phone}, {@code email}). Goes through the same intake as
   * every channel (channel OPEN311); a repeated {@code Idempotency-Key} header returns the first request.
   */
  @org.springframework.web.bind.annotation.PostMapping(value = "/requests.json",
      consumes = org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Create a service request (form-encoded per GeoReport v2; requires api_key)")
  List<Created> create(@RequestParam org.springframework.util.MultiValueMap<String, String> form,
      @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      jakarta.servlet.http.HttpServletRequest http) {
    ApiKey key = keys.check(form.getFirst("api_key")).orElseThrow(() -> new Open311Exception(403, "api_key is missing or not valid"));
    limiter.consume("open311-key:" + key.getId(), writesPerMinute);
    String code = form.getFirst("service_code");
    if (code == null || code.isBlank()) throw new Open311Exception(400, "service_code is required");
    Category category = category(code.strip(), 400);
    Double lat = number(form.getFirst("lat"), "lat", -90, 90);
    Double lng = number(form.getFirst("long"), "long", -180, 180);
    String address = text(form.getFirst("address_string"), 500);
    String addressId = text(form.getFirst("address_id"), 100);
    if ((lat == null) != (lng == null)) throw new Open311Exception(400, "lat and long go together");
    if (lat == null && address == null && addressId == null) {
      throw new Open311Exception(400, "a location is required: lat and long, address_string or address_id");
    }
    String description = text(form.getFirst("description"), 4000);
    if (description == null) throw new Open311Exception(400, "description is required");
    String township = text(form.getFirst("attribute[township]"), 100);
    String village = text(form.getFirst("attribute[village]"), 100);
    if (township == null) throw new Open311Exception(400, "attribute[township] is required");
    if (village == null) throw new Open311Exception(400, "attribute[village] is required");
    Scope scope = choice(Scope.class, form.getFirst("attribute[scope]"), "attribute[scope]", Scope.VILLAGE);
    Urgency urgency = choice(Urgency.class, form.getFirst("attribute[urgency]"), "attribute[urgency]", Urgency.NORMAL);
    String title = text(form.getFirst("attribute[title]"), 200);
    if (title == null) title = description.length() > 40 ? description.substring(0, 40) + "…" : description;
    String name = ((text(form.getFirst("last_name"), 50) == null ? "" : form.getFirst("last_name").strip())
        + (text(form.getFirst("first_name"), 50) == null ? "" : form.getFirst("first_name").strip()));
    String phone = text(form.getFirst("phone"), 30);
    String fullDescription = address == null ? description : description + "\n地点：" + address;
    cn.shangliang.intake.DemandRequest request = new cn.shangliang.intake.DemandRequest(title, fullDescription, category, scope,
        urgency, cn.shangliang.intake.Channel.OPEN311, township, village,
        name.isEmpty() && phone == null ? null : new cn.shangliang.intake.DemandRequest.Submitter(name.isEmpty() ? null : name, phone),
        false, false, null, 1, List.of(), 0, null, lat, lng, null, null);
    try {
      intake.validate(request);
    } catch (cn.shangliang.system.InvalidRequestException e) {
      throw new Open311Exception(400, String.join("; ", e.errors().stream().map(f -> f.field() + ": " + f.message()).toList()));
    }
    var submitted = intake.submit(request, idempotencyKey == null ? null : "open311:" + key.getId() + ":" + idempotencyKey,
        "open311:" + key.getName());
    Request created = request(submitted.demand());
    return List.of(new Created(created.serviceRequestId(), created.serviceNotice(), null));
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
  @Operation(summary = "One service request (a demand by tracking code), as an array of one")
  List<Request> request(@PathVariable String id) {
    if (!TrackingCodes.isTrackingCode(id)) throw new Open311Exception(404, "service_request_id not found: " + id);
    try {
      return List.of(request(demands.find(id)));
    } catch (cn.shangliang.system.NotFoundException e) {
      throw new Open311Exception(404, "service_request_id not found: " + id);
    }
  }

  @GetMapping("/requests.json")
  @Operation(summary = "Service requests: by service_request_id (comma-separated), or service_code, status, start_date, end_date "
      + "(default the last 90 days, at most 1000)")
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
    return demands.search(codes, category, from, to, MAX_REQUESTS).stream().map(this::request)
        .filter(r -> status == null || status.isBlank() || r.status().equalsIgnoreCase(status)).toList();
  }

  Request request(Demand d) {
    RouteResult route = demands.route(d).orElse(null);
    String agency = route == null || route.leadDepartment() == null ? null
        : rules.current().data(Departments.class).name(route.leadDepartment()).orElse(route.leadDepartment());
    String notice = route == null ? "研判中" : route.route().label() + (route.deadline() == null ? "" : "，办理时限 "
        + route.deadline().toLocalDateTime().toString().replace('T', ' '));
    String description = Masking.freeText(d.getTitle() + "：" + d.getDescription(), d.getSubmitterName());
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
    return cn.shangliang.sla.WorkingCalendar.inChina(instant);
  }
}
