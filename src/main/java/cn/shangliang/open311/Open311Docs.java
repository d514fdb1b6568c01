package cn.shangliang.open311;

import cn.shangliang.open311.GeoReport.ErrorItem;
import cn.shangliang.open311.GeoReport.Errors;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers of Open311 in the OpenAPI description, one annotation per status and format, so that each
 * operation lists the statuses it really answers (springdoc reads an {@code @ApiResponse} on an annotation of the
 * method as on the method). JSON: the array {@code [{"code", "description"}]}; XML: {@code <errors><error>}.
 */
final class Open311Docs {
  static final String JSON = "application/json";
  static final String XML = "text/xml";

  private Open311Docs() {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "400", description = "参数无效，description 说明原因",
      content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ErrorItem.class))))
  @interface BadRequestJson {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "400", description = "参数无效，description 说明原因",
      content = @Content(mediaType = XML, schema = @Schema(implementation = Errors.class)))
  @interface BadRequestXml {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "403", description = "缺少 api_key，或密钥无效、已作废",
      content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ErrorItem.class))))
  @interface ForbiddenJson {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "403", description = "缺少 api_key，或密钥无效、已作废",
      content = @Content(mediaType = XML, schema = @Schema(implementation = Errors.class)))
  @interface ForbiddenXml {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "404", description = "没有这一项",
      content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ErrorItem.class))))
  @interface NotFoundJson {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "404", description = "没有这一项",
      content = @Content(mediaType = XML, schema = @Schema(implementation = Errors.class)))
  @interface NotFoundXml {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "415", description = "请求体不是 application/x-www-form-urlencoded",
      content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ErrorItem.class))))
  @interface NotFormJson {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "415", description = "请求体不是 application/x-www-form-urlencoded",
      content = @Content(mediaType = XML, schema = @Schema(implementation = Errors.class)))
  @interface NotFormXml {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "429", description = "该密钥提交过于频繁（默认每分钟120次），Retry-After 秒后再试",
      headers = @Header(name = "Retry-After", description = "秒", schema = @Schema(type = "integer")),
      content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ErrorItem.class))))
  @interface TooManyJson {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "429", description = "该密钥提交过于频繁（默认每分钟120次），Retry-After 秒后再试",
      headers = @Header(name = "Retry-After", description = "秒", schema = @Schema(type = "integer")),
      content = @Content(mediaType = XML, schema = @Schema(implementation = Errors.class)))
  @interface TooManyXml {}
}
