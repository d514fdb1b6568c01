package cn.shangliang.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Camunda wraps whatever a listener throws into a plain ProcessEngineException (and its REST resources
 * wrap that into a RestException), both answered with 500. When the cause is bad user input — a form
 * value our listeners refused — /engine-rest answers 400 with that message, as for any other bad request.
 * A concurrent change (the same task completed twice, a reply against its timer) answers 409: the
 * request wrote nothing and may be sent again.
 *
 * <p>A refusal of the engine's authorization checks (also a task that belongs to someone else, see
 * {@code inbox.TaskOwnership}) answers 403 even where Camunda's resource wrapped it into a 500, and a claim of a
 * task somebody else holds ({@link TaskAlreadyClaimedException}, by Camunda answered 500) answers 409.
 *
 * <p>Camunda's REST API also answers 500 when a request names something that does not exist or leaves
 * out a value the engine needs: the engine's {@link NullValueException} ("task x doesn't exist: task is
 * null", "workerId is null"), a {@link NullPointerException} inside Camunda's own code (a body without
 * {@code retries}, a form of a task that does not exist), "No job found with id …". Those are bad
 * requests: 404 when the named object does not exist, else 400. A NullPointerException with our code
 * on its stack is a fault of ours and stays 500.
 */
final class UserInputExceptionMapper {
  private UserInputExceptionMapper() {}

  /** What Camunda's messages say when the object a request names does not exist. */
  private static final Pattern MISSING = Pattern.compile(
      "doesn't exist|does not exist|[Nn]ot found|[Cc]annot find|No .+ found|does not have a subscription");

  /** POST /condition when no conditional start event is met: the request's variables met none (400). */
  private static final Pattern NOTHING_MATCHED = Pattern.compile("^ENGINE-13043 ");

  /**
   * Whether /engine-rest answers this failure with a 4xx: the request named something that does not exist,
   * left out a value, sent input a listener refused or lost a race — the caller's fault, not the engine's or ours.
   */
  static boolean isCallerFault(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || lacksAValue(cause) || refusedToThisUser(cause)) return true;
    }
    return missingBehindA500(exception) || namesSomethingMissing(exception) || nothingMatched(exception)
        || ConcurrentChange.is(exception);
  }

  /** The engine's own words for an id that names nothing ("No job found with id …"), before REST wraps them. */
  private static boolean namesSomethingMissing(Throwable exception) {
    return exception instanceof ProcessEngineException && says(exception, MISSING);
  }

  static Response badInputOr(Throwable exception, Supplier<Response> otherwise) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException refused) {
        return ExceptionHandlerHelper.getInstance().getResponse(refused); // 403 with Camunda's own body
      }
      if (cause instanceof TaskAlreadyClaimedException held) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ExceptionDto.fromException(held)).build();
      }
      if (cause instanceof BadUserRequestException badInput) {
        return ExceptionHandlerHelper.getInstance().getResponse(badInput);
      }
      if (lacksAValue(cause)) {
        return refused(exception, cause);
      }
    }
    if (missingBehindA500(exception) || nothingMatched(exception)) {
      return refused(exception, exception);
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

  /** Not this user's to do: the engine's authorizations refused it, or the task is held by someone else. */
  private static boolean refusedToThisUser(Throwable cause) {
    return cause instanceof AuthorizationException || cause instanceof TaskAlreadyClaimedException;
  }

  /** The engine found no object for the id it was given, or Camunda's code met a value the request left out. */
  private static boolean lacksAValue(Throwable cause) {
    return cause instanceof NullValueException || cause instanceof NullPointerException && inCamundaAlone(cause);
  }

  private static boolean nothingMatched(Throwable exception) {
    return exception instanceof ProcessEngineException && says(exception, NOTHING_MATCHED);
  }

  /** Camunda's REST resources answer some ids that do not exist with a RestException of status 500. */
  private static boolean missingBehindA500(Throwable exception) {
    return exception instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() >= 500
        && says(rest, MISSING);
  }

  private static boolean says(Throwable exception, Pattern pattern) {
    return exception.getMessage() != null && pattern.matcher(exception.getMessage()).find();
  }

  /** 404 when the message says the named object does not exist, else 400; the body is Camunda's error JSON. */
  private static Response refused(Throwable exception, Throwable cause) {
    Throwable described = exception.getMessage() != null ? exception : cause;
    String message = described.getMessage();
    Response.Status status = says(described, MISSING) ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
    ExceptionDto body = new ExceptionDto();
    body.setType(cause instanceof NullPointerException ? BadUserRequestException.class.getSimpleName() : cause.getClass().getSimpleName());
    body.setMessage(cause instanceof NullPointerException ? "The request lacks a value the engine needs: " + message : message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /**
   * A NullPointerException raised in Camunda's code, with none of ours between it and the REST resource
   * Jersey called (a listener or delegate of ours on the way makes it our fault; our command interceptors, which
   * every command passes, do not).
   */
  private static boolean inCamundaAlone(Throwable npe) {
    StackTraceElement[] stack = npe.getStackTrace();
    if (stack.length == 0 || !stack[0].getClassName().startsWith("org.camunda.bpm.")) return false;
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("org.glassfish.jersey.")) return true;
      if (frame.getClassName().startsWith("cn.shangliang.") && !passesCommandsOn(frame)) return false;
    }
    return false;
  }

  /**
   * Tasklist, Cockpit and Admin talk to the engine through Camunda's own Jersey applications
   * (/camunda/api/engine), which take no customizer: Jersey's auto-discovery (META-INF/services) adds the
   * mappers there too, so a claim of a held task is a 409 in Tasklist as on /engine-rest.
   */
  @ConstrainedTo(RuntimeType.SERVER)
  public static class InEveryJerseyApplication implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : List.of(ForEngine.class, ForRest.class, ForNullPointer.class)) {
        if (!context.getConfiguration().isRegistered(mapper)) context.register(mapper);
      }
    }
  }

  /** Our command interceptors (inbox.TaskOwnership) stand in every command's stack, and only pass it on. */
  private static boolean passesCommandsOn(StackTraceElement frame) {
    try {
      return CommandInterceptor.class.isAssignableFrom(Class.forName(frame.getClassName(), false,
          UserInputExceptionMapper.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Priority(1)
  public static class ForNullPointer implements ExceptionMapper<NullPointerException> {
    private final ExceptionHandler camundas = new ExceptionHandler();

    @Override
    public Response toResponse(NullPointerException exception) {
      return badInputOr(exception, () -> camundas.toResponse(exception));
    }
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
