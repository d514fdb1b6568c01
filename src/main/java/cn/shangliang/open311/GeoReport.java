package cn.shangliang.open311;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The documents of Open311 GeoReport v2 and Service Discovery, one record per document for both formats:
 * JSON reads the field names, XML also the element names of the specification (the XML annotations are
 * ignored by JSON). A JSON array at the top is an XML root element with one child per item
 * ({@code [{…}]} = {@code <services><service>…}).
 */
final class GeoReport {
  private GeoReport() {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
      String description, boolean metadata, String type, String keywords, String group) {}

  @JacksonXmlRootElement(localName = "services")
  record Services(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service") List<Service> services) {}

  record Value(String key, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Attribute(boolean variable, String code, String datatype, boolean required,
      @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
      @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value") List<Value> values) {}

  @JacksonXmlRootElement(localName = "service_definition")
  record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
      @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute") List<Attribute> attributes) {}

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

  @JacksonXmlRootElement(localName = "service_requests")
  record Requests(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<Request> requests) {}

  /**
   * The form of POST requests (application/x-www-form-urlencoded): the specification's fields and the
   * attributes of our service definition as {@code attribute[code]}. Numbers stay text here: a malformed one
   * is refused in the specification's error form, not by the form reader.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RequestForm(
      @JsonProperty("api_key") @Schema(description = "管理员签发的 API 密钥", requiredMode = REQUIRED) String apiKey,
      @JsonProperty("service_code") @Schema(description = "服务代码（诉求类别，见服务列表）", requiredMode = REQUIRED, example = "SANITATION")
      String serviceCode,
      @Schema(description = "纬度（WGS-84），与 long 一起给出；地点三选一：lat+long、address_string、address_id", type = "number",
          example = "30.12") String lat,
      @JsonProperty("long") @Schema(description = "经度（WGS-84）", type = "number", example = "104.56") String lng,
      @JsonProperty("address_string") @Schema(description = "地点描述，不超过500字", example = "中峰镇同庆沟村村口") String addressString,
      @JsonProperty("address_id") @Schema(description = "地址编号，不超过100字") String addressId,
      @Schema(description = "诉求内容，不超过4000字", requiredMode = REQUIRED, example = "村口路灯不亮，夜间出行不便。") String description,
      @JsonProperty("attribute[township]") @Schema(description = "乡镇（街道）", requiredMode = REQUIRED, example = "中峰镇") String township,
      @JsonProperty("attribute[village]") @Schema(description = "村（社区）", requiredMode = REQUIRED, example = "同庆沟村") String village,
      @JsonProperty("attribute[scope]") @Schema(description = "涉及范围，默认 VILLAGE",
          allowableValues = {"HOUSEHOLD", "GROUP", "VILLAGE", "TOWNSHIP", "COUNTY", "CROSS_REGION"}) String scope,
      @JsonProperty("attribute[urgency]") @Schema(description = "紧急程度，默认 NORMAL", allowableValues = {"NORMAL", "URGENT", "EMERGENCY"})
      String urgency,
      @JsonProperty("attribute[title]") @Schema(description = "诉求标题，不超过200字，默认取内容开头") String title,
      @JsonProperty("first_name") @Schema(description = "名（只给工作人员看，公开时隐去）") String firstName,
      @JsonProperty("last_name") @Schema(description = "姓") String lastName,
      @Schema(description = "联系电话（只给工作人员看）") String phone) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Created(@JsonProperty("service_request_id") String serviceRequestId,
      @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {}

  /** POST requests' answer: the same root element as GET requests, with the short form of a request. */
  @JacksonXmlRootElement(localName = "service_requests")
  record CreatedRequests(
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<Created> requests) {}

  record ErrorItem(int code, String description) {}

  @JacksonXmlRootElement(localName = "errors")
  record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error") List<ErrorItem> errors) {}

  record Endpoint(String specification, String url, OffsetDateTime changeset, String type,
      @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format") List<String> formats) {}

  @JacksonXmlRootElement(localName = "discovery")
  record Discovery(OffsetDateTime changeset, String contact, @JsonProperty("key_service") String keyService,
      @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint") List<Endpoint> endpoints) {}
}
