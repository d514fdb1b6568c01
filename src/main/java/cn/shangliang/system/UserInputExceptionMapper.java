package cn.shangliang.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda wraps whatever a listener throws into a plain ProcessEngineException (and its REST resources
 * wrap that into a RestException), both answered with 500. When the cause is bad user input — a form
 * value our listeners refused — /engine-rest answers 400 with that message, as for any other bad request.
 * A concurrent change (the same task completed twice, a reply against its timer) answers 409: the
 * request wrote nothing and may be sent again.
 */
final class UserInputExceptionMapper {
  private UserInputExceptionMapper() {}

  static Response badInputOr(Throwable exception, java.util.function.Supplier<Response> otherwise) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badInput) {
        return ExceptionHandlerHelper.getInstance().getResponse(badInput);
      }
    }
    if (ConcurrentChange.is(exception)) {
      Throwable shown = exception;
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) shown = cause;
      }
      return Response.status(Response.Status.CONFLICT).header("Retry-After", "1").type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ExceptionDto.fromException(shown)).build();
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
