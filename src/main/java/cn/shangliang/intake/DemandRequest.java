package cn.shangliang.intake;

import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /api/demands} and {@code POST /api/routing/preview} (API.md). */
public record DemandRequest(
    @NotBlank(message = "标题不能为空") @Size(max = 200, message = "标题不能超过200字") String title,
    @NotBlank(message = "诉求内容不能为空") @Size(max = 5000, message = "诉求内容不能超过5000字") String description,
    @NotNull(message = "请选择类别") Category category,
    @NotNull(message = "请选择涉及范围") Scope scope,
    @NotNull(message = "请选择紧急程度") Urgency urgency,
    @NotNull(message = "请选择来源渠道") Channel channel,
    @NotBlank(message = "乡镇（街道）不能为空") @Size(max = 100, message = "乡镇（街道）不能超过100字") String township,
    @NotBlank(message = "村（社区）不能为空") @Size(max = 100, message = "村（社区）不能超过100字") String village,
    @Valid Submitter submitter,
    Boolean answerableOnSite,
    Boolean needsPolicyChange,
    @PositiveOrZero(message = "预估费用不能为负数") @Digits(integer = 16, fraction = 2, message = "预估费用格式不正确") BigDecimal estimatedCostYuan,
    @Min(value = 1, message = "涉及部门数至少为1") @Max(value = 50, message = "涉及部门数不能超过50") Integer departmentsInvolved,
    @Size(max = 12, message = "协办单位不能超过12个") List<@NotBlank(message = "协办单位代码不能为空") String> coDepartments,
    @PositiveOrZero(message = "受影响人数不能为负数") @Max(value = 100_000_000, message = "受影响人数过大") Integer affectedPeople,
    @Size(max = 128, message = "externalId 不能超过128个字符") String externalId,
    @DecimalMin(value = "-90", message = "纬度应在-90到90之间") @DecimalMax(value = "90", message = "纬度应在-90到90之间") Double latitude,
    @DecimalMin(value = "-180", message = "经度应在-180到180之间") @DecimalMax(value = "180", message = "经度应在-180到180之间") Double longitude,
    @Size(max = 64, message = "收集委员不能超过64个字符") String collectingMember,
    @PositiveOrZero(message = "重复次数不能为负数") Integer repeatCount) {

  /** 诉求人. Personal data: shown to staff only, masked everywhere public. */
  public record Submitter(
      @Size(max = 100, message = "姓名不能超过100字") String name,
      @Pattern(regexp = "^[0-9+\\- ]{0,20}$", message = "电话只能包含数字、+、-和空格，最多20位") String phone) {}

  public boolean answerableOnSiteOrDefault() {
    return Boolean.TRUE.equals(answerableOnSite);
  }

  public boolean needsPolicyChangeOrDefault() {
    return Boolean.TRUE.equals(needsPolicyChange);
  }

  public int departmentsInvolvedOrDefault() {
    return departmentsInvolved == null ? 1 : departmentsInvolved;
  }

  public int affectedPeopleOrDefault() {
    return affectedPeople == null ? 0 : affectedPeople;
  }

  public List<String> coDepartmentsOrEmpty() {
    return coDepartments == null ? List.of() : coDepartments;
  }
}
