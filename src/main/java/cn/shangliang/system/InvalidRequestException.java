package cn.shangliang.system;

import java.util.List;

/** A request that passed the syntax checks but names something that does not exist: 400 with the fields. */
public class InvalidRequestException extends RuntimeException {
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
