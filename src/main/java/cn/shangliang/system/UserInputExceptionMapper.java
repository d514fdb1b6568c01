package cn.shangliang.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda wraps whatever a listener throws into a plain ProcessEngineException (and its REST resources
 * wrap that into a RestException), both answered with 500. When the cause is bad user input — a form
 * value our listeners refused — /engine-rest answers 400 with that message, as for any other bad request.
 */
final class UserInputExceptionMapper {
  private UserInputExceptionMapper() {}

  static Response badInputOr(Throwable exception, java.util.function.Supplier<Response> otherwise) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badInput) {
        return ExceptionHandlerHelper.getInstance().getResponse(badInput);
      }
    }
    return otherwise.get();
  }

  @Priority(1)
  public static class ForEngine implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camundas = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return badInputOr(exception, () -> camundas.toResponse(exception));
    }
  }

  @Priority(1)
  public static class ForRest implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camundas = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return badInputOr(exception, () -> camundas.toResponse(exception));
    }
  }
}
